import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * Insights by the shop's days, with monthly rollups: the daily summaries were cut in UTC days, so
 * they are emptied and the next summaries run rebuilds them in the shop's zone (it starts from
 * scratch when it finds no cursor). Long periods read whole months from the rollups. The
 * stock-out rate joins the KPIs.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('insights_monthly_counts')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('dim_value', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('insights_monthly_counts_pk', ['month', 'metric', 'dim', 'dim_value'])
    .execute();
  await db.schema
    .createTable('insights_monthly_samples')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    // The month's daily sketches merged (bucket counts added): exact, no accuracy lost.
    .addColumn('sketch', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('insights_monthly_samples_pk', ['month', 'stage', 'channel'])
    .execute();
  await db.schema
    .createTable('insights_monthly_stage_hours')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('dim_value', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('hours', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('insights_monthly_stage_hours_pk', ['month', 'stage', 'dim', 'dim_value'])
    .execute();
  for (const table of ['insights_daily_counts', 'insights_daily_samples', 'insights_daily_stage_hours'])
    await db.deleteFrom(table).execute();
  await db.deleteFrom('insights_state').where('key', '=', 'event_cursor').execute();
  await db
    .insertInto('insights_kpi_definitions')
    .values({
      key: 'stock_out_rate',
      name: 'Stock-out rate (SKU-days with nothing on hand)',
      formula: 'stock_out_rate',
      unit: 'percent',
      good_direction: 'down',
      target: 0.02,
      updated_at: new Date().toISOString(),
    })
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.deleteFrom('insights_kpi_definitions').where('key', '=', 'stock_out_rate').execute();
  for (const table of ['insights_monthly_stage_hours', 'insights_monthly_samples', 'insights_monthly_counts'])
    await db.schema.dropTable(table).execute();
  // The summaries are rebuilt from scratch on the next run, in UTC days as before.
  await db.deleteFrom('insights_state').where('key', '=', 'event_cursor').execute();
}
