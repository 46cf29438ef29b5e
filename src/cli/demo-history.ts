import type { App } from '../app.ts';
import type { HistoryOutcome } from '../modules/orders/index.ts';
import type { CanonicalOrderInput, DemoShop } from './demo-data/index.ts';
import { chance, mulberry32, pickOne, randomInt } from './demo-data/random.ts';

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;
const historyActor = { type: 'system' as const, id: null, name: 'history import' };

/**
 * The demo shop's past: the year before its eight live weeks, as a shop moving to Ordo brings it
 * (`import orders --history`): orders of the same customers and SKUs, delivered in two to five
 * days, some late against a four-day promise, a few cancelled. It gives the weekly
 * pack a last year to compare with. Deterministic per seed and day, so a second run adds nothing
 * already there.
 */
export async function importDemoHistory(
  app: App,
  shop: DemoShop,
  options: { now: Date; seed: number; liveWeeks?: number },
): Promise<Record<HistoryOutcome['outcome'], number>> {
  const counts = { created: 0, duplicate: 0, rejected: 0 };
  const templates = shop.orders.filter((o) => o.lines.length > 0);
  if (templates.length === 0) return counts;
  const liveStart = options.now.getTime() - (options.liveWeeks ?? 8) * 7 * dayMs;
  const firstDay = Math.floor((liveStart - 365 * dayMs) / dayMs) * dayMs;
  // A little smaller a year ago: the shop has grown since.
  const perDay = (templates.length / ((options.liveWeeks ?? 8) * 7)) * 0.8;
  let batch: CanonicalOrderInput[] = [];
  const flush = async () => {
    for (const r of await app.orders.intake.receiveHistory(historyActor, batch)) counts[r.outcome] += 1;
    batch = [];
  };
  for (let day = firstDay; day + dayMs <= liveStart; day += dayMs) {
    const rng = mulberry32(options.seed * 100_003 + day / dayMs);
    const weekday = new Date(day).getUTCDay();
    const count = Math.round(perDay * (weekday === 0 || weekday === 6 ? 1.2 : 0.95) * (0.8 + rng() * 0.4));
    const stamp = new Date(day).toISOString().slice(0, 10).replaceAll('-', '');
    for (let i = 0; i < count; i += 1) {
      batch.push(pastOrder(pickOne(rng, templates), `H${stamp}-${i}`, day + rng() * dayMs, rng));
      if (batch.length >= 1000) await flush();
    }
  }
  if (batch.length > 0) await flush();
  return counts;
}

function pastOrder(
  template: CanonicalOrderInput,
  externalId: string,
  placed: number,
  rng: () => number,
): CanonicalOrderInput & { status: string; milestones: Record<string, string> } {
  const iso = (ms: number) => new Date(ms).toISOString();
  const approved = placed + (chance(rng, 0.85) ? rng() * 0.2 : 1 + rng() * 20) * hourMs;
  const base = { ...template, externalId, placedAt: iso(placed) };
  delete (base as { payment?: unknown }).payment;
  if (chance(rng, 0.04))
    return {
      ...base,
      status: 'cancelled',
      milestones: { cancelledAt: iso(approved + randomInt(rng, 1, 6) * hourMs) },
    };
  const shipped = approved + (8 + rng() * 24) * hourMs;
  // Most parcels arrive in one to three days; one in ten takes a detour.
  const delivered = shipped + (chance(rng, 0.1) ? 40 + rng() * 80 : 24 + rng() * 40) * hourMs;
  return {
    ...base,
    payment: { status: 'paid', paidAt: iso(placed + 60_000) },
    status: 'delivered',
    milestones: {
      approvedAt: iso(approved),
      shippedAt: iso(shipped),
      deliveredAt: iso(delivered),
      promisedAt: iso(placed + 4 * dayMs),
    },
  };
}
