import type { Transaction } from 'kysely';
import { type Database, insideTransaction } from './database.ts';
import type { DB } from './schema.ts';

export type Tx = Transaction<DB>;

/**
 * Runs `work` in one transaction: everything it writes (rows, history, outbox) commits together
 * or not at all. On SQLite Kysely serialises transactions over the single connection; on
 * PostgreSQL each runs on its own pooled connection at READ COMMITTED, with row locks where
 * a use-case needs them.
 */
export function inTransaction<T>(database: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction().execute((tx) => insideTransaction(database, () => work(tx)));
}
