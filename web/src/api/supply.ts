// Typed calls for suppliers, replenishment, purchase orders and stocktakes. The shapes are the
// server's own zod contracts, imported as types only so no server code reaches the bundle.
import type { z } from 'zod';
import type {
  countImportResult,
  countsBody,
  fromSuggestionsBody,
  newPurchaseOrderBody,
  newStocktakeBody,
  newSupplierBody,
  PurchaseOrder,
  purchaseOrderStatuses,
  receiveBody,
  StocktakeDetail,
  Supplier,
  stocktake,
  stocktakeStatuses,
  suggestion,
  supplierChangesBody,
} from '../../../src/contracts/inventory.ts';
import { get, id, type Page, type PageParams, patch, post, put, request } from './client';

export type { PurchaseOrder, StocktakeDetail, Supplier };
export type SupplierInput = z.input<typeof newSupplierBody>;
export type SupplierChanges = z.input<typeof supplierChangesBody>;
export type Suggestion = z.output<typeof suggestion>;
export type PurchaseOrderStatus = (typeof purchaseOrderStatuses)[number];
export type PurchaseOrderInput = z.input<typeof newPurchaseOrderBody>;
export type FromSuggestionsInput = z.input<typeof fromSuggestionsBody>;
export type ReceiveInput = z.input<typeof receiveBody>;
export type Stocktake = z.output<typeof stocktake>;
export type StocktakeStatus = (typeof stocktakeStatuses)[number];
export type StocktakeLine = StocktakeDetail['lines'][number];
export type StocktakeInput = z.input<typeof newStocktakeBody>;
export type Count = z.input<typeof countsBody>['counts'][number];
export type CountImportResult = z.output<typeof countImportResult>;

/** The header line the count import expects (the note column may be left out). */
export const countCsvHeader = 'sku,counted,note';

export const supplyApi = {
  suppliers: {
    list: (params: PageParams & { q?: string }) => get<Page<Supplier>>('/suppliers', params),
    create: (input: SupplierInput) => post<Supplier>('/suppliers', input),
    update: (supplierId: string, changes: SupplierChanges) =>
      patch<Supplier>(`/suppliers/${id(supplierId)}`, changes),
  },
  suggestions: (filter: { warehouse?: string; supplier?: string }) =>
    get<{ items: Suggestion[] }>('/inventory/suggestions', filter),
  purchaseOrders: {
    list: (params: PageParams & { status?: string; supplier?: string; isOverdue?: boolean }) =>
      get<Page<PurchaseOrder>>('/purchase-orders', {
        ...params,
        isOverdue: params.isOverdue ? 'true' : undefined,
      }),
    get: (poId: string) => get<PurchaseOrder>(`/purchase-orders/${id(poId)}`),
    create: (input: PurchaseOrderInput) => post<PurchaseOrder>('/purchase-orders', input),
    /** One draft PO per supplier of the chosen suggestions. */
    fromSuggestions: (input: FromSuggestionsInput) =>
      post<{ items: PurchaseOrder[] }>('/purchase-orders/from-suggestions', input),
    send: (poId: string) => post<PurchaseOrder>(`/purchase-orders/${id(poId)}/send`),
    cancel: (poId: string) => post<PurchaseOrder>(`/purchase-orders/${id(poId)}/cancel`),
    receive: (poId: string, input: ReceiveInput) =>
      post<PurchaseOrder>(`/purchase-orders/${id(poId)}/receive`, input),
  },
  stocktakes: {
    list: (params: PageParams & { status?: string }) => get<Page<Stocktake>>('/stocktakes', params),
    get: (stocktakeId: string) => get<StocktakeDetail>(`/stocktakes/${id(stocktakeId)}`),
    create: (input: StocktakeInput) => post<StocktakeDetail>('/stocktakes', input),
    /** Opens the cycle counts now due by ABC class. */
    planCycle: () => post<{ items: Stocktake[] }>('/stocktakes/cycle-plan'),
    saveCounts: (stocktakeId: string, counts: Count[]) =>
      put<StocktakeDetail>(`/stocktakes/${id(stocktakeId)}/counts`, { counts }),
    importCounts: (stocktakeId: string, csv: string) =>
      request<CountImportResult>('POST', `/stocktakes/${id(stocktakeId)}/counts/import`, {
        text: { body: csv, contentType: 'text/csv' },
      }),
    submit: (stocktakeId: string) => post<StocktakeDetail>(`/stocktakes/${id(stocktakeId)}/submit`),
    setNote: (stocktakeId: string, sku: string, note: string) =>
      put<StocktakeDetail>(`/stocktakes/${id(stocktakeId)}/lines/${id(sku)}/note`, { note }),
    approve: (stocktakeId: string) => post<StocktakeDetail>(`/stocktakes/${id(stocktakeId)}/approve`),
    cancel: (stocktakeId: string) => post<StocktakeDetail>(`/stocktakes/${id(stocktakeId)}/cancel`),
  },
};
