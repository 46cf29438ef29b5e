// Holding and releasing orders: holds, reviews, payment and address fixes, notes, the review
// queue and its teams, audit rules, the blocklist, and the customer's public address-fix page.
import type { z } from 'zod';
import { blocklistKinds, type noteDirections } from '../../../src/contracts/order-enums.ts';
import { customerActionHolds, holdCodes, reviewOnlyHolds } from '../../../src/contracts/order-holds.ts';
import type {
  blocklistBody,
  blocklistEntry,
  bulkReleaseResponse,
  dryRunResult,
  note,
  noteBody,
  paymentBody,
  publicAddressFix,
  queueItem,
  ruleCatalog,
  ruleConfig,
  ruleSet,
  team,
  teamBody,
} from '../../../src/contracts/order-review.ts';
import type { Order } from '../../../src/contracts/orders.ts';
import { del, get, id, type Page, type PageParams, post, put } from './client';
import type { ReviewStage } from './orders';

export { blocklistKinds, customerActionHolds, holdCodes, reviewOnlyHolds };

export type PaymentInput = z.input<typeof paymentBody>;
export type NoteDirection = (typeof noteDirections)[number];
export type OrderNote = z.output<typeof note>;
export type NoteInput = z.input<typeof noteBody>;
export type BulkReleaseResult = z.output<typeof bulkReleaseResponse>['results'][number];
export type QueueItem = z.output<typeof queueItem>;
export type QueueFilter = { team?: string; mine?: boolean; stage?: ReviewStage };
export type Team = z.output<typeof team>;
export type TeamInput = Omit<z.input<typeof teamBody>, 'id'>;

export type RuleConfig = z.output<typeof ruleConfig>;
export type RuleSet = z.output<typeof ruleSet>;
/** The subset of JSON Schema the rule catalog uses to describe parameters. */
export type JsonSchema = {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
};
// The contract leaves each rule's parameter schema open; the console reads it as JSON Schema.
export type CatalogRule = Omit<z.output<typeof ruleCatalog>['items'][number], 'paramsSchema'> & {
  paramsSchema: JsonSchema;
};
export type DryRunResult = z.output<typeof dryRunResult>;
export type DryRunCode = DryRunResult['byCode'][number];

export type BlocklistKind = (typeof blocklistKinds)[number];
export type BlocklistEntry = z.output<typeof blocklistEntry>;
export type BlocklistInput = z.input<typeof blocklistBody>;

/** What the public address-fix page shows (every address part a string, empty when unknown). */
export type AddressFix = z.output<typeof publicAddressFix>;
/** An address as a form holds it: every part a string, empty when unknown. */
export type AddressInput = AddressFix['shippingAddress'];

export const orderReviewApi = {
  releaseHolds: (orderId: string, codes: string[], note?: string) =>
    post<Order>(`/orders/${id(orderId)}/holds/release`, { codes, note }),
  bulkRelease: (orderIds: string[], note?: string) =>
    post<z.output<typeof bulkReleaseResponse>>('/orders/bulk-release', { orderIds, note }),
  review: (orderId: string, stage: ReviewStage, decision: 'approve' | 'reject', reason?: string) =>
    post<Order>(`/orders/${id(orderId)}/review/${stage}`, { decision, reason }),
  recordPayment: (orderId: string, input: PaymentInput) =>
    post<Order>(`/orders/${id(orderId)}/payment`, input),
  correctAddress: (orderId: string, shippingAddress: AddressInput) =>
    put<Order>(`/orders/${id(orderId)}/address`, { shippingAddress }),
  notes: {
    list: (orderId: string) => get<{ items: OrderNote[] }>(`/orders/${id(orderId)}/notes`),
    add: (orderId: string, input: NoteInput) => post<OrderNote>(`/orders/${id(orderId)}/notes`, input),
  },
  queue: {
    list: (params: PageParams & QueueFilter) =>
      get<Page<QueueItem>>('/queue', {
        limit: params.limit,
        cursor: params.cursor,
        team: params.team,
        mine: params.mine ? 'true' : undefined,
        stage: params.stage,
      }),
    /** The most urgent unclaimed order; 404 QUEUE_EMPTY when there is none. */
    claimNext: (filter: { team?: string; stage?: ReviewStage }) => post<QueueItem>('/queue/claim', filter),
    claim: (orderId: string) => post<QueueItem>(`/orders/${id(orderId)}/claim`),
    unclaim: (orderId: string) => post<void>(`/orders/${id(orderId)}/unclaim`),
  },
  teams: {
    list: () => get<{ items: Team[] }>('/teams'),
    save: (teamId: string, input: TeamInput) => put<Team>(`/teams/${id(teamId)}`, input),
  },
  auditRules: {
    active: () => get<RuleSet>('/audit-rules'),
    catalog: () => get<{ items: CatalogRule[] }>('/audit-rules/catalog'),
    versions: () => get<{ items: RuleSet[] }>('/audit-rules/versions'),
    save: (rules: RuleConfig[], note?: string) => post<RuleSet>('/audit-rules', { rules, note }),
    dryRun: (rules: RuleConfig[], days: number) =>
      post<DryRunResult>('/audit-rules/dry-run', { rules, days }),
  },
  blocklist: {
    list: (params: PageParams) => get<Page<BlocklistEntry>>('/blocklist', params),
    add: (input: BlocklistInput) => post<BlocklistEntry>('/blocklist', input),
    remove: (entryId: string) => del(`/blocklist/${id(entryId)}`),
  },
  /** Pages customers reach from a link in a mail, without an account. */
  publicLinks: {
    addressFix: (token: string) => get<AddressFix>(`/public/address-fix/${id(token)}`),
    submitAddressFix: (token: string, shippingAddress: AddressInput) =>
      post<AddressFix>(`/public/address-fix/${id(token)}`, { shippingAddress }),
    sendMessage: (token: string, body: string) =>
      post<AddressFix>(`/public/address-fix/${id(token)}/messages`, { body }),
  },
};
