import type { App } from '../app.ts';

/**
 * `ordo insights refresh [--full]`: brings the daily summaries up to date (the worker does it
 * every minute); `--full` rebuilds every day, e.g. after orders were written without a timeline
 * event newer than the last run (a bulk load straight into the database).
 */
export async function refreshInsights(app: App, options: { full?: boolean }): Promise<void> {
  const started = performance.now();
  const { days } = options.full
    ? await app.insights.summaries.recomputeAll()
    : await app.insights.summaries.refresh();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const span = days.length > 0 ? ` (${days[0]} … ${days[days.length - 1]})` : '';
  console.log(`recomputed ${days.length} days${span} in ${seconds} s`);
}
