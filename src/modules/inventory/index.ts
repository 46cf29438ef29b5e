import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Mailer } from '../../platform/mail.ts';
import { createChannelStock } from './channel-stock.ts';
import { createLevels } from './levels.ts';
import { createPlanning } from './planning.ts';
import { purchaseOrderPdf } from './purchase-order-pdf.ts';
import { createPurchaseOrders } from './purchase-orders.ts';
import { createReplenishment } from './replenishment.ts';
import { createReports } from './reports.ts';
import { createStockImport } from './stock-import.ts';
import { createStockViews } from './stock-views.ts';
import { createStocktakes } from './stocktakes.ts';
import { createSupplierImport } from './supplier-import.ts';
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
export { postAdjustment } from './levels.ts';
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

/**
 * The inventory module, grouped by area. Reservations for orders (`reserveForOrders`,
 * `releaseOrderStock`, …) are the functions exported above: they run in the caller's transaction.
 */
export function createInventory(deps: InventoryDeps) {
  const warehouses = createWarehouses(deps);
  const withSettings = { ...deps, settings: warehouses.inventorySettings };
  const levels = createLevels(deps);
  const views = createStockViews(deps);
  const planning = createPlanning(withSettings);
  const channelStock = createChannelStock(deps);
  const suppliers = createSuppliers(deps);
  const purchaseOrders = createPurchaseOrders(deps);
  const stocktakes = createStocktakes(withSettings);
  const reports = createReports(withSettings);
  return {
    warehouses: {
      list: warehouses.listWarehouses,
      create: warehouses.createWarehouse,
      update: warehouses.updateWarehouse,
      /** Active warehouses, cached for a second: routing reads them for every order. */
      active: warehouses.activeWarehouses,
    },
    settings: { get: warehouses.inventorySettings, update: warehouses.updateInventorySettings },
    levels: {
      list: levels.listLevels,
      adjust: levels.adjustStock,
      transfer: levels.transferStock,
      /** Counted on-hand figures from a CSV, each difference posted as an adjustment. */
      importCsv: createStockImport(deps).importStock,
    },
    ledger: { movements: levels.listMovements, check: levels.checkLedger },
    /** The SKU page: levels and plans per warehouse, and the SKU's planning fields. */
    skus: { stock: views.skuStock, updatePlanning: views.updateSkuPlanning },
    plans: {
      set: planning.setPlan,
      recompute: planning.recomputePlans,
      expectedDailyDemand: planning.expectedDailyDemand,
    },
    alerts: { list: views.listAlerts, openCount: views.openAlertCount, notifyLowStock: views.notifyLowStock },
    channelStock: {
      rules: channelStock.listChannelRules,
      saveRule: channelStock.saveChannelRule,
      deleteRule: channelStock.deleteChannelRule,
      list: channelStock.channelStock,
    },
    suppliers: {
      list: suppliers.listSuppliers,
      create: suppliers.createSupplier,
      update: suppliers.updateSupplier,
      /** Suppliers created or updated by code from a CSV, optionally assigned to SKUs. */
      importCsv: createSupplierImport({ ...deps, suppliers, updateSkuPlanning: views.updateSkuPlanning }),
    },
    replenishment: { suggestions: createReplenishment(withSettings).listSuggestions },
    purchaseOrders: {
      create: purchaseOrders.createPurchaseOrder,
      createFromSuggestions: purchaseOrders.createFromSuggestions,
      editDraft: purchaseOrders.editDraftLines,
      send: purchaseOrders.sendPurchaseOrder,
      cancel: purchaseOrders.cancelPurchaseOrder,
      receive: purchaseOrders.receivePurchaseOrder,
      get: purchaseOrders.getPurchaseOrder,
      list: purchaseOrders.listPurchaseOrders,
      /** The purchase order as a PDF to send to the supplier. */
      pdf: async (id: string) => {
        const po = await purchaseOrders.getPurchaseOrder(id);
        const warehouse = (await warehouses.listWarehouses()).find((w) => w.code === po.warehouse);
        return purchaseOrderPdf(po, {
          warehouseName: warehouse?.name ?? po.warehouse,
          timeZone: warehouse?.timeZone ?? 'Asia/Shanghai',
        });
      },
    },
    stocktakes: {
      create: stocktakes.createStocktake,
      planCycleCounts: stocktakes.planCycleCounts,
      recordCounts: stocktakes.recordCounts,
      importCounts: stocktakes.importCounts,
      setLineNote: stocktakes.setLineNote,
      submit: stocktakes.submitStocktake,
      approve: stocktakes.approveStocktake,
      cancel: stocktakes.cancelStocktake,
      get: stocktakes.getStocktake,
      list: stocktakes.listStocktakes,
    },
    reports: { build: reports.inventoryReport, stockOutRate: reports.stockOutRate },
  };
}

export type Inventory = ReturnType<typeof createInventory>;
