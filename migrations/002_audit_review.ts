import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/** Audit rules as versioned data, holds and two-stage review, the work queue, merge/split, notes. */
export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', t.json, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_rule_sets')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('rules', t.json, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('blocklist')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('blocklist_kind_value', ['kind', 'value'])
    .execute();

  for (const [name, type] of [
    ['rule_set_version', 'integer'],
    ['risk_score', 'integer'],
    ['review_stage', 'text'],
    ['hold_until', t.timestamp],
    ['release_at', t.timestamp],
    ['team', 'text'],
    ['claimed_by', 'text'],
    ['claimed_at', t.timestamp],
    ['group_id', 'text'],
    ['customer_tier', 'text'],
    ['type_reason', 'text'],
    ['priority_parts', t.json],
    ['decided_at', t.timestamp],
    ['touched', 'integer'],
    ['phone_key', 'text'],
    ['address_key', 'text'],
    ['buyer_key', 'text'],
  ] as const) {
    await db.schema
      .alterTable('orders')
      .addColumn(name, type as never)
      .execute();
  }
  await db.schema
    .alterTable('order_lines')
    .addColumn('parcel', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // The work queue reads open orders by priority then deadline.
  await db.schema
    .createIndex('orders_queue')
    .on('orders')
    .columns(['status', 'priority', 'ship_by'])
    .execute();
  await db.schema.createIndex('orders_group').on('orders').column('group_id').execute();
  // Velocity and merge checks look up other orders of the same phone, address and buyer.
  await db.schema.createIndex('orders_phone_key').on('orders').columns(['phone_key', 'placed_at']).execute();
  await db.schema
    .createIndex('orders_address_key')
    .on('orders')
    .columns(['address_key', 'placed_at'])
    .execute();
  await db.schema.createIndex('orders_buyer_key').on('orders').columns(['buyer_key', 'status']).execute();

  await db.schema
    .createTable('review_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    // One decision per order and stage, whoever races: the database keeps the first.
    .addUniqueConstraint('review_decisions_order_stage', ['order_id', 'stage'])
    .execute();

  await db.schema
    .createTable('order_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_notes_order').on('order_notes').columns(['order_id', 'at']).execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('team_members')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
    .execute();

  await db.schema
    .alterTable('skus')
    .addColumn('is_made_to_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('skus').addColumn('presale_release_at', t.timestamp).execute();
  await sql`update orders set touched = 0, risk_score = 0`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'team_members',
    'teams',
    'order_notes',
    'review_decisions',
    'blocklist',
    'audit_rule_sets',
    'settings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
