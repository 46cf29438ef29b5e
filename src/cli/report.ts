import fs from 'node:fs';
import type { App } from '../app.ts';
import { periodText, weeklyPdf, weeklyText } from '../modules/insights/index.ts';

/** `ordo report weekly [--week 2026-W47] [--tz ZONE] [--json] [--pdf FILE]` (docs/reports.md). */
export async function weeklyReportCommand(
  app: App,
  options: { week?: string; tz?: string; json?: boolean; pdf?: string },
): Promise<void> {
  const report = await app.insights.reports.weekly({ week: options.week, tz: options.tz });
  if (options.pdf) {
    fs.writeFileSync(options.pdf, await weeklyPdf(report, app.clock.now()));
    if (!options.json) console.error(`wrote ${options.pdf}`);
  }
  console.log(options.json ? JSON.stringify(report) : weeklyText(report));
}

/** `ordo report period --from YYYY-MM-DD --to YYYY-MM-DD [--tz ZONE] [--json]` (to exclusive). */
export async function periodReportCommand(
  app: App,
  options: { from: string; to: string; tz?: string; json?: boolean },
): Promise<void> {
  const report = await app.insights.reports.period(options);
  console.log(options.json ? JSON.stringify(report) : periodText(report));
}
