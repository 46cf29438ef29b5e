import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * More explanations as a key with parameters (src/contracts/explanations.ts) beside the English
 * text: why the delivery rules chose a shipment's service, and the reason of a stock movement
 * that Ordo wrote itself. Null on older rows and on reasons a person typed: readers show the text.
 */
export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema.alterTable('shipments').addColumn('decision', t.json).execute();
  await db.schema.alterTable('stock_movements').addColumn('explanation', t.json).execute();
}
