/** Time: when orders are placed (daily rhythm, busier weekends, growth, one promotion day). */
import { type Rng, randomInt, weightedSampler } from './random.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const chinaOffsetMs = 8 * HOUR_MS;

/** Share of orders by hour in China time: night trough 02–07, lunch peak, evening peak 20–23. */
const hourWeights = [
  0.45, 0.25, 0.12, 0.08, 0.07, 0.09, 0.16, 0.32, 0.6, 0.9, 1.3, 1.45, 1.25, 0.95, 0.9, 0.9, 0.92, 0.95, 1.0,
  1.2, 1.55, 1.75, 1.65, 1.05,
];
/** Sunday first, as `getUTCDay()` counts. */
const weekdayWeights = [1.3, 0.9, 0.88, 0.9, 0.95, 1.05, 1.35];
const growthOverWindow = 0.3;
const promotionDayFactor = 3;
/** Promotions open at midnight; the first hour gets the rush (as on Double 11). */
const promotionMidnightFactor = 8;

interface PlacedAts {
  times: number[];
  promotionDay: number;
}

export function samplePlacedAts(rng: Rng, nowMs: number, weeks: number, orderCount: number): PlacedAts {
  const windowStartMs = nowMs - weeks * 7 * DAY_MS;
  const firstDay = chinaDayOf(windowStartMs);
  const promotionDay = randomInt(rng, firstDay + Math.floor(weeks * 2), chinaDayOf(nowMs) - 2);
  const slots = hourSlots(windowStartMs, nowMs, promotionDay);
  const pickSlot = weightedSampler(slots.map((slot) => slot.weight));
  const times = Array.from({ length: orderCount }, () => {
    const slot = slots[pickSlot(rng)];
    const at = slot.startMs + rng() * (slot.endMs - slot.startMs);
    return Math.floor(at / 1000) * 1000;
  });
  return { times: times.sort((a, b) => a - b), promotionDay };
}

interface HourSlot {
  startMs: number;
  endMs: number;
  weight: number;
}

function hourSlots(windowStartMs: number, nowMs: number, promotionDay: number): HourSlot[] {
  const slots: HourSlot[] = [];
  for (let hourMs = Math.floor(windowStartMs / HOUR_MS) * HOUR_MS; hourMs < nowMs; hourMs += HOUR_MS) {
    const startMs = Math.max(hourMs, windowStartMs);
    const endMs = Math.min(hourMs + HOUR_MS, nowMs);
    const progress = (hourMs - windowStartMs) / (nowMs - windowStartMs);
    const coveredShare = (endMs - startMs) / HOUR_MS;
    slots.push({ startMs, endMs, weight: orderRate(hourMs, progress, promotionDay) * coveredShare });
  }
  return slots;
}

function orderRate(hourMs: number, progress: number, promotionDay: number): number {
  const china = new Date(hourMs + chinaOffsetMs);
  const hour = china.getUTCHours();
  let rate = hourWeights[hour] * weekdayWeights[china.getUTCDay()] * (1 + growthOverWindow * progress);
  if (chinaDayOf(hourMs) === promotionDay) rate *= hour === 0 ? promotionMidnightFactor : promotionDayFactor;
  return rate;
}

export function chinaDayOf(ms: number): number {
  return Math.floor((ms + chinaOffsetMs) / DAY_MS);
}

export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
