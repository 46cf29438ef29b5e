// The console's only door to the server: every request goes through `request`, which
// adds the CSRF header to changes and turns the server's error envelope into ApiError.

// The order vocabulary is the server's own (src/contracts), so the two cannot drift apart.
import {
  deliveryServices,
  orderStatuses,
  orderTypes,
  paymentStatuses,
} from '../../src/contracts/order-enums.ts';

export type Allocation = {
  id: string;
  orderLineId: string;
  sku: string;
  warehouse: string;
  quantity: number;
  status: 'reserved' | 'released' | 'issued';
  createdAt: string;
};

export type Page<T> = { items: T[]; nextCursor: string | null };
export type PageParams = { limit?: number; cursor?: string | null };

export type User = {
  id: string;
  username: string;
  displayName: string;
  role: string;
  email: string | null;
  isActive: boolean;
  createdAt: string;
  lastLoginAt: string | null;
};
export type SessionUser = Pick<User, 'id' | 'username' | 'displayName' | 'role'> & { permissions: string[] };
export type Session = { user: SessionUser; csrfToken: string };
export type Role = { id: string; permissions: string[] };

export type ApiKey = {
  id: string;
  name: string;
  role: string;
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type AuditEntry = {
  id: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
  at: string;
};

export type Sku = {
  id: string;
  code: string;
  name: string;
  barcode: string | null;
  weightGrams: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  price: string;
  currency: string;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
};
export type SkuInput = {
  code?: string;
  name?: string;
  price?: string;
  barcode?: string | null;
  weightGrams?: number | null;
  lengthMm?: number | null;
  widthMm?: number | null;
  heightMm?: number | null;
  isActive?: boolean;
};
export type SkuImportResult = {
  created: number;
  updated: number;
  rejected: { line: number; code?: string; message: string }[];
};

export type Channel = { id: string; name: string; kind: string; isActive: boolean; createdAt: string };

export { orderStatuses, orderTypes, paymentStatuses };
export type OrderStatus = (typeof orderStatuses)[number];
/** Every hold reason the server gives; HIGH_RISK is lifted only by the two-stage review. */
export const holdCodes = [
  'PAYMENT_PENDING',
  'AMOUNT_MISMATCH',
  'TOTAL_MISMATCH',
  'UNKNOWN_SKU',
  'ADDRESS_INCOMPLETE',
  'PHONE_INVALID',
  'CONTACT_MISSING',
  'ADDRESS_UNSERVED',
  'DATA_UNREADABLE',
  'BLOCKLISTED',
  'AMOUNT_OVER_LIMIT',
  'QUANTITY_OVER_LIMIT',
  'VELOCITY',
  'MERGE_CANDIDATE',
  'BUYER_NOTE',
  'SELLER_NOTE',
  'HIGH_RISK',
  'AUTOHOLD',
  'PRESALE',
] as const;
export const reviewOnlyHolds: readonly string[] = ['HIGH_RISK'];
export const requestedServices = deliveryServices;
export const paymentMethods = [
  'alipay',
  'wechat_pay',
  'card',
  'bank_transfer',
  'cash',
  'cod',
  'other',
] as const;

export type OrderListItem = {
  id: string;
  number: string;
  channel: string;
  externalId: string;
  status: OrderStatus;
  type: string;
  priority: number;
  placedAt: string;
  customerName: string;
  total: string;
  currency: string;
  holds: string[];
  lineCount: number;
};

export type Address = {
  name: string;
  phone: string;
  country: string;
  province: string | null;
  city: string;
  district: string | null;
  line1: string;
  line2: string | null;
  postalCode: string | null;
};
export type AddressInput = { [K in keyof Address]: string };
export type Actor = { type: string; id: string | null; name: string | null };
export type OrderEvent = {
  id: string;
  type: string;
  at: string;
  actor: Actor | null;
  data: Record<string, unknown> | null;
};
export type HoldDetail = {
  code: string;
  message: string;
  riskPoints: number;
  createdAt: string;
  releasedAt: string | null;
};
export type Payment = {
  status: string;
  method: string | null;
  paidAmount: string | null;
  paidAt: string | null;
};

export type ReviewStage = 'processor' | 'finance';
export const slaStatuses = ['on_track', 'at_risk', 'breached', 'none'] as const;
export type SlaStatus = (typeof slaStatuses)[number];
/** Parts of the priority score: type, deadline slack, customer tier, order value (see the server docs). */
export type PriorityParts = Record<string, number>;

export type OrderReview = {
  /** Which review a HIGH_RISK order waits for. */
  stage: ReviewStage | null;
  riskScore: number;
  /** Version of the audit rules that judged the order. */
  ruleSetVersion: number | null;
  claimedBy: string | null;
  team: string | null;
  holdUntil: string | null;
  releaseAt: string | null;
};

export type OrderLine = {
  lineNo: number;
  sku: string;
  name: string | null;
  quantity: number;
  unitPrice: string;
  lineTotal: string;
  /** Parcel the line ships in (1 unless the order was split). */
  parcel: number;
};

export type Order = {
  id: string;
  number: string;
  channel: string;
  externalId: string;
  status: OrderStatus;
  type: string;
  priority: number;
  shipBy: string | null;
  placedAt: string;
  currency: string;
  customer: { name: string; email: string | null; phone: string | null };
  shippingAddress: Address;
  lines: OrderLine[];
  shippingFee: string;
  discount: string;
  total: string;
  payment: Payment;
  buyerNote: string | null;
  sellerNote: string | null;
  requestedService: string | null;
  holds: string[];
  holdDetails: HoldDetail[];
  allocations: Allocation[];
  shipments: unknown[];
  events: OrderEvent[];
  review: OrderReview;
  typeReason: string | null;
  priorityParts: PriorityParts;
  slaStatus: SlaStatus;
  /** Orders with the same group ship together. */
  groupId: string | null;
  createdAt: string;
  updatedAt: string;
};

export type PaymentInput = { status: string; paidAmount?: string; paidAt?: string; method?: string };

export type NoteDirection = 'internal' | 'to_customer' | 'from_customer';
export type OrderNote = { id: string; direction: NoteDirection; author: string; body: string; at: string };

export type BulkReleaseOutcome = 'approved' | 'still_held' | 'skipped';
export type BulkReleaseResult = { orderId: string; outcome: BulkReleaseOutcome; reason?: string };

export type QueueItem = {
  id: string;
  number: string;
  channel: string;
  type: string;
  priority: number;
  priorityParts: PriorityParts;
  shipBy: string | null;
  slaStatus: SlaStatus;
  placedAt: string;
  customerName: string;
  total: string;
  currency: string;
  holds: string[];
  riskScore: number;
  reviewStage: ReviewStage | null;
  team: string | null;
  claimedBy: string | null;
  claimedAt: string | null;
};
export type QueueFilter = { team?: string; mine?: boolean; stage?: ReviewStage };

export type Team = { id: string; name: string; members: string[] };

export type RuleConfig = { code: string; enabled: boolean; params: Record<string, unknown> };
export type RuleSet = {
  version: number;
  rules: RuleConfig[];
  note?: string | null;
  createdBy?: string;
  createdAt?: string;
};
export type LocalisedText = Record<string, string>;
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
export type CatalogRule = {
  code: string;
  title: LocalisedText;
  description: LocalisedText;
  defaultParams: Record<string, unknown>;
  paramsSchema: JsonSchema;
};
export type DryRunCode = {
  code: string;
  current: number;
  proposed: number;
  delta: number;
  newlyHeld: string[];
  noLongerHeld: string[];
};
export type DryRunResult = {
  days: number;
  orders: number;
  currentVersion: number;
  held: { current: number; proposed: number };
  byCode: DryRunCode[];
  elapsedMs: number;
};

export const blocklistKinds = ['phone', 'email', 'name', 'address'] as const;
export type BlocklistKind = (typeof blocklistKinds)[number];
export type BlocklistEntry = {
  id: string;
  kind: BlocklistKind;
  value: string;
  note: string | null;
  createdBy: string;
  createdAt: string;
};
export type BlocklistInput = { kind: BlocklistKind; value?: string; orderId?: string; note?: string };

export type BusinessCalendar = {
  timeZone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  workingHours: { start: string; end: string };
  cutoffTime: string;
  holidays: string[];
  extraWorkingDays?: string[];
};
export type Sla = {
  channel: string;
  type: string;
  shipWithinWorkingHours?: number;
  sameDayBeforeCutoff?: boolean;
};
export type ClassificationRule = {
  when: {
    requestedService?: string[];
    skuFlag?: 'madeToOrder' | 'presale';
    customerGroup?: string[];
    channel?: string[];
    minTotalMinor?: number;
    minQuantity?: number;
  };
  type: string;
};
export type AssignmentRule = { team: string; types?: string[]; holdCodes?: string[]; channels?: string[] };
export type OrderSettings = {
  policy: {
    calendar: BusinessCalendar;
    slas: Sla[];
    classification: ClassificationRule[];
    atRiskWorkingHours: number;
  };
  autohold: { isEnabled: boolean; minutes: number };
  /** Open orders of one buyer placed within `windowHours` of each other count as one shipment. */
  merge: { mode: 'offer' | 'auto'; windowHours?: number };
  assignment: AssignmentRule[];
};

export type Efficiency = {
  days: number;
  decided: number;
  touchFree: number;
  /** 0–1; null when nothing was decided in the period. */
  touchFreeRate: number | null;
  reviewed: number;
  reviewMinutes: { median: number | null; p90: number | null };
  sla: { onTrack: number; atRisk: number; breached: number };
  holdsByCode: Record<string, number>;
};

/** What the public address-fix page shows (every address part a string, empty when unknown). */
export type AddressFix = {
  number: string;
  status: OrderStatus;
  problems: { code: string; message: string }[];
  shippingAddress: AddressInput;
  /** The conversation with the customer (internal notes are not shown). */
  messages?: { direction: 'to_customer' | 'from_customer'; body: string; at: string }[];
};

/** The canonical order a channel (or the console's new-order form) submits; see CONTRACT.md. */
export type OrderInput = {
  channel: string;
  externalId: string;
  placedAt: string;
  currency: string;
  customer: { name: string; email?: string; phone?: string };
  shippingAddress: AddressInput;
  lines: { sku: string; name?: string; quantity: number; unitPrice: string }[];
  shippingFee: string;
  discount: string;
  total: string;
  payment: { status: string; method?: string; paidAmount?: string; paidAt?: string };
  type?: string;
  buyerNote?: string;
  sellerNote?: string;
  requestedService?: string;
};

export type OrderSummary = {
  byStatus: Partial<Record<OrderStatus, number>>;
  daily: { date: string; count: number }[];
  holdsByCode: Record<string, number>;
  total: number;
};

export type OutboxStatus = 'dead' | 'pending' | 'done';
export type OutboxItem = {
  id: number;
  type: string;
  payload: unknown;
  attempts: number;
  lastError: string | null;
  status: string;
  createdAt: string;
  availableAt: string;
};

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
export type RequestOptions = { query?: Query; json?: unknown; text?: { body: string; contentType: string } };

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
  let body: string | undefined;
  if (options.json !== undefined) {
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
    directory: () =>
      get<{ items: { id: string; username: string; displayName: string; role: string }[] }>(
        '/users/directory',
      ),
    create: (input: {
      username: string;
      displayName?: string;
      email?: string | null;
      role: string;
      password: string;
    }) => post<User>('/users', input),
    update: (
      userId: string,
      input: {
        displayName?: string;
        email?: string | null;
        role?: string;
        isActive?: boolean;
        password?: string;
      },
    ) => patch<User>(`/users/${id(userId)}`, input),
  },
  apiKeys: {
    list: (params: PageParams) => get<Page<ApiKey>>('/api-keys', params),
    create: (input: { name: string; role: string }) =>
      post<{ apiKey: ApiKey; key: string }>('/api-keys', input),
    revoke: (keyId: string) => post<ApiKey>(`/api-keys/${id(keyId)}/revoke`),
  },
  auditLog: {
    list: (params: PageParams & { action?: string }) => get<Page<AuditEntry>>('/audit-log', params),
  },
  skus: {
    list: (params: PageParams & { q?: string }) => get<Page<Sku>>('/skus', params),
    create: (input: SkuInput) => post<Sku>('/skus', input),
    update: (skuId: string, input: SkuInput) => patch<Sku>(`/skus/${id(skuId)}`, input),
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
    summary: () => get<OrderSummary>('/orders/summary'),
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
    updateOrders: (changes: Partial<OrderSettings>) => patch<OrderSettings>('/settings/orders', changes),
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
