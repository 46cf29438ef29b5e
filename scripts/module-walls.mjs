// The module walls of DESIGN.md section 4 as Biome `noRestrictedImports` overrides.
//
// A module imports a lower module only through that module's index.ts and never imports a higher
// one; platform/ and contracts/ import no module; the console imports contracts, never server
// modules. Imports are relative, so a pattern names the other module by how many folders up it is:
// from src/modules/orders/audit/x.ts, `../../catalog/**` is the catalog module, while `../queue/**`
// is orders' own sub-folder. One override per module and folder depth keeps the two apart.
//
// `node scripts/module-walls.mjs --write` writes them to biome.walls.json, which biome.json
// extends; test/platform/module-walls.test.ts fails while that file is out of date.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Lowest first: a module may use the modules before it. staff and catalog share the bottom layer. */
export const moduleLayers = [
  'staff',
  'catalog',
  'inventory',
  'orders',
  'fulfilment',
  'logistics',
  'channels',
  'service',
  'risk',
  'insights',
  'performance',
  'review',
];

/** Deepest folder level inside a module that the walls cover (orders/audit/checks/x.ts is 3);
 * the walls test fails on a file deeper than this. */
export const maxDepth = 3;

function restricted(patterns) {
  return { linter: { rules: { style: { noRestrictedImports: { level: 'error', options: { patterns } } } } } };
}

function moduleOverride(module, depth) {
  const up = '../'.repeat(depth);
  const rank = moduleLayers.indexOf(module);
  const lower = moduleLayers.slice(0, rank);
  const higher = moduleLayers.slice(rank + 1);
  const patterns = [];
  if (lower.length > 0)
    patterns.push({
      group: lower.flatMap((other) => [`${up}${other}/**`, `!${up}${other}/index.ts`]),
      message: `${module} uses ${lower.join(', ')} only through their index.ts.`,
    });
  if (higher.length > 0)
    patterns.push({
      group: higher.map((other) => `${up}${other}/**`),
      message: `${higher.join(', ')} are above ${module}: flow upward through events, not imports.`,
    });
  const files = `src/modules/${module}/${'*/'.repeat(depth - 1)}*.ts`;
  return { includes: [files], ...restricted(patterns) };
}

export function wallOverrides() {
  const modules = moduleLayers.flatMap((module) =>
    Array.from({ length: maxDepth }, (_, i) => moduleOverride(module, i + 1)),
  );
  const below = (folder, reader) => ({
    // Their tests may check them against the modules (contracts/order-holds.test.ts).
    includes: [`${folder}/**`, '!**/*.test.ts'],
    ...restricted([{ group: ['**/modules/**'], message: `${reader} imports no module.` }]),
  });
  return [
    ...modules,
    below('src/platform', 'platform/'),
    below('src/contracts', 'contracts/ (shared with the console)'),
    below('web/src', 'The console (it uses src/contracts/ and the HTTP API)'),
  ];
}

/** biome.walls.json as written: one override per line, so a change to the walls reads as a diff. */
export function wallsConfig() {
  const lines = wallOverrides().map((override) => `    ${JSON.stringify(override)}`);
  return `{\n  "overrides": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain && process.argv.includes('--write')) {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'biome.walls.json');
  fs.writeFileSync(file, wallsConfig());
}
