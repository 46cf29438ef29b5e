/**
 * The server's side of the intake threads: batches queue here and go to the first idle thread,
 * so the main thread keeps serving HTTP and never holds a batch's orders. Threads start on the
 * first batch (CLI commands that never receive orders start none) and a thread that dies is
 * replaced, failing only the batch it held.
 */
import { Worker } from 'node:worker_threads';
import type { Actor } from '../../../platform/actor.ts';
import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { Metrics } from '../../../platform/metrics.ts';
import { newTurnsBuffer, releaseTurn } from '../../../platform/shared-turns.ts';
import type { IntakeOutcome, IntakeRun } from './intake.ts';
import type { IntakeJob, IntakeReply, IntakeThreadData, WireOutcome } from './intake-thread.ts';

export interface PoolResult {
  outcomes: IntakeOutcome[];
  /** Each order's channel as sent (for counting). */
  channels: unknown[];
}

interface Pending {
  job: IntakeJob;
  resolve: (result: PoolResult) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  current: Pending | null;
  /** Set when the thread ran out of its bounded heap: its batch can still be stored elsewhere. */
  ranOutOfMemory: boolean;
}

/**
 * A batch a thread could not hold in its bounded heap (V8 stopped the thread). Nothing of it
 * was committed unless the thread had finished writing; the caller stores it on the main thread.
 */
export class ThreadOutOfMemory extends Error {
  constructor() {
    super('the batch did not fit an intake thread’s heap');
  }
}

/**
 * The thread's script: beside the bundle when running `dist/cli.js`; from `src/` (tests, the
 * `ordo` npm script) a small bootstrap registers tsx in the new thread, then loads the source.
 */
function threadScript(): { script: URL | string; isEval: boolean } {
  if (!import.meta.url.endsWith('.ts'))
    return { script: new URL('./intake-thread.js', import.meta.url), isEval: false };
  const source = new URL('./intake-thread.ts', import.meta.url).href;
  // Resolved here, beside the sources: the bootstrap runs with no module of its own to resolve from.
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return { script: bootstrap, isEval: true };
}

export function fromWire(outcome: WireOutcome): IntakeOutcome {
  if (outcome.outcome !== 'rejected') return outcome;
  const { code, message, details } = outcome.error;
  return { outcome: 'rejected', error: new AppError(code, message, details as never) };
}

export function createIntakePool(options: {
  size: number;
  /** Each thread's old-generation heap (MB): one batch's worth. */
  heapMb?: number;
  location: Database['location'];
  logger: Logger;
  metrics?: Metrics;
}) {
  const { size, location, logger, metrics, heapMb = 48 } = options;
  const turns = newTurnsBuffer();
  const threads: Thread[] = [];
  const queue: Pending[] = [];
  let nextId = 1;
  let isClosed = false;

  function spawn(): Thread {
    const { script, isEval } = threadScript();
    const data: IntakeThreadData = { location, turns };
    const worker = new Worker(script, {
      eval: isEval,
      workerData: data,
      // A thread keeps nothing between batches but small caches: a bounded heap keeps its
      // memory near what one batch needs instead of growing with the machine's RAM (a batch
      // that does not fit is handed back, see ThreadOutOfMemory).
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 12 },
    });
    const thread: Thread = { worker, current: null, ranOutOfMemory: false };
    // An idle thread does not keep the process alive; one holding a batch does (see pump).
    worker.unref();
    worker.on('message', (reply: IntakeReply) => finish(thread, reply));
    worker.on('error', (error) => {
      thread.ranOutOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      if (thread.ranOutOfMemory)
        logger.warn('a batch did not fit an intake thread; the server stores it itself');
      else logger.error({ err: error }, 'intake thread failed');
    });
    const { threadId } = worker;
    worker.on('exit', (code) => {
      threads.splice(threads.indexOf(thread), 1);
      // A thread that died mid-write must not keep the others from their turn.
      releaseTurn(turns, threadId);
      const lost = thread.current;
      thread.current = null;
      if (lost && thread.ranOutOfMemory) lost.reject(new ThreadOutOfMemory());
      else if (lost) lost.reject(new AppError('INTERNAL', `an intake thread stopped (exit code ${code})`));
      if (!isClosed) pump();
    });
    threads.push(thread);
    return thread;
  }

  function finish(thread: Thread, reply: IntakeReply): void {
    const pending = thread.current;
    thread.current = null;
    thread.worker.unref();
    if (pending && pending.job.id === reply.id) {
      if ('failure' in reply) {
        logger.error({ failure: reply.failure }, 'an intake thread could not store a batch');
        pending.reject(new AppError('INTERNAL', 'orders could not be stored'));
      } else if ('refused' in reply) {
        const { code, message, details } = reply.refused;
        pending.reject(new AppError(code, message, details as never));
      } else {
        for (const [stage, seconds] of reply.stages) metrics?.stageSeconds.observe({ stage }, seconds);
        pending.resolve({ outcomes: reply.outcomes.map(fromWire), channels: reply.channels });
      }
    }
    pump();
  }

  function pump(): void {
    while (queue.length > 0) {
      let thread = threads.find((t) => t.current === null);
      if (!thread && threads.length < size) thread = spawn();
      if (!thread) return;
      const pending = queue.shift()!;
      thread.current = pending;
      thread.worker.ref();
      thread.worker.postMessage(pending.job);
    }
  }

  return {
    /** The write lock the threads share; the server's own intake takes its turns there too. */
    turns,
    /** Starts every thread now rather than on the first batch (the server does, the CLI need not). */
    start(): void {
      while (!isClosed && threads.length < size) spawn();
    },
    /**
     * Validates, audits and stores a batch on a thread; outcomes in input order. A raw request
     * body is parsed there too (a refused body rejects with its 4xx AppError).
     */
    receive(run: IntakeRun, actor: Actor, orders: IntakeJob['orders']): Promise<PoolResult> {
      if (isClosed) return Promise.reject(new AppError('INTERNAL', 'intake is shutting down'));
      return new Promise((resolve, reject) => {
        queue.push({ job: { id: nextId++, run, actor, orders }, resolve, reject });
        pump();
      });
    },
    async close(): Promise<void> {
      isClosed = true;
      for (const pending of queue.splice(0))
        pending.reject(new AppError('INTERNAL', 'intake is shutting down'));
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}

export type IntakePool = ReturnType<typeof createIntakePool>;
