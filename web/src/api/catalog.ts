// SKUs and sales channels (the catalog module's endpoints).
import type { z } from 'zod';
import type {
  channel,
  newSkuBody,
  sku,
  skuChangesBody,
  skuImportResult,
} from '../../../src/contracts/catalog.ts';
import { del, get, id, type Page, type PageParams, patch, post, request } from './client';

export type Sku = z.output<typeof sku>;
export type NewSku = z.input<typeof newSkuBody>;
export type SkuChanges = z.input<typeof skuChangesBody>;
export type SkuImportResult = z.output<typeof skuImportResult>;
export type Channel = z.output<typeof channel>;

export const catalogApi = {
  skus: {
    list: (params: PageParams & { q?: string }) => get<Page<Sku>>('/skus', params),
    create: (input: NewSku) => post<Sku>('/skus', input),
    update: (skuId: string, input: SkuChanges) => patch<Sku>(`/skus/${id(skuId)}`, input),
    remove: (skuId: string) => del(`/skus/${id(skuId)}`),
    importCsv: (csv: string) =>
      request<SkuImportResult>('POST', '/skus/import', { text: { body: csv, contentType: 'text/csv' } }),
  },
  channels: {
    list: () => get<Page<Channel>>('/channels', { limit: 500 }),
  },
};
