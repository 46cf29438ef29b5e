import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { catalogRepository } from './catalog.repository.ts';
import { createChannels } from './channels.ts';
import { createSkuImport } from './sku-import.ts';
import { createSkus } from './skus.ts';

export type { Channel } from './channels.ts';
export { skuCsvColumns } from './sku-import.ts';
export { defaultCurrency, type SkuPlanningFields, setSkuPlanningFields } from './skus.ts';

/** The catalog module: SKUs and sales channels. */
export function createCatalog(deps: { database: Database; clock: Clock }) {
  const skus = createSkus(deps);
  const channels = createChannels(deps);
  return {
    skus,
    channels,
    importSkus: createSkuImport({ ...deps, skus }),
    /** Catalog state of SKU codes, read inside another module's transaction. */
    skuStates,
  };
}

export type Catalog = ReturnType<typeof createCatalog>;

/** Catalog state of SKU codes, for callers that hold a transaction but not the catalog object. */
export const skuStates = catalogRepository.skuStates;

/** A SKU by its code, read in the caller's transaction; a 422 naming the field when unknown. */
export async function skuByCode(db: Executor, code: string, field = 'sku'): Promise<Row<'skus'>> {
  const row = await catalogRepository.findSkuByCode(db, code);
  if (!row) throw new AppError('UNKNOWN_SKU', `${field}: no SKU "${code}"`, { field, code });
  return row;
}
