import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Mailer } from '../../platform/mail.ts';
import { createChannelStock } from './channel-stock.ts';
import { createLevels } from './levels.ts';
import { createPlanning } from './planning.ts';
import { createPurchaseOrders } from './purchase-orders.ts';
import { createReplenishment } from './replenishment.ts';
import { createReports } from './reports.ts';
import { createStockImport } from './stock-import.ts';
import { createStockViews } from './stock-views.ts';
import { createStocktakes } from './stocktakes.ts';
import { createSuppliers } from './suppliers.ts';
import { createWarehouses } from './warehouses.ts';

export {
  adjustForShortPick,
  issueOrderStock,
  orderAllocations,
  type ReservationResult,
  releaseOrderStock,
  reserveForOrder,
  reserveForOrders,
} from './allocation.ts';
export { reportCsv, reportXlsx } from './report-export.ts';
export type { RoutingWarehouse } from './routing.ts';

export interface InventoryDeps {
  database: Database;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
  /**
   * Units backordered customers wait for, per SKU code. Backordered orders hold no reservation,
   * so only the orders module (above inventory) knows them; the app passes its function in.
   */
  backorderedUnits: () => Promise<Map<string, number>>;
}

/** The inventory module: warehouses, levels and the ledger, planning, supply and stocktakes. */
export function createInventory(deps: InventoryDeps) {
  const warehouses = createWarehouses(deps);
  const withSettings = { ...deps, settings: warehouses.inventorySettings };
  return {
    ...warehouses,
    ...createLevels(deps),
    ...createStockImport(deps),
    ...createPlanning(withSettings),
    ...createStockViews(deps),
    ...createChannelStock(deps),
    ...createSuppliers(deps),
    ...createPurchaseOrders(deps),
    ...createReplenishment(withSettings),
    ...createStocktakes(withSettings),
    ...createReports(withSettings),
  };
}

export type Inventory = ReturnType<typeof createInventory>;
