import { mulberry32 } from '../src/cli/demo-data/index.ts';
import type { Rng } from '../src/cli/demo-data/random.ts';
import { forecastDemand } from '../src/modules/inventory/forecast.ts';
import { reorderPlan } from '../src/modules/inventory/reorder.ts';

/**
 * The nightly replenishment pass in process: forecast and reorder plan for 10,000 SKUs with two
 * years of daily history each, against a 10 s bound on one core. Only the maths is timed; the
 * series are generated first.
 */
const SKUS = 10_000;
const DAYS = 730;
const BOUND_SECONDS = 10;

export async function runForecastBench(): Promise<{ skus: number; days: number; seconds: number }> {
  const random = mulberry32(20_261_122);
  const histories = Array.from({ length: SKUS }, () => syntheticDemand(random));
  const started = performance.now();
  for (const [i, history] of histories.entries()) planReplenishment(history, 7 + (i % 15));
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `inventory forecast: ${SKUS} SKUs × ${DAYS} days in ${seconds.toFixed(2)} s (bound ${BOUND_SECONDS} s)`,
  );
  return { skus: SKUS, days: DAYS, seconds };
}

/** `npm run bench -- inventory-forecast`, once registered in bench/run.ts. */
export async function run(): Promise<void> {
  await runForecastBench();
}

/** What the replenishment job does per SKU; lead times spread over 7–21 days. */
function planReplenishment(history: readonly number[], leadTimeDays: number) {
  const forecast = forecastDemand(history);
  const leadTimeDemand = forecast.forecast.slice(0, leadTimeDays).reduce((sum, units) => sum + units, 0);
  return reorderPlan({
    meanDaily: forecast.meanDaily,
    stdDaily: forecast.stdDaily,
    leadTimeDays,
    serviceLevel: 0.95,
    reviewPeriodDays: 7,
    leadTimeDemand,
  });
}

/** A catalogue's mix: a few dead SKUs, a fifth slow movers that sell on few days, the rest weekly sellers. */
function syntheticDemand(random: Rng): number[] {
  const kind = random();
  if (kind < 0.02) return Array(DAYS).fill(0);
  if (kind < 0.22) return intermittentDemand(random);
  return weeklyDemand(random);
}

function intermittentDemand(random: Rng): number[] {
  const saleChance = 0.03 + 0.2 * random();
  return Array.from({ length: DAYS }, () => (random() < saleChance ? 1 + Math.floor(random() * 5) : 0));
}

/** Level from 1 to 200 a day (log-uniform), a weekday profile, a drift over the two years, Poisson-like noise. */
function weeklyDemand(random: Rng): number[] {
  const level = Math.exp(random() * Math.log(200));
  const profile = Array.from({ length: 7 }, (_, day) => (day >= 5 ? 1.3 : 0.85) + 0.3 * (random() - 0.5));
  const drift = -0.3 + 0.8 * random();
  return Array.from({ length: DAYS }, (_, t) => {
    const mean = level * profile[t % 7] * (1 + (drift * t) / DAYS);
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(random)));
  });
}

/** Box-Muller. */
function standardNormal(random: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
