import type { Database } from '../platform/db/database.ts';
import { readJson } from '../platform/db/dialect.ts';
import type { Row } from '../platform/db/schema.ts';
import { notFound } from '../platform/errors.ts';
import { afterKey, type Page, toPage } from '../platform/pagination.ts';

export interface OutboxEntry {
  id: number;
  type: string;
  payload: Record<string, unknown>;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  availableAt: string;
}

function toEntry(row: Row<'outbox'>): OutboxEntry {
  return {
    id: Number(row.id),
    type: row.type,
    payload: readJson(row.payload),
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    availableAt: row.available_at,
  };
}

/** The outbox as operators see it: dead letters to inspect and retry. */
export function createOutboxAdmin(deps: { database: Database; now: () => Date }) {
  const { db } = deps.database;

  async function listOutbox(
    status: string,
    cursor: string | null,
    limit: number,
  ): Promise<Page<OutboxEntry>> {
    let query = db
      .selectFrom('outbox')
      .selectAll()
      .where('status', '=', status)
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (cursor) query = query.where('id', '<', Number(afterKey(cursor)));
    return toPage(await query.execute(), limit, toEntry, (r) => [String(r.id)]);
  }

  /** Puts a dead event back in the queue with a fresh attempt count. */
  async function retryOutbox(id: number): Promise<OutboxEntry> {
    const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('outbox event', String(id));
    const changes = {
      status: 'pending',
      attempts: 0,
      available_at: deps.now().toISOString(),
      locked_by: null,
      locked_until: null,
    };
    await db.updateTable('outbox').set(changes).where('id', '=', id).execute();
    return toEntry({ ...row, ...changes });
  }

  async function countByStatus(): Promise<Record<string, number>> {
    const rows = await db
      .selectFrom('outbox')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  return { listOutbox, retryOutbox, countByStatus };
}
