/**
 * Marketplace file imports (channels): CSV and XLSX order exports read through a column mapping
 * saved per channel, previewed, imported with progress, with a result file of what failed.
 */
import { createFileImports, type FileImportsDeps } from './file-imports.ts';
import { createMappings, type MappingsDeps } from './mappings.ts';

export { fileImportsRoutes } from './file-imports.routes.ts';
export type { ImportCounts, ImportOutcome } from './import-run.ts';
export { importSheet } from './import-run.ts';
export { parseMappingJson } from './mappings.ts';
export { compileMapping, fitsHeader } from './order-mapping.ts';
export { ordersIntake, type ReceiveOrders } from './orders-intake.ts';
export { presetMappings } from './presets.ts';
export { openSheet, sheetFormat } from './sheet-reader.ts';

export function createFileImportsArea(deps: MappingsDeps & Omit<FileImportsDeps, 'mappings'>) {
  const mappings = createMappings(deps);
  return { mappings, imports: createFileImports({ ...deps, mappings }) };
}

export type FileImports = ReturnType<typeof createFileImportsArea>;
