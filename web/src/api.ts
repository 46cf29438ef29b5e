// The console's only door to the server: every request goes through `request`, which
// adds the CSRF header to changes and turns the server's error envelope into ApiError.

// Every shape is the server's own zod contract (src/contracts), imported as a type only so no
// server code reaches the bundle; the constants come from the contracts' zod-free files.
import type { z } from 'zod';
import type {
  channel,
  newSkuBody,
  sku,
  skuChangesBody,
  skuImportResult,
} from '../../src/contracts/catalog.ts';
import {
  blocklistKinds,
  deliveryServices,
  orderStatuses,
  orderTypes,
  paymentStatuses,
  type reviewStages,
  type slaStatuses,
} from '../../src/contracts/order-enums.ts';
import { customerActionHolds, holdCodes, reviewOnlyHolds } from '../../src/contracts/order-holds.ts';
import type {
  blocklistBody,
  blocklistEntry,
  bulkReleaseResponse,
  dryRunResult,
  efficiency,
  note,
  paymentBody,
  publicAddressFix,
  queueItem,
  ruleCatalog,
  ruleConfig,
  ruleSet,
  team,
} from '../../src/contracts/order-review.ts';
import type { OrderSettings, orderSettingsSchema } from '../../src/contracts/order-settings.ts';
import { canTransition, type OrderStatus } from '../../src/contracts/order-transitions.ts';
import type {
  canonicalOrder,
  holdDetail,
  Order,
  orderEvent,
  orderSummary,
  ordersOverview,
} from '../../src/contracts/orders.ts';
import type {
  apiKey,
  auditEntry,
  newApiKeyBody,
  newApiKeyResponse,
  newUserBody,
  roleList,
  sessionResponse,
  sessionUser,
  user,
  userChangesBody,
  userDirectory,
} from '../../src/contracts/staff.ts';
import type { outboxEntry, outboxStatuses } from '../../src/contracts/system.ts';

export type Page<T> = { items: T[]; nextCursor: string | null };
export type PageParams = { limit?: number; cursor?: string | null };

export type User = z.output<typeof user>;
export type NewUser = z.input<typeof newUserBody>;
export type UserChanges = z.input<typeof userChangesBody>;
export type DirectoryEntry = z.output<typeof userDirectory>['items'][number];
export type SessionUser = z.output<typeof sessionUser>;
export type Session = z.output<typeof sessionResponse>;
export type Role = z.output<typeof roleList>['items'][number];
export type ApiKey = z.output<typeof apiKey>;
export type NewApiKey = z.input<typeof newApiKeyBody>;
export type CreatedApiKey = z.output<typeof newApiKeyResponse>;
export type AuditEntry = z.output<typeof auditEntry>;

export type Sku = z.output<typeof sku>;
export type NewSku = z.input<typeof newSkuBody>;
export type SkuChanges = z.input<typeof skuChangesBody>;
export type SkuImportResult = z.output<typeof skuImportResult>;
export type Channel = z.output<typeof channel>;

export type { Order, OrderSettings, OrderStatus };
export {
  blocklistKinds,
  canTransition,
  customerActionHolds,
  holdCodes,
  orderStatuses,
  orderTypes,
  paymentStatuses,
  reviewOnlyHolds,
};
export const requestedServices = deliveryServices;
export type OrderType = (typeof orderTypes)[number];
export type PaymentStatus = (typeof paymentStatuses)[number];
export type RequestedService = (typeof deliveryServices)[number];
/** Suggestions for the payment method field; the server takes any short text. */
export const paymentMethods = [
  'alipay',
  'wechat_pay',
  'card',
  'bank_transfer',
  'cash',
  'cod',
  'other',
] as const;

export type OrderListItem = z.output<typeof orderSummary>;
export type Address = Order['shippingAddress'];
export type OrderEvent = z.output<typeof orderEvent>;
export type Actor = OrderEvent['actor'];
export type HoldDetail = z.output<typeof holdDetail>;
export type ReviewStage = (typeof reviewStages)[number];
export type SlaStatus = (typeof slaStatuses)[number];
export type PaymentInput = z.input<typeof paymentBody>;

