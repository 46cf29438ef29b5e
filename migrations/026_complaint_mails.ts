import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * Complaint mails leave through the outbox, which may deliver an event again: a message notes
 * when its mail went out, so a second delivery of the same event sends nothing.
 */
export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema.alterTable('service_complaint_messages').addColumn('mailed_at', t.timestamp).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('service_complaint_messages').dropColumn('mailed_at').execute();
}
