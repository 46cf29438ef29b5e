import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * Follow-ups of the weekly meeting: meeting series and knowledge-base articles can be archived
 * (kept for the record, no longer used); an action item names the user who owns it, and may aim
 * at a KPI whose value when the item was recorded is kept, so the next meeting sees its effect.
 */
export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema.alterTable('meeting_series').addColumn('archived_at', t.timestamp).execute();
  await db.schema.alterTable('kb_articles').addColumn('archived_at', t.timestamp).execute();
  await db.schema.alterTable('meeting_action_items').addColumn('owner_user_id', 'text').execute();
  await db.schema.alterTable('meeting_action_items').addColumn('kpi', 'text').execute();
  await db.schema.alterTable('meeting_action_items').addColumn('kpi_baseline', 'double precision').execute();
}