/** Who wrote a note, and who sees it: internal notes stay in the console. */
export type NoteDirection = 'internal' | 'to_customer' | 'from_customer';
// The contract types `direction` as text; these three are the only values the server writes.
export type OrderNote = Omit<z.output<typeof note>, 'direction'> & { direction: NoteDirection };

export type BulkReleaseResult = z.output<typeof bulkReleaseResponse>['results'][number];

// The contract types these as text; the server fills them from the same vocabularies.
export type QueueItem = Omit<z.output<typeof queueItem>, 'slaStatus' | 'reviewStage'> & {
  slaStatus: SlaStatus;
  reviewStage: ReviewStage | null;
};
export type QueueFilter = { team?: string; mine?: boolean; stage?: ReviewStage };

export type Team = z.output<typeof team>;

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

export type { AssignmentRule, ClassificationRule, Sla } from '../../src/contracts/order-settings.ts';
// The policy schema is typed by its output; the rest of what the console sends is the schema's input.
export type OrderSettingsInput = Omit<z.input<typeof orderSettingsSchema>, 'policy'> & {
  policy: OrderSettings['policy'];
};

export type Efficiency = z.output<typeof efficiency>;

/** What the public address-fix page shows (every address part a string, empty when unknown). */
export type AddressFix = z.output<typeof publicAddressFix>;
/** An address as a form holds it: every part a string, empty when unknown. */
export type AddressInput = AddressFix['shippingAddress'];

/** The canonical order a channel (or the console's new-order form) submits; see CONTRACT.md. */
export type OrderInput = z.input<typeof canonicalOrder>;

export type OrdersOverview = z.output<typeof ordersOverview>;

export type OutboxStatus = (typeof outboxStatuses)[number];
export type OutboxItem = z.output<typeof outboxEntry>;

export type ErrorDetails = Record<string, unknown>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetails;

  constructor(status: number, code: string, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request made with a session gets 401, i.e. the session has expired. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | null | undefined>;
export type RequestOptions = {
  query?: Query;
  json?: unknown;
  text?: { body: string; contentType: string };
  /** A file sent as it is (uploads of spreadsheets, whatever their encoding). */
  file?: Blob;
};

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

async function send<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: string | Blob | undefined;
  if (options.file) {
    headers['Content-Type'] = 'application/octet-stream';
    body = options.file;
  } else if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.text) {
    headers['Content-Type'] = options.text.contentType;
    body = options.text.body;
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : String(cause));
  }
  if (response.status === 204) return { status: 204, body: undefined as T };
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; details?: ErrorDetails } } | null)
      ?.error;
    if (response.status === 401 && !path.startsWith('/auth/')) onUnauthorized?.();
    throw new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? response.statusText,
      error?.details ?? {},
    );
  }
  return { status: response.status, body: payload as T };
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  return (await send<T>(method, path, options)).body;
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', path, { query });
export const post = <T>(path: string, json?: unknown) => request<T>('POST', path, { json: json ?? {} });
export const patch = <T>(path: string, json: unknown) => request<T>('PATCH', path, { json });
export const put = <T>(path: string, json: unknown) => request<T>('PUT', path, { json });
export const del = (path: string) => request<void>('DELETE', path);
const id = (value: string) => encodeURIComponent(value);

