import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Table types for Kysely. Timestamps are ISO-8601 UTC strings in TypeScript on both databases
 * (timestamptz in PostgreSQL, text in SQLite); booleans are 0/1 integers, which both accept;
 * JSON columns are jsonb / text, read through `readJson`.
 */
export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  is_active: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  email: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  role: string;
  prefix: string;
  key_hash: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string | null;
  details: unknown;
  at: string;
}

export interface ChannelsTable {
  id: string;
  name: string;
  kind: string;
  is_active: number;
  created_at: string;
}

export interface SkusTable {
  id: string;
  code: string;
  name: string;
  barcode: string | null;
  weight_grams: number | null;
  length_mm: number | null;
  width_mm: number | null;
  height_mm: number | null;
  price_minor: number;
  currency: string;
  is_active: number;
  created_at: string;
  updated_at: string;
  /** Made to order: orders of it are custom orders. */
  is_made_to_order: number;
  /** Presale until this date: orders of it wait for the release. */
  presale_release_at: string | null;
  category: string | null;
  /** What one unit costs the shop: values stock, cost of goods sold and count variances. */
  unit_cost_minor: number | null;
  supplier_id: string | null;
  /** Who hears about low stock of this SKU. */
  owner_user_id: string | null;
}

export interface OrdersTable {
  id: string;
  number: string;
  channel_id: string;
  external_id: string;
  status: string;
  type: string;
  priority: number;
  ship_by: string | null;
  placed_at: string;
  currency: string;
  customer_name: string;
  customer_email: string | null;
  customer_phone: string | null;
  ship_name: string;
  ship_phone: string;
  ship_country: string;
  ship_province: string | null;
  ship_city: string;
  ship_district: string | null;
  ship_line1: string;
  ship_line2: string | null;
  ship_postal_code: string | null;
  shipping_fee_minor: number;
  discount_minor: number;
  total_minor: number;
  payment_status: string;
  payment_method: string | null;
  paid_amount_minor: number | null;
  paid_at: string | null;
  buyer_note: string | null;
  seller_note: string | null;
  requested_service: string;
  line_count: number;
  hold_codes: string;
  created_at: string;
  updated_at: string;
  rule_set_version: number | null;
  risk_score: number | null;
  /** Two-stage review of HIGH_RISK: `processor`, then `finance`; null when not in review. */
  review_stage: string | null;
  /** Autohold: the order waits until then so edits and merges can land. */
  hold_until: string | null;
  /** Presale: the order waits for the release date. */
  release_at: string | null;
  team: string | null;
  claimed_by: string | null;
  claimed_at: string | null;
  /** Orders sharing a group id ship together (merged). */
  group_id: string | null;
  customer_tier: string | null;
  type_reason: string | null;
  /** JSON Explanation of type_reason; null on rows older than migration 008. */
  type_explanation: unknown | null;
  priority_parts: unknown;
  /** When the audit outcome was final: approved (automatically or by a person) or cancelled in review. */
  decided_at: string | null;
  /** 1 once a person acted on the order before approval (for the touch-free rate). */
  touched: number | null;
  /** Normalised keys the velocity and merge checks match on (E.164 phone, address, buyer). */
  phone_key: string | null;
  address_key: string | null;
  buyer_key: string | null;
}

export interface OrderLinesTable {
  order_id: string;
  line_no: number;
  sku: string;
  name: string | null;
  quantity: number;
  unit_price_minor: number;
  /** Parcel the line ships in when an operator split the order (1 = the whole order). */
  parcel?: number;
}

export interface OrderHoldsTable {
  id: string;
  order_id: string;
  code: string;
  message: string;
  /** JSON Explanation (contracts/explanations.ts); null on rows older than migration 008. */
  explanation: unknown | null;
  risk_points: number;
  created_at: string;
  released_at: string | null;
  released_by: string | null;
}

export interface OrderStatusHistoryTable {
  id: string;
  order_id: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  actor_type: string;
  actor_id: string | null;
  at: string;
}

export interface OrderEventsTable {
  id: string;
  order_id: string;
  type: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  data: unknown;
  at: string;
}

