import type { Logger } from '../platform/logger.ts';

export interface ScheduledJob {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/**
 * Runs periodic jobs (the list is in `src/app.ts`: hold timers, allocation, stock planning,
 * delivery-problem detection, tracking feeds). Each job waits for its previous run to end,
 * so a slow run never overlaps the next. Jobs must be safe to run on several workers at once.
 */
export function createScheduler(jobs: readonly ScheduledJob[], logger: Logger) {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  let isStopped = true;

  /** Per job: when it last ran, how long, and how it ended (the health page shows these). */
  const history = new Map(
    jobs.map((job) => [
      job.name,
      {
        name: job.name,
        everyMs: job.everyMs,
        runs: 0,
        lastRunAt: null as string | null,
        lastDurationMs: null as number | null,
        lastError: null as string | null,
      },
    ]),
  );

  function loop(job: ScheduledJob) {
    const timer = setTimeout(async () => {
      const entry = history.get(job.name)!;
      const started = Date.now();
      const run = job
        .run()
        .then(() => {
          entry.lastError = null;
        })
        .catch((error) => {
          entry.lastError = String((error as Error)?.message ?? error).slice(0, 500);
          logger.error({ err: error, job: job.name }, 'scheduled job failed');
        })
        .finally(() => {
          entry.runs += 1;
          entry.lastRunAt = new Date(started).toISOString();
          entry.lastDurationMs = Date.now() - started;
        });
      running.add(run);
      await run;
      running.delete(run);
      if (!isStopped) loop(job);
    }, job.everyMs);
    timer.unref?.();
    timers.push(timer);
  }

  return {
    jobs: () => [...history.values()].map((entry) => ({ ...entry })),
    start() {
      isStopped = false;
      for (const job of jobs) loop(job);
    },
    async stop() {
      isStopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(running);
    },
  };
}
