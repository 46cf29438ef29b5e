import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * Read views for reports (insights). An order's milestones come from its timeline, where live
 * orders (intake, review, shipping, tracking) and imported history (`import orders --history`)
 * both write them; the earliest event of each kind counts. A promise is the imported one, or the
 * earliest promised delivery of the order's shipments.
 */
const milestone = (type: string) =>
  sql`(select min(e.at) from order_events e where e.order_id = o.id and e.type = ${sql.lit(type)})`;

export async function up(db: AnyDb): Promise<void> {
  await sql`create view orders_milestones_view as
    select o.id as order_id, o.number, o.channel_id, o.status, o.placed_at, o.hold_codes,
      ${milestone('received')} as received_at,
      ${milestone('approved')} as approved_at,
      ${milestone('shipped')} as shipped_at,
      ${milestone('delivered')} as delivered_at,
      ${milestone('cancelled')} as cancelled_at,
      ${milestone('delivery_promised')} as promised_at
    from orders o`.execute(db);
  await sql`create view orders_holds_view as
    select h.order_id, h.code, h.created_at, h.released_at from order_holds h`.execute(db);
  await sql`create view logistics_promises_view as
    select s.order_id, min(s.promised_by) as promised_by from shipments s
    where s.promised_by is not null group by s.order_id`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  for (const name of ['logistics_promises_view', 'orders_holds_view', 'orders_milestones_view'])
    await db.schema.dropView(name).ifExists().execute();
}
