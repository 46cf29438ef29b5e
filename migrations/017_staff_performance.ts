import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * Job descriptions (staff module): one row per published version of a role's description, and
 * who acknowledged which version. A new version never changes an old one, so an
 * acknowledgement always names the exact text the person read.
 */
export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('job_descriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // JSON documents: duties and standards are lists of text, workflow steps name a console
    // screen, KPIs carry a target.
    .addColumn('duties', 'text', (c) => c.notNull())
    .addColumn('workflow', 'text', (c) => c.notNull())
    .addColumn('standards', 'text', (c) => c.notNull())
    .addColumn('kpis', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('published_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('job_descriptions_role_version', ['role', 'version'])
    .execute();
  await db.schema
    .createTable('job_description_acknowledgements')
    .addColumn('job_description_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('job_description_acknowledgements_pk', ['job_description_id', 'user_id'])
    .execute();
  // Read views for per-person performance: who picked each pick line and who packed each parcel.
  // 015_review made narrower versions of these two views; performance needs every column.
  await db.schema.dropView('fulfilment_picks_view').ifExists().execute();
  await db.schema.dropView('fulfilment_packs_view').ifExists().execute();
  await db.schema
    .createView('fulfilment_picks_view')
    .as(
      db
        .selectFrom('pick_lines')
        .select(['id', 'wave_id', 'picked_quantity', 'short_quantity', 'picked_by', 'picked_at']),
    )
    .execute();
  await db.schema
    .createView('fulfilment_packs_view')
    .as(db.selectFrom('parcels').select(['id', 'order_id', 'packed_by', 'packed_at']))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropView('fulfilment_packs_view').ifExists().execute();
  await db.schema.dropView('fulfilment_picks_view').ifExists().execute();
  // Back to 015_review's versions.
  await db.schema
    .createView('fulfilment_picks_view')
    .as(
      db
        .selectFrom('pick_lines')
        .select(['picked_by', 'picked_at', 'picked_quantity'])
        .where('picked_at', 'is not', null),
    )
    .execute();
  await db.schema
    .createView('fulfilment_packs_view')
    .as(db.selectFrom('parcels').select(['packed_by', 'packed_at', 'order_id']))
    .execute();
  await db.schema.dropTable('job_description_acknowledgements').execute();
  await db.schema.dropTable('job_descriptions').execute();
}
