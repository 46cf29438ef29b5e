import { sql } from 'kysely';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db/database.ts';
import { readJson } from '../platform/db/dialect.ts';
import type { Row } from '../platform/db/schema.ts';
import type { EventMap, EventType } from '../platform/events/event-map.ts';
import { randomBase32 } from '../platform/ids.ts';
import type { Logger } from '../platform/logger.ts';
import type { Metrics } from '../platform/metrics.ts';

export interface DeliveredEvent<T extends EventType = EventType> {
  id: number;
  type: T;
  payload: EventMap[T];
  attempt: number;
}

/** Handlers must be idempotent: an event can be delivered again after a crash or a retry. */
export type EventHandler<T extends EventType = EventType> = (event: DeliveredEvent<T>) => Promise<void>;
export type HandlerRegistry = { [T in EventType]?: EventHandler<T>[] };

export interface DispatcherOptions {
  database: Database;
  clock: Clock;
  logger: Logger;
  metrics?: Metrics;
  handlers: HandlerRegistry;
  batchSize?: number;
  maxAttempts?: number;
  /** How long a claimed row stays reserved for this worker before another may take it. */
  leaseMs?: number;
  idleDelayMs?: number;
  /** The longest wait between passes while they keep failing. */
  maxBackoffMs?: number;
}

/** Exponential backoff with a ceiling: 1 s, 2 s, 4 s … up to 10 minutes. */
export function retryDelayMs(attempt: number): number {
  return Math.min(1000 * 2 ** (attempt - 1), 10 * 60 * 1000);
}

export function createDispatcher(options: DispatcherOptions) {
  const { database, clock, logger, metrics, handlers } = options;
  const batchSize = options.batchSize ?? 100;
  const maxAttempts = options.maxAttempts ?? 8;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const workerId = `worker-${process.pid}-${randomBase32(6)}`;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let isStopped = true;

  /**
   * Takes up to `batchSize` due rows and leases them to this worker. On PostgreSQL
   * `FOR UPDATE SKIP LOCKED` makes concurrent workers take disjoint rows; SQLite has one writer
   * at a time, so the plain UPDATE is already exclusive.
   */
  async function claim(): Promise<Row<'outbox'>[]> {
    const now = clock.now().toISOString();
    const leaseUntil = new Date(clock.now().getTime() + leaseMs).toISOString();
    const lock = database.dialect === 'postgres' ? sql`for update skip locked` : sql``;
    const result = await sql<Row<'outbox'>>`
      update outbox set locked_by = ${workerId}, locked_until = ${leaseUntil}
      where id in (
        select id from outbox
        where status = 'pending' and available_at <= ${now} and (locked_until is null or locked_until < ${now})
        order by id limit ${batchSize} ${lock}
      )
      returning *`.execute(database.db);
    return result.rows.sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** Runs the event's handlers; true when all succeeded (failures are recorded right away). */
  async function deliver(row: Row<'outbox'>): Promise<boolean> {
    const type = row.type as EventType;
    const event = {
      id: Number(row.id),
      type,
      payload: readJson(row.payload),
      attempt: row.attempts + 1,
    } as DeliveredEvent;
    try {
      for (const handler of (handlers[type] ?? []) as EventHandler[]) await handler(event);
      metrics?.outboxDelivered.inc({ type, result: 'done' });
      return true;
    } catch (error) {
      await fail(row, error as Error);
      return false;
    }
  }

  /** One statement marks every delivered event of a batch done (most events have no handler yet). */
  async function markDone(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await database.db
      .updateTable('outbox')
      .set({ status: 'done', processed_at: clock.now().toISOString(), locked_by: null, locked_until: null })
      .where('id', 'in', [...ids])
      .where('locked_by', '=', workerId)
      .execute();
  }

  async function fail(row: Row<'outbox'>, error: Error): Promise<void> {
    const attempts = row.attempts + 1;
    const isDead = attempts >= maxAttempts;
    const availableAt = new Date(clock.now().getTime() + retryDelayMs(attempts)).toISOString();
    await finish(row, {
      status: isDead ? 'dead' : 'pending',
      attempts,
      last_error: String(error?.message ?? error).slice(0, 2000),
      available_at: availableAt,
    });
    metrics?.outboxDelivered.inc({ type: row.type, result: isDead ? 'dead' : 'retry' });
    logger.warn({ outboxId: row.id, type: row.type, attempts, isDead, err: error }, 'event handler failed');
  }

  async function finish(row: Row<'outbox'>, changes: Partial<Row<'outbox'>>): Promise<void> {
    await database.db
      .updateTable('outbox')
      .set({ ...changes, locked_by: null, locked_until: null })
      .where('id', '=', row.id)
      .where('locked_by', '=', workerId)
      .execute();
  }

  /** One pass: claim a batch and deliver it. Returns how many events it handled. */
  async function runOnce(): Promise<number> {
    const rows = await claim();
    const delivered: number[] = [];
    for (const row of rows) if (await deliver(row)) delivered.push(Number(row.id));
    await markDone(delivered);
    return rows.length;
  }

  /** Runs until no event is due (for tests and `ordo worker --once`). */
  async function drain(): Promise<number> {
    let total = 0;
    for (let n = await runOnce(); n > 0; n = await runOnce()) total += n;
    return total;
  }

  /** What the health page shows: when the loop last ran, and whether it is failing. */
  const health = {
    lastTickAt: null as string | null,
    lastSuccessAt: null as string | null,
    consecutiveFailures: 0,
    lastError: null as string | null,
  };
  let lastFailureLogAt = 0;

  /**
   * After a failed pass (the database gone) the loop waits twice as long each time, up to
   * `maxBackoffMs`, and logs the failure once a minute at most instead of on every pass.
   */
  function failureDelayMs(failures: number): number {
    return Math.min((options.idleDelayMs ?? 250) * 2 ** failures, maxBackoffMs);
  }

  function schedule(delayMs: number): void {
    if (isStopped) return;
    timer = setTimeout(async () => {
      let isFailed = false;
      running = runOnce().catch((error) => {
        isFailed = true;
        health.consecutiveFailures += 1;
        health.lastError = String((error as Error)?.message ?? error).slice(0, 500);
        const now = Date.now();
        if (health.consecutiveFailures === 1 || now - lastFailureLogAt >= 60_000) {
          lastFailureLogAt = now;
          logger.error(
            { err: error, consecutiveFailures: health.consecutiveFailures },
            `outbox dispatch failed; retrying in ${failureDelayMs(health.consecutiveFailures)} ms`,
          );
        }
        return 0;
      });
      const handled = await running;
      running = null;
      health.lastTickAt = new Date().toISOString();
      if (!isFailed) {
        if (health.consecutiveFailures > 0)
          logger.info({ failures: health.consecutiveFailures }, 'outbox dispatch recovered');
        health.consecutiveFailures = 0;
        health.lastSuccessAt = health.lastTickAt;
      }
      schedule(
        isFailed
          ? failureDelayMs(health.consecutiveFailures)
          : handled === batchSize
            ? 0
            : (options.idleDelayMs ?? 250),
      );
    }, delayMs);
    timer.unref?.();
  }

  return {
    workerId,
    health: () => ({ ...health }),
    runOnce,
    drain,
    start() {
      isStopped = false;
      schedule(0);
    },
    async stop() {
      isStopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
