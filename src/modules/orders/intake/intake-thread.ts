/**
 * An intake thread: validates, audits and stores batches of orders on its own connection, so
 * batches use every core while the main thread keeps serving HTTP. The server hands each batch
 * the run it is judged by (time, rule set, settings, channel states), so a thread never judges
 * by settings older than the server's. Started by `intake-pool.ts`, one batch at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Actor } from '../../../platform/actor.ts';
import { systemClock } from '../../../platform/clock.ts';
import { openDatabase } from '../../../platform/db/database.ts';
import { isDatabaseUnavailable } from '../../../platform/db/db-errors.ts';
import { AppError } from '../../../platform/errors.ts';
import { sharedTurns } from '../../../platform/shared-turns.ts';
import { skuStates } from '../../catalog/index.ts';
import { parseBatch } from './batch-input.ts';
import { createIntake, type IntakeOutcome, type IntakeRun, type IntakeStage } from './intake.ts';

export interface IntakeThreadData {
  location: { databaseUrl?: string; sqliteFile?: string };
  /** The write lock the threads share (SQLite has one writer); unused on PostgreSQL. */
  turns: SharedArrayBuffer;
}

export interface IntakeJob {
  id: number;
  run: IntakeRun;
  actor: Actor;
  /** The orders, or the raw body of a batch request (JSON `{"orders":[…]}`) parsed here. */
  orders: { inputs: readonly unknown[] } | { raw: Uint8Array };
}

/** An outcome as it crosses threads: errors travel as their parts. */
export type WireOutcome =
  | Exclude<IntakeOutcome, { outcome: 'rejected' }>
  | { outcome: 'rejected'; error: WireError };

export type IntakeReply =
  | {
      id: number;
      outcomes: WireOutcome[];
      /** Each order's channel as sent, for the server's received-orders counter. */
      channels: unknown[];
      stages: [IntakeStage, number][];
    }
  /** The body itself was refused (not JSON, no `orders` list): a 4xx for the whole request. */
  | { id: number; refused: WireError }
  | { id: number; failure: string };

type WireError = { code: AppError['code']; message: string; details?: unknown };

function toWire(outcome: IntakeOutcome): WireOutcome {
  if (outcome.outcome === 'created') return { outcome: 'created', order: outcome.order };
  if (outcome.outcome === 'duplicate') return outcome;
  const { code, message, details } = outcome.error;
  return { outcome: 'rejected', error: { code, message, details } };
}

function start(port: NonNullable<typeof parentPort>, data: IntakeThreadData): void {
  const { location } = data;
  // A few connections: a batch reads its context with parallel queries, then writes once.
  const database = openDatabase({ ...location, dataDir: '', poolSize: 4 });
  // SQLite checkpoints the WAL in the commit that crosses 1,000 pages, which a batch always does:
  // ~15 ms of copying per batch, inside this thread's write turn, while the other threads wait
  // to write. The thread checkpoints itself once its reply is on its way, outside the turn.
  database.sqlite?.pragma('wal_autocheckpoint = 0');
  const givenByServer = (): never => {
    throw new Error('an intake thread judges by the run the server hands it');
  };
  const catalog = { skuStates, channels: { channelStates: givenByServer } };
  let stages: [IntakeStage, number][] = [];
  const intake = createIntake({
    database,
    clock: systemClock,
    catalog,
    ruleSets: { activeRuleSet: givenByServer },
    settings: { orderSettings: givenByServer },
    onStage: (stage, seconds) => stages.push([stage, seconds]),
    writeTurn: database.dialect === 'sqlite' ? sharedTurns(data.turns) : undefined,
  });
  port.on('message', async (job: IntakeJob) => {
    stages = [];
    let reply: IntakeReply;
    try {
      const inputs = 'raw' in job.orders ? parseBatch(job.orders.raw) : job.orders.inputs;
      const results = await intake.receiveOrdersIn(job.run, job.actor, inputs);
      const channels = inputs.map((input) => (input as { channel?: unknown } | null)?.channel);
      reply = { id: job.id, outcomes: results.map(toWire), channels, stages };
    } catch (error) {
      if (error instanceof AppError) {
        const { code, message, details } = error;
        reply = { id: job.id, refused: { code, message, details } };
      } else if (isDatabaseUnavailable(error)) {
        reply = {
          id: job.id,
          refused: { code: 'DATABASE_UNAVAILABLE', message: 'the database does not answer' },
        };
      } else {
        const failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
        reply = { id: job.id, failure };
      }
    }
    port.postMessage(reply);
    // PASSIVE: copies what no reader still needs and never waits for anyone.
    database.sqlite?.pragma('wal_checkpoint(PASSIVE)');
  });
}

if (parentPort) start(parentPort, workerData as IntakeThreadData);
