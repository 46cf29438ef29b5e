import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/** KPI definitions as data; the seeds insights starts with (targets editable in the console). */
const kpiSeeds: [key: string, name: string, unit: string, direction: 'up' | 'down', target: number | null][] =
  [
    ['orders_received', 'Orders received', 'orders', 'up', null],
    ['touch_free_rate', 'Touch-free rate', 'percent', 'up', 0.8],
    ['hold_rate', 'Hold rate', 'percent', 'down', 0.1],
    ['sla_hit_rate', 'SLA hit rate (shipped before ship-by)', 'percent', 'up', 0.95],
    ['exception_rate', 'Exception rate', 'percent', 'down', 0.05],
    ['cancel_rate', 'Cancel rate', 'percent', 'down', 0.03],
    ['refund_rate', 'Refund rate', 'percent', 'down', 0.02],
    ['complaint_rate', 'Complaint rate', 'percent', 'down', 0.01],
    ['backorder_rate', 'Backorder rate', 'percent', 'down', 0.05],
    ['carrier_on_time_rate', 'Carrier on-time rate', 'percent', 'up', 0.95],
    ['received_to_shipped_p50', 'Received to shipped, median', 'hours', 'down', 24],
    ['received_to_shipped_p90', 'Received to shipped, 90th percentile', 'hours', 'down', 48],
    ['received_to_delivered_p50', 'Received to delivered, median', 'hours', 'down', 72],
  ];

/**
 * Insights: KPI definitions, per-day summaries kept incrementally, and the read views through
 * which insights reads the order timeline and shipments (their tables stay their owners').
 */
export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createView('orders_order_events_view')
    .as(db.selectFrom('order_events').select(['id', 'order_id', 'type', 'actor_type', 'data', 'at']))
    .execute();
  // 011_aftersales made this view without the promise; insights needs it too.
  await db.schema.dropView('logistics_shipments_view').ifExists().execute();
  await db.schema
    .createView('logistics_shipments_view')
    .as(
      db
        .selectFrom('shipments')
        .select([
          'id',
          'order_id',
          'carrier_id',
          'tracking_number',
          'status',
          'promised_by',
          'shipped_at',
          'delivered_at',
        ]),
    )
    .execute();

  await db.schema
    .createTable('insights_kpi_definitions')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('formula', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('good_direction', 'text', (c) => c.notNull())
    .addColumn('target', 'real')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  await db
    .insertInto('insights_kpi_definitions')
    .values(
      kpiSeeds.map(([key, name, unit, direction, target]) => ({
        key,
        name,
        formula: key,
        unit,
        good_direction: direction,
        target,
        updated_at: now,
      })),
    )
    .execute();

  // Counts per day of placement: metric × dimension (channel, type, status, reason, …) × value.
  await db.schema
    .createTable('insights_daily_counts')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('dim_value', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('insights_daily_counts_pk', ['day', 'metric', 'dim', 'dim_value'])
    .execute();
  // Per day and stage: every duration (hours), sorted, so any period's percentiles are exact.
  await db.schema
    .createTable('insights_daily_samples')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('samples', 'text', (c) => c.notNull())
    // Log-bucket counts (2% relative accuracy): long periods merge these instead of every sample.
    .addColumn('sketch', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('insights_daily_samples_pk', ['day', 'stage', 'channel'])
    .execute();
  // Per day, stage and where (channel, warehouse, carrier, team, hour, weekday): n and hours.
  await db.schema
    .createTable('insights_daily_stage_hours')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('dim_value', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('hours', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('insights_daily_stage_hours_pk', ['day', 'stage', 'dim', 'dim_value'])
    .execute();
  await db.schema
    .createTable('insights_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'insights_state',
    'insights_daily_stage_hours',
    'insights_daily_samples',
    'insights_daily_counts',
    'insights_kpi_definitions',
  ])
    await db.schema.dropTable(table).execute();
  await db.schema.dropView('logistics_shipments_view').ifExists().execute();
  await db.schema
    .createView('logistics_shipments_view')
    .as(
      db
        .selectFrom('shipments')
        .select(['id', 'order_id', 'carrier_id', 'tracking_number', 'status', 'shipped_at', 'delivered_at']),
    )
    .execute();
  await db.schema.dropView('orders_order_events_view').ifExists().execute();
}
