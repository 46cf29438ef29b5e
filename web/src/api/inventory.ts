// The console's client for the inventory endpoints. The shapes are the server's own zod
// contracts, imported as types only so that no server code reaches the bundle.
import type { z } from 'zod';
import type {
  adjustmentBody,
  alert,
  channelRule,
  channelRuleBody,
  channelStock,
  InventoryReport,
  InventorySettings,
  LedgerCheck,
  movement,
  newWarehouseBody,
  planBody,
  ReportKind,
  reportQuery as reportQuerySchema,
  SkuStock,
  StockLevel,
  skuPlanningBody,
  transferBody,
  Warehouse,
  warehouseChangesBody,
} from '../../../src/contracts/inventory.ts';
import { del, get, id, type Page, type PageParams, patch, post, put } from './client';

export type {
  ComputedPlan,
  InventoryReport,
  InventorySettings,
  LedgerCheck,
  MovementKind,
  ReportKind,
  SkuStock,
  StockLevel,
  Warehouse,
} from '../../../src/contracts/inventory.ts';
export type Movement = z.output<typeof movement>;
export type StockAlert = z.output<typeof alert>;
export type ChannelRule = z.output<typeof channelRule>;
export type ChannelStock = z.output<typeof channelStock>;
export type SkuLevel = SkuStock['levels'][number];
export type PlanMode = SkuLevel['mode'];
export type NewWarehouse = z.input<typeof newWarehouseBody>;
export type WarehouseChanges = z.input<typeof warehouseChangesBody>;
export type Adjustment = z.input<typeof adjustmentBody>;
export type Transfer = z.input<typeof transferBody>;
export type PlanInput = z.input<typeof planBody>;
export type SkuPlanningInput = z.input<typeof skuPlanningBody>;
export type ChannelRuleInput = z.input<typeof channelRuleBody>;
export type ReportGroupBy = z.output<typeof reportQuerySchema>['groupBy'];
export type ReportFilter = { days: number; warehouse?: string; groupBy?: ReportGroupBy };

/** Unit costs and warehouse costs carry no currency of their own: the business books in yuan. */
export const inventoryCurrency = 'CNY';

function reportQuery(filter: ReportFilter, format?: 'csv' | 'xlsx') {
  return {
    days: filter.days,
    warehouse: filter.warehouse,
    groupBy: filter.groupBy,
    format,
  };
}

export const inventoryApi = {
  warehouses: {
    list: (params: PageParams) => get<Page<Warehouse>>('/warehouses', params),
    /** Every warehouse, for pickers (a business has a handful, never hundreds). */
    all: () => get<Page<Warehouse>>('/warehouses', { limit: 500 }).then((page) => page.items),
    create: (input: NewWarehouse) => post<Warehouse>('/warehouses', input),
    update: (warehouseId: string, changes: WarehouseChanges) =>
      patch<Warehouse>(`/warehouses/${id(warehouseId)}`, changes),
  },
  levels: {
    list: (params: PageParams & { sku?: string; warehouse?: string; q?: string; isLow?: boolean }) =>
      get<Page<StockLevel>>('/inventory/levels', {
        ...params,
        isLow: params.isLow ? 'true' : undefined,
      }),
    adjust: (input: Adjustment) => post<StockLevel>('/inventory/adjustments', input),
    transfer: (input: Transfer) => post<{ from: StockLevel; to: StockLevel }>('/inventory/transfers', input),
  },
  movements: {
    list: (params: PageParams & { sku?: string; warehouse?: string; kind?: string; orderId?: string }) =>
      get<Page<Movement>>('/inventory/movements', params),
  },
  skus: {
    get: (code: string) => get<SkuStock>(`/inventory/skus/${id(code)}`),
    updatePlanning: (code: string, input: SkuPlanningInput) =>
      patch<SkuStock>(`/inventory/skus/${id(code)}`, input),
  },
  plans: {
    save: (input: PlanInput) => put<SkuStock>('/inventory/plans', input),
    recompute: () => post<{ planned: number }>('/inventory/plans/recompute'),
  },
  checkLedger: () => get<LedgerCheck>('/inventory/check'),
  alerts: {
    list: (params: PageParams & { status: 'open' | 'all' }) =>
      get<Page<StockAlert>>('/inventory/alerts', params),
    count: () => get<{ open: number }>('/inventory/alerts/count'),
  },
  channelRules: {
    list: () => get<{ items: ChannelRule[] }>('/inventory/channel-rules').then((list) => list.items),
    save: (input: ChannelRuleInput) => put<ChannelRule>('/inventory/channel-rules', input),
    remove: (ruleId: string) => del(`/inventory/channel-rules/${id(ruleId)}`),
  },
  channelStock: {
    list: (params: PageParams & { channel: string; q?: string }) =>
      get<Page<ChannelStock>>('/inventory/channel-stock', params),
  },
  settings: {
    get: () => get<InventorySettings>('/inventory/settings'),
    save: (settings: InventorySettings) => put<InventorySettings>('/inventory/settings', settings),
  },
  reports: {
    get: (kind: ReportKind, filter: ReportFilter) =>
      get<InventoryReport>(`/inventory/reports/${kind}`, reportQuery(filter)),
    /** The same report as a file: a plain link downloads it, the session cookie signs the GET. */
    fileUrl: (kind: ReportKind, filter: ReportFilter, format: 'csv' | 'xlsx') => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(reportQuery(filter, format))) {
        if (value !== undefined && value !== '') params.set(key, String(value));
      }
      return `/api/v1/inventory/reports/${kind}?${params}`;
    },
  },
};
