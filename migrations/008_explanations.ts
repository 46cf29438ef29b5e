import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * Explanations as a key with parameters (src/contracts/explanations.ts) beside the English text,
 * so that the console and the customer mail render them in the reader's language. Null on rows
 * written before: readers fall back to the English `message` / `type_reason`.
 */
export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema.alterTable('order_holds').addColumn('explanation', t.json).execute();
  await db.schema.alterTable('orders').addColumn('type_explanation', t.json).execute();
}