export interface OutboxTable {
  id: Generated<number>;
  type: string;
  payload: unknown;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  available_at: string;
  locked_by: string | null;
  locked_until: string | null;
  processed_at: string | null;
}

export interface SettingsTable {
  key: string;
  value: unknown;
  updated_by: string;
  updated_at: string;
}

export interface AuditRuleSetsTable {
  version: number;
  rules: unknown;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface BlocklistTable {
  id: string;
  kind: string;
  value: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface ReviewDecisionsTable {
  id: string;
  order_id: string;
  stage: string;
  decision: string;
  reason: string | null;
  actor_id: string | null;
  actor_name: string;
  at: string;
}

export interface OrderNotesTable {
  id: string;
  order_id: string;
  direction: string;
  author: string;
  body: string;
  at: string;
}

export interface TeamsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
}

export interface WarehousesTable {
  id: string;
  code: string;
  name: string;
  address: unknown;
  time_zone: string;
  cut_off: string;
  coverage: unknown;
  cost_per_order_minor: number;
  is_active: number;
  created_at: string;
  updated_at: string;
}

export interface StockLevelsTable {
  sku_id: string;
  warehouse_id: string;
  on_hand: Generated<number>;
  reserved: Generated<number>;
  incoming: Generated<number>;
  bin: string | null;
  warning_line: number | null;
  is_low: Generated<number>;
  last_counted_at: string | null;
  updated_at: string;
}

export interface StockPlansTable {
  sku_id: string;
  warehouse_id: string;
  mode: string;
  manual_warning_line: number | null;
  manual_safety_stock: number | null;
  plan: unknown;
  planned_at: string | null;
  updated_at: string;
}

export interface StockMovementsTable {
  id: Generated<number>;
  sku_id: string;
  warehouse_id: string;
  kind: string;
  on_hand_delta: number;
  reserved_delta: number;
  order_id: string | null;
  reference_type: string | null;
  reference_id: string | null;
  reason: string | null;
  /** JSON Explanation of a reason Ordo wrote; null on typed reasons and rows older than 016. */
  explanation: unknown | null;
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  at: string;
}

export interface AllocationsTable {
  id: string;
  order_id: string;
  order_line_id: string;
  sku_id: string;
  warehouse_id: string;
  quantity: number;
  status: string;
  created_at: string;
  closed_at: string | null;
}

export interface ChannelStockRulesTable {
  id: string;
  channel_id: string;
  sku_id: string | null;
  percent: number;
  buffer: number;
  minimum: number;
  warehouse_ids: unknown;
  updated_at: string;
}

export interface SuppliersTable {
  id: string;
  code: string;
  name: string;
  contact_name: string | null;
  email: string | null;
  phone: string | null;
  lead_time_days: number;
  min_order_qty: number;
  pack_size: number;
  max_order_qty: number | null;
  notes: string | null;
  is_active: number;
  created_at: string;
  updated_at: string;
}

export interface PurchaseOrdersTable {
  id: string;
  number: string;
  supplier_id: string;
  warehouse_id: string;
  status: string;
  owner_id: string | null;
  due_at: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
  sent_at: string | null;
  closed_at: string | null;
  updated_at: string;
}

export interface PurchaseOrderLinesTable {
  id: string;
  purchase_order_id: string;
  sku_id: string;
  quantity: number;
  received_quantity: number;
  unit_cost_minor: number;
}

export interface StockAlertsTable {
  id: string;
  sku_id: string;
  warehouse_id: string;
  available: number;
  warning_line: number;
  raised_at: string;
  cleared_at: string | null;
}

export interface StocktakesTable {
  id: string;
  number: string;
  warehouse_id: string;
  kind: string;
  classes: unknown;
  status: string;
  note: string | null;
  created_by: string;
  created_at: string;
  approved_by: string | null;
  closed_at: string | null;
  updated_at: string;
}

export interface StocktakeLinesTable {
  id: string;
  stocktake_id: string;
  sku_id: string;
  bin: string | null;
  expected: number;
  counted: number | null;
  counted_by: string | null;
  counted_at: string | null;
  note: string | null;
  unit_cost_minor: number;
}

export interface FileImportMappingsTable {
  channel_id: string;
  name: string;
  mapping: unknown;
  updated_by: string;
  updated_at: string;
}

export interface FileImportsTable {
  id: string;
  channel_id: string;
  file_name: string;
  content: Uint8Array;
  row_count: number;
  status: string;
  mapping: unknown | null;
  rows_done: Generated<number>;
  created: Generated<number>;
  duplicate: Generated<number>;
  failed: Generated<number>;
  error: string | null;
  result_csv: string | null;
  created_by: string;
  created_at: string;
  finished_at: string | null;
}

export interface WavesTable {
  id: string;
  number: string;
  warehouse_id: string;
  status: string;
  rule: unknown;
  created_by: string;
  created_at: string;
  closed_at: string | null;
}

export interface WaveOrdersTable {
  wave_id: string;
  order_id: string;
  is_active: Generated<number>;
}

export interface PickLinesTable {
  id: string;
  wave_id: string;
  sku_id: string;
  bin: string | null;
  quantity: number;
  picked_quantity: Generated<number>;
  short_quantity: Generated<number>;
  picked_by: string | null;
  picked_at: string | null;
}

export interface ParcelsTable {
  id: string;
  order_id: string;
  weight_grams: number;
  length_mm: number | null;
  width_mm: number | null;
  height_mm: number | null;
  packed_by: string;
  packed_at: string;
}

export interface CarriersTable {
  id: string;
  code: string;
  name: string;
  contract_notes: string | null;
  tracking_secret: string;
  tracking_prefix: string;
  range_start: number;
  range_end: number;
  range_next: number;
  is_active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CarrierServicesTable {
  id: string;
  carrier_id: string;
  code: string;
  name: string;
  kind: string;
  rate_card: unknown;
  max_weight_grams: number | null;
  max_longest_side_mm: number | null;
  daily_capacity: number | null;
  transit_days: number;
  is_active: Generated<number>;
}

export interface ShipmentsTable {
  id: string;
  order_id: string;
  carrier_id: string;
  service_id: string;
  tracking_number: string;
  status: string;
  weight_grams: number;
  price_minor: number;
  explanation: string;
  /** JSON Explanation of `explanation`; null on rows older than migration 016. */
  decision: unknown | null;
  promised_by: string | null;
  shipped_at: string;
  delivered_at: string | null;
  last_event_at: string | null;
  first_attempt_ok: number | null;
}

export interface TrackingEventsTable {
  id: string;
  shipment_id: string;
  carrier_id: string;
  external_id: string;
  status: string;
  raw_status: string;
  description: string | null;
  location: string | null;
  event_at: string;
  received_at: string;
}

/**
 * What a detector saw (short pick, no scan, late, lost, damaged, failed attempt, returned,
 * channel change): the case it opens lives in the risk module. An exception is active until the
 * risk case closes (`released_at`); the carrier scorecard counts lost and damaged ones.
 */
export interface ShipmentExceptionsTable {
  id: string;
  order_id: string;
  shipment_id: string | null;
  kind: string;
  note: string | null;
  detected_at: string;
  released_at: string | null;
}

export interface ChannelConnectorsTable {
  channel_id: string;
  /** shopify, woocommerce, webhook or none */
  connector: string;
  /** Write-only: verifies webhook signatures, never returned by the API. */
  webhook_secret: string | null;
  shop_url: string | null;
  /** Shopify Admin API access token. */
  api_token: string | null;
  /** WooCommerce consumer key and secret. */
  api_key: string | null;
  api_secret: string | null;
  /** Reconciliation pull interval; 0 turns the pull off. */
  pull_every_minutes: Generated<number>;
  /** Orders updated since this time are listed on the next pull. */
  pull_cursor: string | null;
  last_pull_at: string | null;
  last_pull_error: string | null;
  signature_failures: Generated<number>;
  last_signature_failure_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChannelDeliveriesTable {
  id: string;
  channel_id: string;
  /** webhook or pull */
  source: string;
  topic: string;
  /** The platform's delivery id (X-Shopify-Webhook-Id, X-WC-Webhook-Delivery-ID); null when none. */
  delivery_key: string | null;
  external_id: string | null;
  /** The body exactly as received. */
  payload: string;
  /** received, created, duplicate, updated, cancelled, case_opened, ignored, failed */
  outcome: string;
  error: string | null;
  order_id: string | null;
  attempts: Generated<number>;
  received_at: string;
  processed_at: string | null;
}

export interface ChannelSyncSettingsTable {
  channel_id: string;
  stock_enabled: Generated<number>;
  tracking_enabled: Generated<number>;
  /** Shopify location whose stock is set. */
  location_id: string | null;
  /** Rate limit of pushes to the platform. */
  max_per_second: Generated<number>;
  /** Alert when no order arrived for this long in working hours. */
  alert_silent_minutes: number | null;
  /** Alert when more than this share of the last hour's deliveries and pushes failed. */
  alert_failure_percent: number | null;
  updated_at: string;
}

export interface ChannelSyncSkusTable {
  channel_id: string;
  sku: string;
  /** Shopify inventory_item_id or WooCommerce product id. */
  external_ref: string | null;
  excluded: Generated<number>;
  updated_at: string;
}

export interface ChannelSyncQueueTable {
  id: string;
  channel_id: string;
  /** stock or tracking */
  kind: string;
  /** SKU code or shipment id */
  target: string;
  payload: string | null;
  /** pending, done or failed */
  state: string;
  version: Generated<number>;
  attempts: Generated<number>;
  due_at: string;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChannelSyncLogTable {
  id: string;
  channel_id: string;
  kind: string;
  target: string;
  request: string;
  /** ok, retry, failed or skipped */
  outcome: string;
  http_status: number | null;
  attempt: number;
  error: string | null;
  at: string;
}

/** staff's read view of users: who people are: no password hashes. */
export type StaffUsersView = Omit<UsersTable, 'password_hash'>;
/** catalog's read view of skus: SKUs as other modules read them. */
export type CatalogSkusView = SkusTable;
/** catalog's read view of channels: sales channels. */
export type CatalogChannelsView = ChannelsTable;
/** inventory's read view of warehouses: warehouses. */
export type InventoryWarehousesView = WarehousesTable;
/** inventory's read view of stock_levels: stock per SKU and warehouse. */
export type InventoryStockLevelsView = StockLevelsTable;
/** inventory's read view of allocations: what stock is allocated to which order line. */
export type InventoryAllocationsView = AllocationsTable;
/** orders's read view of orders: orders as fulfilment and logistics read them. */
export type OrdersOrdersView = OrdersTable;
/** orders's read view of order_lines: order lines. */
export type OrdersOrderLinesView = OrderLinesTable;

/** A customer notification and its delivery state (service module). */
export interface NotificationMessagesTable {
  id: string;
  dedupe_key: string;
  order_id: string;
  event: string;
  channel: string;
  language: string;
  recipient: string;
  subject: string;
  body: string;
  /** pending, deferred (quiet hours), sent, failed (gave up), bounced (permanent refusal). */
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** A template an operator changed; the others are built in. */
export interface NotificationTemplatesTable {
  event: string;
  language: string;
  channel: string;
  subject: string;
  body: string;
  updated_by: string;
  updated_at: string;
}

/** orders's read view of order_status_history: when an order reached each status. */
export interface OrdersStatusHistoryView {
  order_id: string;
  from_status: string | null;
  to_status: string;
  at: string;
}

/** orders' read view of milestones: each order's first timeline event of each kind (reports). */
export interface OrdersMilestonesView {
  order_id: string;
  number: string;
  channel_id: string;
  status: string;
  placed_at: string;
  hold_codes: string;
  received_at: string | null;
  approved_at: string | null;
  shipped_at: string | null;
  delivered_at: string | null;
  cancelled_at: string | null;
  promised_at: string | null;
}
/** orders' read view of holds: which order was held for what, and when. */
export interface OrdersHoldsView {
  order_id: string;
  code: string;
  created_at: string;
  released_at: string | null;
}
/** logistics' read view of promises: the earliest promised delivery of an order's shipments. */
export interface LogisticsPromisesView {
  order_id: string;
  promised_by: string;
}

/** service: complaint routing per category (department, team queue, SLA hours). */
export interface ServiceRoutingTable {
  category: string;
  department: string;
  team: string;
  first_response_hours: number;
  resolution_hours: number;
}

export interface ServiceComplaintsTable {
  id: string;
  order_id: string | null;
  order_number: string | null;
  shipment_id: string | null;
  carrier_id: string | null;
  sku: string | null;
  category: string;
  department: string;
  team: string;
  status: string;
  source: string;
  subject: string;
  customer_name: string | null;
  customer_email: string | null;
  customer_phone: string | null;
  reply_token: string;
  first_response_due_at: string;
  resolution_due_at: string;
  first_responded_at: string | null;
  resolved_at: string | null;
  breached_at: string | null;
  resolution_kind: string | null;
  resolution_cost_minor: number | null;
  resolution_note: string | null;
  rating: number | null;
  created_at: string;
  updated_at: string;
}

export interface ServiceComplaintMessagesTable {
  id: string;
  complaint_id: string;
  kind: string;
  author: string;
  body: string;
  created_at: string;
  /** When the customer was mailed about this message (outbox delivery); null when not (yet). */
  mailed_at: string | null;
}

export interface ServiceReturnsTable {
  id: string;
  order_id: string;
  order_number: string;
  kind: string;
  status: string;
  reason: string;
  source: string;
  customer_email: string | null;
  decision: string | null;
  replacement_order_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ServiceReturnLinesTable {
  return_id: string;
  line_no: number;
  sku: string;
  quantity: number;
  unit_price_minor: number;
  outcome: string | null;
  warehouse: string | null;
  inspection_note: string | null;
}

export interface ServiceRefundsTable {
  id: string;
  order_id: string;
  return_id: string | null;
  complaint_id: string | null;
  amount_minor: number;
  currency: string;
  method: string;
  status: string;
  created_at: string;
}

export interface ServiceSurveysTable {
  id: string;
  order_id: string;
  carrier_id: string | null;
  channel_id: string | null;
  team: string | null;
  skus: unknown;
  sent_at: string;
  answered_at: string | null;
  csat: number | null;
  nps: number | null;
  comment: string | null;
  problems: unknown;
  follow_up_complaint_id: string | null;
}

/** logistics' read view of shipments, for service (complaints per carrier, surveys). */
export type LogisticsShipmentsView = Pick<
  ShipmentsTable,
  | 'id'
  | 'order_id'
  | 'carrier_id'
  | 'tracking_number'
  | 'status'
  | 'promised_by'
  | 'shipped_at'
  | 'delivered_at'
>;
/** Risk module (migration 012): see src/modules/risk. JSON columns are read through readJson. */
export interface RiskPlaybooksTable {
  case_type: string;
  version: number;
  definition: unknown;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface RiskCasesTable {
  id: string;
  case_type: string;
  order_id: string | null;
  shipment_id: string | null;
  sku: string | null;
  source: string;
  is_drill: number;
  status: string;
  playbook_version: number;
  owner_role: string;
  owner_id: string | null;
  current_step: number;
  step_due_at: string | null;
  escalated_at: string | null;
  due_at: string;
  opened_at: string;
  closed_at: string | null;
  explanation: unknown | null;
  outcome: unknown | null;
  review_note: string | null;
}

export interface RiskCaseEventsTable {
  id: string;
  case_id: string;
  at: string;
  kind: string;
  explanation: unknown | null;
  actor: string;
}

export interface RiskMonitorsTable {
  id: string;
  name: string;
  metric: string;
  channel: string | null;
  /** Carrier code (carrier metrics) and SKU code (stock and demand metrics); null = all. Migration 019. */
  carrier: string | null;
  sku: string | null;
  window_minutes: number;
  min_volume: number;
  warning: number;
  critical: number;
  /** The control measures, a JSON list (migration 027; before, one `measure`). */
  controls: unknown;
  notify: unknown;
  is_enabled: number;
  created_at: string;
}

export interface RiskMonitorSamplesTable {
  id: string;
  monitor_id: string;
  at: string;
  value: number;
  volume: number;
}

export interface RiskAlertsTable {
  id: string;
  monitor_id: string;
  level: string;
  value: number;
  status: string;
  opened_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  note: string | null;
}

export interface RiskMeasuresTable {
  id: string;
  monitor_id: string;
  alert_id: string;
  kind: string;
  params: unknown;
  applied_at: string;
  undone_at: string | null;
  undone_by: string | null;
}

export interface RiskIncidentsTable {
  id: string;
  kind: string;
  severity: string;
  title: string;
  owner_id: string | null;
  team: unknown;
  selection: unknown;
  status: string;
  declared_at: string;
  closed_at: string | null;
  review: string | null;
}

export interface RiskIncidentLogTable {
  id: string;
  incident_id: string;
  at: string;
  kind: string;
  text: string | null;
  explanation: unknown | null;
  actor: string;
}

/** staff: one published version of a role's job description (JSON lists as text). */
export interface JobDescriptionsTable {
  id: string;
  role: string;
  version: number;
  title: string;
  duties: string;
  workflow: string;
  standards: string;
  kpis: string;
  published_by: string;
  published_at: string;
}

/** staff: who acknowledged which job description version. */
export interface JobDescriptionAcknowledgementsTable {
  job_description_id: string;
  user_id: string;
  acknowledged_at: string;
}

/** A shift worked (performance): the local date and times in the shop's zone, and their instants. */
export interface WorkShiftsTable {
  id: string;
  person: string;
  work_date: string;
  start_time: string;
  end_time: string;
  break_minutes: number;
  starts_at: string;
  ends_at: string;
  recorded_by: string;
  recorded_at: string;
}

/** fulfilment's read view of pick lines: who picked what, when. */
export interface FulfilmentPicksView {
  id: string;
  wave_id: string;
  picked_quantity: number;
  short_quantity: number;
  picked_by: string | null;
  picked_at: string | null;
}

/** fulfilment's read view of parcels: who packed which order, when. */
export interface FulfilmentPacksView {
  id: string;
  order_id: string;
  packed_by: string;
  packed_at: string;
}

/** An evaluation period of one role (performance module); weights JSON [{ figure, weight }]. */
export interface EvaluationPeriodsTable {
  id: string;
  name: string;
  role: string;
  starts_at: string;
  ends_at: string;
  weights: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A reviewer's comment and rewards for one person in a period (performance module). */
export interface EvaluationReviewsTable {
  period_id: string;
  person: string;
  comment: string | null;
  bonus_points: Generated<number>;
  recognition: string | null;
  reviewer: string;
  reviewed_at: string;
}

/** An improvement plan (performance module): goals JSON, a coach, a review date (YYYY-MM-DD). */
export interface ImprovementPlansTable {
  id: string;
  period_id: string | null;
  person: string;
  goals: string;
  coach: string;
  review_on: string;
  /** open, met or not_met */
  status: string;
  outcome: string | null;
  created_by: string;
  created_at: string;
  closed_at: string | null;
}

/** A training course (staff module); links and quiz are JSON. */
export interface TrainingCoursesTable {
  id: string;
  title: string;
  topic: string;
  description: string;
  links: string;
  quiz: string;
  pass_mark: number;
  created_at: string;
  updated_at: string;
}

export interface TrainingRequirementsTable {
  role: string;
  course_id: string;
  renewal_days: number | null;
}

export interface TrainingSessionsTable {
  id: string;
  course_id: string;
  starts_at: string;
  trainer: string;
  location: string;
}

export interface TrainingAttendanceTable {
  session_id: string;
  user_id: string;
  recorded_by: string;
  recorded_at: string;
}

export interface TrainingAttemptsTable {
  id: string;
  course_id: string;
  user_id: string;
  score: number;
  is_passed: number;
  taken_at: string;
}

export interface TrainingRemindersTable {
  user_id: string;
  course_id: string;
  reason: string;
  is_mailed: number;
  reminded_at: string;
}

export interface DB {
  fulfilment_picks_view: FulfilmentPicksView;
  fulfilment_packs_view: FulfilmentPacksView;
  job_descriptions: JobDescriptionsTable;
  job_description_acknowledgements: JobDescriptionAcknowledgementsTable;
  evaluation_periods: EvaluationPeriodsTable;
  evaluation_reviews: EvaluationReviewsTable;
  improvement_plans: ImprovementPlansTable;
  training_courses: TrainingCoursesTable;
  training_requirements: TrainingRequirementsTable;
  training_sessions: TrainingSessionsTable;
  training_attendance: TrainingAttendanceTable;
  training_attempts: TrainingAttemptsTable;
  training_reminders: TrainingRemindersTable;
  work_shifts: WorkShiftsTable;
  notification_messages: NotificationMessagesTable;
  notification_templates: NotificationTemplatesTable;
  orders_status_history_view: OrdersStatusHistoryView;
  orders_milestones_view: OrdersMilestonesView;
  orders_holds_view: OrdersHoldsView;
  logistics_promises_view: LogisticsPromisesView;
  service_routing: ServiceRoutingTable;
  service_complaints: ServiceComplaintsTable;
  service_complaint_messages: ServiceComplaintMessagesTable;
  service_returns: ServiceReturnsTable;
  service_return_lines: ServiceReturnLinesTable;
  service_refunds: ServiceRefundsTable;
  service_surveys: ServiceSurveysTable;
  logistics_shipments_view: LogisticsShipmentsView;
  channel_connectors: ChannelConnectorsTable;
  channel_deliveries: ChannelDeliveriesTable;
  channel_sync_settings: ChannelSyncSettingsTable;
  channel_sync_skus: ChannelSyncSkusTable;
  channel_sync_queue: ChannelSyncQueueTable;
  channel_sync_log: ChannelSyncLogTable;
  staff_users_view: StaffUsersView;
  catalog_skus_view: CatalogSkusView;
  catalog_channels_view: CatalogChannelsView;
  inventory_warehouses_view: InventoryWarehousesView;
  inventory_stock_levels_view: InventoryStockLevelsView;
  inventory_allocations_view: InventoryAllocationsView;
  orders_orders_view: OrdersOrdersView;
  orders_order_lines_view: OrdersOrderLinesView;
  file_import_mappings: FileImportMappingsTable;
  file_imports: FileImportsTable;
  waves: WavesTable;
  wave_orders: WaveOrdersTable;
  pick_lines: PickLinesTable;
  parcels: ParcelsTable;
  carriers: CarriersTable;
  carrier_services: CarrierServicesTable;
  shipments: ShipmentsTable;
  tracking_events: TrackingEventsTable;
  shipment_exceptions: ShipmentExceptionsTable;
  warehouses: WarehousesTable;
  stock_levels: StockLevelsTable;
  stock_plans: StockPlansTable;
  stock_movements: StockMovementsTable;
  allocations: AllocationsTable;
  channel_stock_rules: ChannelStockRulesTable;
  suppliers: SuppliersTable;
  purchase_orders: PurchaseOrdersTable;
  purchase_order_lines: PurchaseOrderLinesTable;
  stock_alerts: StockAlertsTable;
  stocktakes: StocktakesTable;
  stocktake_lines: StocktakeLinesTable;
  settings: SettingsTable;
  audit_rule_sets: AuditRuleSetsTable;
  blocklist: BlocklistTable;
  review_decisions: ReviewDecisionsTable;
  order_notes: OrderNotesTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  channels: ChannelsTable;
  skus: SkusTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_holds: OrderHoldsTable;
  order_status_history: OrderStatusHistoryTable;
  order_events: OrderEventsTable;
  outbox: OutboxTable;
  risk_playbooks: RiskPlaybooksTable;
  risk_cases: RiskCasesTable;
  risk_case_events: RiskCaseEventsTable;
  risk_monitors: RiskMonitorsTable;
  risk_monitor_samples: RiskMonitorSamplesTable;
  risk_alerts: RiskAlertsTable;
  risk_measures: RiskMeasuresTable;
  risk_incidents: RiskIncidentsTable;
  risk_incident_log: RiskIncidentLogTable;
}

export type Row<T extends keyof DB> = Selectable<DB[T]>;
export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
