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

  function loop(job: ScheduledJob) {
    const timer = setTimeout(async () => {
      const run = job
        .run()
        .catch((error) => logger.error({ err: error, job: job.name }, 'scheduled job failed'));
      running.add(run);
      await run;
      running.delete(run);
      if (!isStopped) loop(job);
    }, job.everyMs);
    timer.unref?.();
    timers.push(timer);
  }

  return {
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