export const api = {
  auth: {
    login: (username: string, password: string) => post<Session>('/auth/login', { username, password }),
    me: () => get<Session>('/auth/me'),
    logout: () => post<void>('/auth/logout'),
  },
  roles: {
    list: () => get<{ items: Role[] }>('/roles'),
  },
  users: {
    list: (params: PageParams) => get<Page<User>>('/users', params),
    directory: () => get<{ items: DirectoryEntry[] }>('/users/directory'),
    create: (input: NewUser) => post<User>('/users', input),
    update: (userId: string, input: UserChanges) => patch<User>(`/users/${id(userId)}`, input),
  },
  apiKeys: {
    list: (params: PageParams) => get<Page<ApiKey>>('/api-keys', params),
    create: (input: NewApiKey) => post<CreatedApiKey>('/api-keys', input),
    revoke: (keyId: string) => post<ApiKey>(`/api-keys/${id(keyId)}/revoke`),
  },
  auditLog: {
    list: (params: PageParams & { action?: string }) => get<Page<AuditEntry>>('/audit-log', params),
  },
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
  orders: {
    list: (params: PageParams & { status?: string; channel?: string; q?: string }) =>
      get<Page<OrderListItem>>('/orders', params),
    get: (orderId: string) => get<Order>(`/orders/${id(orderId)}`),
    /** `isNew` is false when the channel had already sent this externalId: the stored order comes back. */
    create: async (input: OrderInput) => {
      const { status, body } = await send<Order>('POST', '/orders', { json: input });
      return { order: body, isNew: status === 201 };
    },
    cancel: (orderId: string, reason: string) => post<Order>(`/orders/${id(orderId)}/cancel`, { reason }),
    summary: () => get<OrdersOverview>('/orders/summary'),
    efficiency: (days = 7) => get<Efficiency>('/orders/efficiency', { days }),
    releaseHolds: (orderId: string, codes: string[], note?: string) =>
      post<Order>(`/orders/${id(orderId)}/holds/release`, { codes, note }),
    bulkRelease: (orderIds: string[], note?: string) =>
      post<{ results: BulkReleaseResult[] }>('/orders/bulk-release', { orderIds, note }),
    review: (orderId: string, stage: ReviewStage, decision: 'approve' | 'reject', reason?: string) =>
      post<Order>(`/orders/${id(orderId)}/review/${stage}`, { decision, reason }),
    recordPayment: (orderId: string, input: PaymentInput) =>
      post<Order>(`/orders/${id(orderId)}/payment`, input),
    correctAddress: (orderId: string, shippingAddress: AddressInput) =>
      put<Order>(`/orders/${id(orderId)}/address`, { shippingAddress }),
    notes: (orderId: string) => get<{ items: OrderNote[] }>(`/orders/${id(orderId)}/notes`),
    addNote: (orderId: string, input: { direction: 'internal' | 'to_customer'; body: string }) =>
      post<OrderNote>(`/orders/${id(orderId)}/notes`, input),
    merge: (orderIds: string[]) => post<{ groupId: string; orders: Order[] }>('/orders/merge', { orderIds }),
    unmerge: (orderId: string) => post<Order>(`/orders/${id(orderId)}/unmerge`),
    mergeCandidates: (orderId: string) =>
      get<{ items: OrderListItem[] }>(`/orders/${id(orderId)}/merge-candidates`).then((page) => page.items),
    /** One list of line numbers per parcel; a single list undoes the split. */
    split: (orderId: string, parcels: number[][]) => post<Order>(`/orders/${id(orderId)}/split`, { parcels }),
    claim: (orderId: string) => post<QueueItem>(`/orders/${id(orderId)}/claim`),
    unclaim: (orderId: string) => post<void>(`/orders/${id(orderId)}/unclaim`),
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
  },
  teams: {
    list: () => get<{ items: Team[] }>('/teams'),
    save: (teamId: string, input: { name: string; members: string[] }) =>
      put<Team>(`/teams/${id(teamId)}`, input),
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
  settings: {
    orders: () => get<OrderSettings>('/settings/orders'),
    updateOrders: (changes: Partial<OrderSettingsInput>) => patch<OrderSettings>('/settings/orders', changes),
  },
  /** Pages customers reach from a link in a mail, without an account. */
  publicLinks: {
    addressFix: (token: string) => get<AddressFix>(`/public/address-fix/${id(token)}`),
    submitAddressFix: (token: string, shippingAddress: AddressInput) =>
      post<AddressFix>(`/public/address-fix/${id(token)}`, { shippingAddress }),
    sendMessage: (token: string, body: string) =>
      post<AddressFix>(`/public/address-fix/${id(token)}/messages`, { body }),
  },
  outbox: {
    list: (params: PageParams & { status: OutboxStatus }) => get<Page<OutboxItem>>('/system/outbox', params),
    retry: (itemId: number) => post<OutboxItem>(`/system/outbox/${itemId}/retry`),
    counts: () => get<Partial<Record<OutboxStatus, number>>>('/system/outbox/counts'),
  },
};
