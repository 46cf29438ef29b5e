import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { catalogRepository } from './catalog.repository.ts';
import { createChannels } from './channels.ts';
import { createSkuImport } from './sku-import.ts';
import { createSkus } from './skus.ts';

export type { Channel } from './channels.ts';
export { skuCsvColumns } from './sku-import.ts';
export { defaultCurrency } from './skus.ts';

/** The catalog module: SKUs and sales channels. */
export function createCatalog(deps: { database: Database; clock: Clock }) {
  const skus = createSkus(deps);
  const channels = createChannels(deps);
  return {
    skus,
    channels,
    importSkus: createSkuImport({ ...deps, skus }),
    /** Catalog state of SKU codes, read inside another module's transaction. */
    skuStates: catalogRepository.skuStates,
  };
}

export type Catalog = ReturnType<typeof createCatalog>;
