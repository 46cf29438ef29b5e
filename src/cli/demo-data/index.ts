/**
 * The demo shop behind `ordo demo`: two channels, a ~200-SKU catalog and ~3,000 orders over the
 * last weeks, shaped like a Chinese direct-to-consumer brand's traffic (daily rhythm, busier
 * weekends, growth, one promotion day, a quarter of buyers abroad) so dashboards, holds, waves
 * and the weekly review show something true to life. Pure and seeded: the same seed and `now`
 * give the same shop, so screenshots, docs and tests can rely on it.
 */
import { buildCatalog, popularityWeights } from './catalog.ts';
import { buildOrder, type OrderContext } from './orders.ts';
import { mulberry32, randomInt, weightedSampler } from './random.ts';
import { samplePlacedAts } from './rhythm.ts';
import type { DemoChannel, DemoShop, DemoShopOptions } from './types.ts';

export { demoCancellations } from './cancellations.ts';
export { ean13 } from './catalog.ts';
export { mulberry32 } from './random.ts';
export type {
  CanonicalOrderInput,
  DemoAddress,
  DemoCancellation,
  DemoChannel,
  DemoShop,
  DemoShopOptions,
  DemoSku,
} from './types.ts';

export const demoChannels: DemoChannel[] = [
  { id: 'web', name: 'Own web shop', kind: 'web' },
  { id: 'tmall', name: 'Tmall flagship store', kind: 'marketplace' },
];

export function generateDemoShop(opts: DemoShopOptions): DemoShop {
  const rng = mulberry32(opts.seed ?? 1);
  const skus = buildCatalog(rng, opts.skuCount ?? 200);
  const placedAts = samplePlacedAts(rng, opts.now.getTime(), opts.weeks ?? 8, opts.orderCount ?? 3000);
  const context: OrderContext = {
    rng,
    skus,
    pickSkuIndex: weightedSampler(popularityWeights(rng, skus.length)),
    customers: [],
    externalIds: { nextWeb: 100_001 + randomInt(rng, 0, 80), tmall: new Set() },
    nowMs: opts.now.getTime(),
    promotionDay: placedAts.promotionDay,
  };
  const orders = placedAts.times.map((placedAtMs) => buildOrder(context, placedAtMs));
  return { channels: demoChannels.map((channel) => ({ ...channel })), skus, orders };
}
