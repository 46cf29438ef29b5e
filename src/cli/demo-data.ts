/**
 * The demo shop behind `ordo demo`: two channels, a ~200-SKU catalog and ~3,000 orders over the
 * last weeks, shaped like a Chinese direct-to-consumer brand's traffic (daily rhythm, busier
 * weekends, growth, one promotion day, a quarter of buyers abroad) so dashboards, holds, waves
 * and the weekly review show something true to life. Pure and seeded: the same seed and `now`
 * give the same shop, so screenshots, docs and tests can rely on it.
 */
import { fromMinor, toMinor } from '../platform/money.ts';

export interface CanonicalOrderInput {
  channel: string;
  externalId: string;
  placedAt: string;
  currency: string;
  customer: { name: string; email?: string; phone?: string };
  shippingAddress: DemoAddress;
  lines: { sku: string; quantity: number; unitPrice: string; name?: string }[];
  shippingFee?: string;
  discount?: string;
  total: string;
  payment: PaymentInput;
  type?: 'normal' | 'urgent' | 'custom' | 'presale' | 'b2b' | 'replacement';
  buyerNote?: string;
  sellerNote?: string;
  requestedService?: 'standard' | 'express' | 'freight' | 'same_day';
}

export interface DemoAddress {
  name: string;
  phone: string;
  country: string;
  province?: string;
  city: string;
  district?: string;
  line1: string;
  line2?: string;
  postalCode?: string;
}

interface PaymentInput {
  status: 'pending' | 'paid' | 'partially_paid' | 'refunded' | 'cod';
  method?: string;
  paidAmount?: string;
  paidAt?: string;
}

export interface DemoChannel {
  id: string;
  name: string;
  kind: string;
}

export interface DemoSku {
  code: string;
  name: string;
  price: string;
  barcode: string;
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

export interface DemoShop {
  channels: DemoChannel[];
  skus: DemoSku[];
  orders: CanonicalOrderInput[];
}

export interface DemoShopOptions {
  seed?: number;
  now: Date;
  skuCount?: number;
  orderCount?: number;
  weeks?: number;
}

export interface DemoCancellation {
  channel: string;
  externalId: string;
  reason: string;
}

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

// ---------------------------------------------------------------------------------------------
// Randomness

type Rng = () => number;

/** mulberry32 (Tommy Ettinger): a tiny 32-bit PRNG; plenty for demo data, and seedable. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function chance(rng: Rng, probability: number): boolean {
  return rng() < probability;
}

function pickOne<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

function pickWeighted<T>(rng: Rng, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let remaining = rng() * total;
  for (const [value, weight] of options) {
    remaining -= weight;
    if (remaining < 0) return value;
  }
  return options[options.length - 1][0];
}

/** Draws an index with probability proportional to its weight, in O(log n) per draw. */
function weightedSampler(weights: readonly number[]): (rng: Rng) => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (const weight of weights) {
    sum += weight;
    cumulative.push(sum);
  }
  return (rng) => {
    const target = rng() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return low;
  };
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(rng, 0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function randomDigits(rng: Rng, count: number): string {
  let digits = '';
  for (let i = 0; i < count; i++) digits += randomInt(rng, 0, 9);
  return digits;
}

// ---------------------------------------------------------------------------------------------
// Catalog

interface Variant {
  code: string;
  zh: string;
  en: string;
  priceDeltaMinor: number;
  /** Scales weight and dimensions: an XL hoodie is heavier than an S. */
  scale: number;
}

interface ProductTemplate {
  code: string;
  zh: string;
  en: string;
  priceMinor: number;
  weightGrams: number;
  sizeMm: readonly [number, number, number];
  axes: Variant[][];
}

function variant(code: string, zh: string, en: string, priceDeltaMinor = 0, scale = 1): Variant {
  return { code, zh, en, priceDeltaMinor, scale };
}

const colourNames = {
  RED: ['红色', 'red'],
  BLK: ['黑色', 'black'],
  WHT: ['白色', 'white'],
  NAVY: ['藏青', 'navy'],
  GRY: ['灰色', 'grey'],
  GRN: ['绿色', 'green'],
  PNK: ['粉色', 'pink'],
  BEI: ['米色', 'beige'],
  BLU: ['蓝色', 'blue'],
  CLR: ['透明', 'clear'],
} as const;

function colours(...codes: (keyof typeof colourNames)[]): Variant[] {
  return codes.map((code) => variant(code, colourNames[code][0], colourNames[code][1]));
}

const clothingSizes = [
  variant('S', 'S', 'S', 0, 0.9),
  variant('M', 'M', 'M'),
  variant('L', 'L', 'L', 0, 1.08),
  variant('XL', 'XL', 'XL', 1000, 1.15),
  variant('XXL', 'XXL', 'XXL', 1000, 1.22),
];
const phoneModels = [
  variant('IP15', 'iPhone 15', 'iPhone 15'),
  variant('IP15P', 'iPhone 15 Pro', 'iPhone 15 Pro'),
  variant('IP16', 'iPhone 16', 'iPhone 16'),
  variant('IP16P', 'iPhone 16 Pro', 'iPhone 16 Pro'),
  variant('MATE60', '华为 Mate 60', 'Huawei Mate 60'),
  variant('MI14', '小米 14', 'Xiaomi 14'),
];
const candleScents = [
  variant('LAV', '薰衣草', 'lavender'),
  variant('SANDAL', '檀香', 'sandalwood'),
  variant('CITRUS', '柑橘', 'citrus'),
  variant('ROSE', '玫瑰', 'rose'),
  variant('CEDAR', '雪松', 'cedar'),
];

/** Prices are what a mid-range Chinese D2C brand charges on Tmall (CNY, in fen). */
// biome-ignore format: a data table reads best as one row per line
const catalogByCategory: Record<string, ProductTemplate[]> = {
  apparel: [
    { code: 'TEE', zh: '纯棉T恤', en: 'Cotton tee', priceMinor: 5990, weightGrams: 180, sizeMm: [300, 250, 20], axes: [colours('RED', 'BLK', 'WHT', 'NAVY', 'GRY', 'GRN', 'PNK'), clothingSizes] },
    { code: 'POLO', zh: '珠地Polo衫', en: 'Piqué polo', priceMinor: 12900, weightGrams: 230, sizeMm: [310, 260, 25], axes: [colours('WHT', 'NAVY', 'BLK', 'GRN'), clothingSizes] },
    { code: 'HOODIE', zh: '连帽卫衣', en: 'Hoodie', priceMinor: 19900, weightGrams: 560, sizeMm: [350, 300, 60], axes: [colours('GRY', 'BLK', 'NAVY', 'BEI'), clothingSizes] },
    { code: 'JOGGER', zh: '束脚卫裤', en: 'Jogger pants', priceMinor: 16900, weightGrams: 450, sizeMm: [350, 280, 50], axes: [colours('GRY', 'BLK', 'NAVY'), clothingSizes.slice(0, 4)] },
    { code: 'DRESS', zh: '亚麻连衣裙', en: 'Linen dress', priceMinor: 25900, weightGrams: 320, sizeMm: [350, 280, 40], axes: [colours('BEI', 'NAVY', 'GRN'), clothingSizes.slice(0, 3)] },
    { code: 'OXFORD', zh: '牛津纺衬衫', en: 'Oxford shirt', priceMinor: 16900, weightGrams: 280, sizeMm: [330, 260, 30], axes: [colours('WHT', 'BLU'), clothingSizes.slice(0, 4)] },
    { code: 'SOCK-3PK', zh: '棉袜三双装', en: 'Socks 3-pack', priceMinor: 2990, weightGrams: 120, sizeMm: [200, 100, 30], axes: [colours('WHT', 'BLK', 'GRY', 'NAVY')] },
    { code: 'CAP', zh: '棒球帽', en: 'Baseball cap', priceMinor: 7900, weightGrams: 110, sizeMm: [280, 200, 120], axes: [colours('BLK', 'WHT', 'NAVY', 'BEI')] },
  ],
  home: [
    { code: 'MUG', zh: '陶瓷马克杯', en: 'Ceramic mug', priceMinor: 3900, weightGrams: 350, sizeMm: [120, 90, 100], axes: [colours('WHT', 'BLK', 'GRN', 'PNK')] },
    { code: 'TOWEL-BATH', zh: '纯棉浴巾', en: 'Cotton bath towel', priceMinor: 4990, weightGrams: 450, sizeMm: [300, 200, 80], axes: [colours('WHT', 'GRY', 'PNK', 'BEI')] },
    { code: 'TOWEL-FACE', zh: '纯棉毛巾', en: 'Cotton face towel', priceMinor: 1990, weightGrams: 110, sizeMm: [200, 150, 40], axes: [colours('WHT', 'GRY', 'PNK', 'BEI')] },
    { code: 'PILLOW-MEMORY', zh: '记忆棉枕', en: 'Memory foam pillow', priceMinor: 12900, weightGrams: 1200, sizeMm: [600, 400, 120], axes: [[variant('STD', '标准款', 'standard'), variant('LOW', '低枕', 'low', -1000, 0.85)]] },
    { code: 'CANDLE', zh: '香薰蜡烛', en: 'Scented candle', priceMinor: 6900, weightGrams: 300, sizeMm: [90, 90, 100], axes: [candleScents] },
    { code: 'THROW', zh: '针织盖毯', en: 'Knit throw blanket', priceMinor: 23900, weightGrams: 900, sizeMm: [400, 300, 100], axes: [colours('GRY', 'BEI', 'GRN')] },
    { code: 'STORAGE-BOX', zh: '折叠收纳箱', en: 'Folding storage box', priceMinor: 5990, weightGrams: 800, sizeMm: [400, 300, 60], axes: [[variant('S', '小号', 'small', -2000, 0.7), variant('M', '中号', 'medium'), variant('L', '大号', 'large', 2000, 1.3)]] },
    { code: 'BOTTLE-500ML', zh: '保温杯 500ml', en: 'Insulated bottle 500 ml', priceMinor: 9900, weightGrams: 350, sizeMm: [250, 80, 80], axes: [colours('BLK', 'WHT', 'GRN', 'PNK', 'NAVY')] },
    { code: 'CHOPSTICKS-10', zh: '合金筷子10双', en: 'Alloy chopsticks, 10 pairs', priceMinor: 3990, weightGrams: 260, sizeMm: [280, 90, 30], axes: [] },
    { code: 'PLATE-SET-4', zh: '陶瓷餐盘四件套', en: 'Ceramic plate set of 4', priceMinor: 14900, weightGrams: 1800, sizeMm: [300, 300, 120], axes: [colours('WHT', 'BEI', 'GRN')] },
  ],
  electronics: [
    { code: 'CABLE-USBC', zh: 'USB-C 数据线', en: 'USB-C cable', priceMinor: 2990, weightGrams: 60, sizeMm: [150, 100, 20], axes: [[variant('1M', '1 米', '1 m'), variant('2M', '2 米', '2 m', 1000, 1.4)], colours('WHT', 'BLK')] },
    { code: 'CABLE-LTG', zh: '苹果数据线', en: 'Lightning cable', priceMinor: 3990, weightGrams: 60, sizeMm: [150, 100, 20], axes: [[variant('1M', '1 米', '1 m'), variant('2M', '2 米', '2 m', 1000, 1.4)]] },
    { code: 'CHARGER', zh: '快充充电器', en: 'Fast charger', priceMinor: 6900, weightGrams: 90, sizeMm: [80, 60, 40], axes: [[variant('20W', '20W', '20 W'), variant('65W', '65W', '65 W', 8000, 1.6)], colours('WHT', 'BLK')] },
    { code: 'POWERBANK', zh: '移动电源', en: 'Power bank', priceMinor: 12900, weightGrams: 230, sizeMm: [150, 80, 30], axes: [[variant('10K', '10000mAh', '10,000 mAh'), variant('20K', '20000mAh', '20,000 mAh', 7000, 1.6)], colours('WHT', 'BLK')] },
    { code: 'CASE', zh: '手机壳', en: 'Phone case', priceMinor: 4900, weightGrams: 50, sizeMm: [180, 100, 20], axes: [phoneModels, colours('CLR', 'BLK')] },
    { code: 'EARBUDS-BT', zh: '蓝牙耳机', en: 'Bluetooth earbuds', priceMinor: 19900, weightGrams: 120, sizeMm: [110, 110, 50], axes: [colours('WHT', 'BLK')] },
    { code: 'MOUSE-WL', zh: '无线鼠标', en: 'Wireless mouse', priceMinor: 8900, weightGrams: 150, sizeMm: [150, 100, 60], axes: [colours('BLK', 'WHT', 'GRY')] },
    { code: 'KEYBOARD-MECH', zh: '机械键盘', en: 'Mechanical keyboard', priceMinor: 39900, weightGrams: 1100, sizeMm: [460, 170, 60], axes: [colours('BLK', 'WHT')] },
    { code: 'HUB-USBC-7IN1', zh: '七合一扩展坞', en: 'USB-C 7-in-1 hub', priceMinor: 17900, weightGrams: 140, sizeMm: [150, 80, 30], axes: [] },
    { code: 'PHONE-STAND', zh: '手机支架', en: 'Phone stand', priceMinor: 3990, weightGrams: 180, sizeMm: [150, 90, 40], axes: [colours('BLK', 'WHT', 'GRY')] },
  ],
  food: [
    { code: 'TEA-LONGJING', zh: '西湖龙井', en: 'Longjing tea', priceMinor: 12800, weightGrams: 180, sizeMm: [200, 120, 80], axes: [[variant('100G', '100g', '100 g'), variant('250G', '250g', '250 g', 17000, 1.9)]] },
    { code: 'TEA-PUER-357G', zh: '普洱茶饼 357g', en: "Pu'er tea cake 357 g", priceMinor: 16800, weightGrams: 420, sizeMm: [220, 220, 40], axes: [] },
    { code: 'TEA-DHP-150G', zh: '武夷大红袍 150g', en: 'Da Hong Pao oolong 150 g', priceMinor: 15800, weightGrams: 260, sizeMm: [200, 120, 80], axes: [] },
    { code: 'COFFEE', zh: '咖啡豆', en: 'Coffee beans', priceMinor: 6900, weightGrams: 280, sizeMm: [200, 120, 70], axes: [[variant('YUNNAN', '云南', 'Yunnan'), variant('ETHIOPIA', '埃塞俄比亚', 'Ethiopia', 2000), variant('BLEND', '拼配', 'house blend', -1000)], [variant('250G', '250g', '250 g'), variant('500G', '500g', '500 g', 5000, 1.8)]] },
    { code: 'HONEY-500G', zh: '百花蜂蜜 500g', en: 'Wildflower honey 500 g', priceMinor: 6800, weightGrams: 700, sizeMm: [120, 80, 80], axes: [] },
    { code: 'MOONCAKE-GIFT', zh: '月饼礼盒', en: 'Mooncake gift box', priceMinor: 16800, weightGrams: 700, sizeMm: [300, 300, 80], axes: [[variant('4', '4 枚装', 'of 4'), variant('8', '8 枚装', 'of 8', 13000, 1.8)]] },
    { code: 'NUTS-30', zh: '每日坚果 30 袋', en: 'Daily mixed nuts, 30 packs', priceMinor: 13900, weightGrams: 850, sizeMm: [300, 200, 150], axes: [] },
    { code: 'DATES-500G', zh: '新疆红枣 500g', en: 'Xinjiang red dates 500 g', priceMinor: 4990, weightGrams: 550, sizeMm: [250, 180, 60], axes: [] },
    { code: 'GOJI-250G', zh: '宁夏枸杞 250g', en: 'Ningxia goji berries 250 g', priceMinor: 4500, weightGrams: 290, sizeMm: [200, 140, 50], axes: [] },
    { code: 'CHOC-GIFT-16', zh: '巧克力礼盒 16 粒', en: 'Chocolate gift box of 16', priceMinor: 16800, weightGrams: 300, sizeMm: [250, 200, 40], axes: [] },
    { code: 'SNACK-BOX', zh: '零食大礼包', en: 'Snack gift box', priceMinor: 9900, weightGrams: 1500, sizeMm: [400, 300, 200], axes: [] },
  ],
};

/** Round-robin over categories so a small `skuCount` still has a bit of everything. */
function buildCatalog(rng: Rng, skuCount: number): DemoSku[] {
  const byCategory = Object.values(catalogByCategory).map((templates) => templates.flatMap(expandVariants));
  const interleaved: ProductVariant[] = [];
  for (let i = 0; byCategory.some((variants) => i < variants.length); i++) {
    for (const variants of byCategory) if (i < variants.length) interleaved.push(variants[i]);
  }
  return interleaved.slice(0, skuCount).map((item, index) => toDemoSku(rng, item, index));
}

interface ProductVariant {
  template: ProductTemplate;
  variants: Variant[];
}

function expandVariants(template: ProductTemplate): ProductVariant[] {
  let combinations: Variant[][] = [[]];
  for (const axis of template.axes) {
    combinations = combinations.flatMap((chosen) => axis.map((option) => [...chosen, option]));
  }
  return combinations.map((variants) => ({ template, variants }));
}

function toDemoSku(rng: Rng, { template, variants }: ProductVariant, index: number): DemoSku {
  const scale = variants.reduce((product, option) => product * option.scale, 1);
  const priceMinor = variants.reduce((sum, option) => sum + option.priceDeltaMinor, template.priceMinor);
  // ±4 %: packed goods are never exactly their spec weight.
  const jitter = 0.96 + rng() * 0.08;
  const [length, width, height] = template.sizeMm.map((mm) => Math.round(mm * Math.cbrt(scale)));
  const zh = [template.zh, ...variants.map((option) => option.zh)].join(' ');
  const en = [template.en, ...variants.map((option) => option.en)].join(' ');
  return {
    code: [template.code, ...variants.map((option) => option.code)].join('-'),
    name: `${zh} / ${en}`,
    price: fromMinor(priceMinor, 'CNY'),
    // 69x is GS1 China's prefix; 12345 stands in for the brand's company number.
    barcode: ean13(`6912345${String(index + 1).padStart(5, '0')}`),
    weightGrams: Math.round(template.weightGrams * scale * jitter),
    lengthMm: length,
    widthMm: width,
    heightMm: height,
  };
}

/** Appends the EAN-13 check digit: weights 1,3,1,3… from the left over the first 12 digits. */
export function ean13(first12: string): string {
  const sum = [...first12].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

/** Zipf-like sales: a few best-sellers, a long tail, best-sellers in no particular catalog order. */
function popularityWeights(rng: Rng, skuCount: number): number[] {
  const ranks = shuffled(
    rng,
    Array.from({ length: skuCount }, (_, i) => i),
  );
  return ranks.map((rank) => 1 / (rank + 1) ** 0.9);
}

// ---------------------------------------------------------------------------------------------
// Time: when orders are placed

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

function samplePlacedAts(rng: Rng, nowMs: number, weeks: number, orderCount: number): PlacedAts {
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

function chinaDayOf(ms: number): number {
  return Math.floor((ms + chinaOffsetMs) / DAY_MS);
}

function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

// ---------------------------------------------------------------------------------------------
// People and addresses

interface Person {
  name: string;
  phone: string;
  email?: string;
}

interface DemoCustomer {
  person: Person;
  address: Omit<DemoAddress, 'name' | 'phone'>;
  locale: Locale;
  isDomestic: boolean;
}

interface Locale {
  country: string;
  newPerson(rng: Rng): Person;
  newAddress(rng: Rng): Omit<DemoAddress, 'name' | 'phone'>;
}

// biome-ignore format: a data table reads best as one row per line
const surnames = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['林', 'lin'], ['罗', 'luo'], ['高', 'gao'], ['郑', 'zheng'],
  ['梁', 'liang'],
] as const;
// biome-ignore format: a data table reads best as one row per line
const givenNames = [
  ['芳', 'fang'], ['伟', 'wei'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
  ['磊', 'lei'], ['洋', 'yang'], ['艳', 'yan'], ['勇', 'yong'], ['军', 'jun'], ['杰', 'jie'], ['涛', 'tao'],
  ['超', 'chao'], ['秀英', 'xiuying'], ['志强', 'zhiqiang'], ['建华', 'jianhua'], ['晓燕', 'xiaoyan'],
  ['婷婷', 'tingting'], ['子涵', 'zihan'], ['浩然', 'haoran'], ['欣怡', 'xinyi'], ['宇轩', 'yuxuan'], ['思雨', 'siyu'],
  ['俊杰', 'junjie'], ['雨桐', 'yutong'], ['梓萱', 'zixuan'],
] as const;
/** China Mobile / Unicom / Telecom prefixes people actually have. */
// biome-ignore format: a data table reads best as one row per line
const chineseMobilePrefixes = [
  '130', '131', '135', '136', '137', '138', '139', '150', '151', '152', '155', '158', '159', '180', '186',
  '187', '188', '189',
];

// biome-ignore format: a data table reads best as one row per line
const chineseCities = [
  { province: '上海市', city: '上海市', postcode: '200', districts: ['浦东新区', '徐汇区', '静安区', '闵行区', '长宁区'], weight: 10 },
  { province: '北京市', city: '北京市', postcode: '100', districts: ['朝阳区', '海淀区', '东城区', '丰台区', '西城区'], weight: 9 },
  { province: '广东省', city: '深圳市', postcode: '518', districts: ['南山区', '福田区', '宝安区', '龙岗区'], weight: 8 },
  { province: '广东省', city: '广州市', postcode: '510', districts: ['天河区', '越秀区', '海珠区', '番禺区'], weight: 8 },
  { province: '浙江省', city: '杭州市', postcode: '310', districts: ['西湖区', '拱墅区', '滨江区', '余杭区', '上城区'], weight: 7 },
  { province: '四川省', city: '成都市', postcode: '610', districts: ['锦江区', '武侯区', '青羊区', '成华区'], weight: 6 },
  { province: '江苏省', city: '南京市', postcode: '210', districts: ['鼓楼区', '玄武区', '江宁区', '秦淮区'], weight: 5 },
  { province: '江苏省', city: '苏州市', postcode: '215', districts: ['姑苏区', '吴中区', '相城区', '虎丘区'], weight: 5 },
  { province: '湖北省', city: '武汉市', postcode: '430', districts: ['武昌区', '洪山区', '江汉区', '江岸区'], weight: 5 },
  { province: '重庆市', city: '重庆市', postcode: '400', districts: ['渝中区', '江北区', '南岸区', '渝北区'], weight: 5 },
  { province: '陕西省', city: '西安市', postcode: '710', districts: ['雁塔区', '碑林区', '未央区', '新城区'], weight: 4 },
  { province: '天津市', city: '天津市', postcode: '300', districts: ['和平区', '南开区', '河西区'], weight: 3 },
  { province: '湖南省', city: '长沙市', postcode: '410', districts: ['岳麓区', '芙蓉区', '天心区', '开福区'], weight: 3 },
  { province: '河南省', city: '郑州市', postcode: '450', districts: ['金水区', '二七区', '中原区'], weight: 3 },
  { province: '山东省', city: '青岛市', postcode: '266', districts: ['市南区', '市北区', '崂山区', '黄岛区'], weight: 3 },
  { province: '福建省', city: '厦门市', postcode: '361', districts: ['思明区', '湖里区', '集美区'], weight: 2 },
] as const;
// biome-ignore format: a data table reads best as one row per line
const chineseStreets = [
  '中山路', '人民路', '解放路', '建设路', '和平路', '长江路', '新华路', '文化路', '学府路', '科技路', '滨江大道', '世纪大道', '东风路', '青年路',
  '花园路',
];
// biome-ignore format: a data table reads best as one row per line
const chineseCompounds = [
  '阳光花园', '锦绣家园', '翠苑小区', '万科城', '桂花园', '保利花园', '金色家园', '碧桂园',
];
const chineseTowers = ['国贸大厦', '财富中心', '创新大厦', '环球中心', '科技大厦'];

const chineseLocale: Locale = {
  country: 'CN',
  newPerson: (rng) => {
    const [surname, surnamePinyin] = pickOne(rng, surnames);
    const [given, givenPinyin] = pickOne(rng, givenNames);
    const phone = `+86${pickOne(rng, chineseMobilePrefixes)}${randomDigits(rng, 8)}`;
    const hasEmail = chance(rng, 0.5);
    const email = `${givenPinyin}.${surnamePinyin}${randomInt(rng, 1, 99)}@${pickOne(rng, exampleDomains)}`;
    return { name: `${surname}${given}`, phone, ...(hasEmail ? { email } : {}) };
  },
  newAddress: (rng) => {
    const place = pickWeighted(
      rng,
      chineseCities.map((city) => [city, city.weight] as const),
    );
    return {
      country: 'CN',
      province: place.province,
      city: place.city,
      district: pickOne(rng, place.districts),
      line1: `${pickOne(rng, chineseStreets)} ${randomInt(rng, 1, 999)} 号`,
      ...optional('line2', chineseLine2(rng)),
      postalCode: `${place.postcode}0${randomDigits(rng, 2)}`,
    };
  },
};

function chineseLine2(rng: Rng): string | undefined {
  return pickWeighted<string | undefined>(rng, [
    [
      `${pickOne(rng, chineseCompounds)} ${randomInt(rng, 1, 30)} 栋 ${randomInt(rng, 1, 4)} 单元 ${randomInt(rng, 1, 33)}0${randomInt(rng, 1, 4)} 室`,
      60,
    ],
    [`${pickOne(rng, chineseTowers)} ${randomInt(rng, 2, 40)} 楼`, 20],
    [undefined, 20],
  ]);
}

/** Reserved for examples (RFC 2606), so demo mail can never reach a real person. */
const exampleDomains = ['example.com', 'example.net', 'example.org'];

interface WesternNames {
  first: readonly string[];
  last: readonly string[];
}

function westernPerson(rng: Rng, names: WesternNames, phone: string): Person {
  const first = pickOne(rng, names.first);
  const last = pickOne(rng, names.last);
  const local = `${first}.${last}`
    .toLowerCase()
    .replaceAll(' ', '')
    .replaceAll('ü', 'ue')
    .replaceAll('ö', 'oe')
    .replaceAll('ä', 'ae');
  return { name: `${first} ${last}`, phone, email: `${local}@${pickOne(rng, exampleDomains)}` };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

const englishNames: WesternNames = {
  first: [
    'James',
    'Emma',
    'Olivia',
    'Liam',
    'Noah',
    'Sophia',
    'Oliver',
    'Charlotte',
    'Amelia',
    'Jack',
    'Harry',
    'Isla',
    'Ethan',
    'Mia',
    'Lucas',
    'Grace',
  ],
  last: [
    'Smith',
    'Johnson',
    'Brown',
    'Taylor',
    'Miller',
    'Wilson',
    'Davies',
    'Evans',
    'Thomas',
    'Roberts',
    'Walker',
    'Clark',
    'Lewis',
    'Hall',
  ],
};
const germanNames: WesternNames = {
  first: [
    'Lena',
    'Felix',
    'Max',
    'Anna',
    'Paul',
    'Emma',
    'Leon',
    'Mia',
    'Jonas',
    'Hannah',
    'Lukas',
    'Sophie',
  ],
  last: [
    'Müller',
    'Schmidt',
    'Schneider',
    'Fischer',
    'Weber',
    'Meyer',
    'Wagner',
    'Becker',
    'Hoffmann',
    'Schulz',
  ],
};
const singaporeanNames: WesternNames = {
  first: ['Wei Ling', 'Jun Hao', 'Hui Min', 'Ryan', 'Rachel', 'Marcus', 'Priya', 'Arjun', 'Aisyah', 'Daniel'],
  last: ['Tan', 'Lim', 'Lee', 'Ng', 'Ong', 'Wong', 'Goh', 'Chua', 'Kumar', 'Rahman'],
};

const usCities = [
  { city: 'New York', state: 'NY', areaCode: '212', zipFrom: 10001, zipTo: 10282 },
  { city: 'San Francisco', state: 'CA', areaCode: '415', zipFrom: 94102, zipTo: 94134 },
  { city: 'Seattle', state: 'WA', areaCode: '206', zipFrom: 98101, zipTo: 98199 },
  { city: 'Austin', state: 'TX', areaCode: '512', zipFrom: 78701, zipTo: 78759 },
  { city: 'Chicago', state: 'IL', areaCode: '312', zipFrom: 60601, zipTo: 60661 },
];
const ukCities = [
  { city: 'London', outward: ['SW1A', 'E1', 'N1', 'W2', 'SE1', 'NW1', 'EC2A'] },
  { city: 'Manchester', outward: ['M1', 'M3', 'M4', 'M14'] },
  { city: 'Edinburgh', outward: ['EH1', 'EH3', 'EH8'] },
];
const germanCities = [
  { city: 'Berlin', state: 'Berlin', zipFrom: 10115, zipTo: 14199 },
  { city: 'München', state: 'Bayern', zipFrom: 80331, zipTo: 81929 },
  { city: 'Hamburg', state: 'Hamburg', zipFrom: 20095, zipTo: 22769 },
  { city: 'Köln', state: 'Nordrhein-Westfalen', zipFrom: 50667, zipTo: 51149 },
];

const usLocale: Locale = {
  country: 'US',
  newPerson: (rng) =>
    westernPerson(
      rng,
      englishNames,
      `+1${pickOne(rng, usCities).areaCode}${randomInt(rng, 2, 9)}${randomDigits(rng, 6)}`,
    ),
  newAddress: (rng) => {
    const place = pickOne(rng, usCities);
    const street = pickOne(rng, [
      'Main Street',
      'Oak Avenue',
      'Maple Drive',
      'Park Avenue',
      'Market Street',
      'Pine Street',
    ]);
    return {
      country: 'US',
      province: place.state,
      city: place.city,
      line1: `${randomInt(rng, 1, 2400)} ${street}`,
      ...optional(
        'line2',
        chance(rng, 0.4) ? `Apt ${randomInt(rng, 1, 30)}${pickOne(rng, ['A', 'B', 'C', 'D'])}` : undefined,
      ),
      postalCode: String(randomInt(rng, place.zipFrom, place.zipTo)),
    };
  },
};

const ukLocale: Locale = {
  country: 'GB',
  newPerson: (rng) => westernPerson(rng, englishNames, `+447${randomInt(rng, 4, 9)}${randomDigits(rng, 8)}`),
  newAddress: (rng) => {
    const place = pickOne(rng, ukCities);
    // Inward codes never use C, I, K, M, O or V.
    const inward = `${randomInt(rng, 1, 9)}${pickOne(rng, [...'ABDEFGHJLNPQRSTUWXYZ'])}${pickOne(rng, [...'ABDEFGHJLNPQRSTUWXYZ'])}`;
    const street = pickOne(rng, [
      'High Street',
      'Station Road',
      'Church Lane',
      'Victoria Road',
      'Queen Street',
      'Baker Street',
    ]);
    return {
      country: 'GB',
      city: place.city,
      line1: `${randomInt(rng, 1, 250)} ${street}`,
      postalCode: `${pickOne(rng, place.outward)} ${inward}`,
    };
  },
};

const germanLocale: Locale = {
  country: 'DE',
  newPerson: (rng) =>
    westernPerson(
      rng,
      germanNames,
      `+49${pickOne(rng, ['151', '152', '160', '170', '171', '176'])}${randomDigits(rng, 8)}`,
    ),
  newAddress: (rng) => {
    const place = pickOne(rng, germanCities);
    const street = pickOne(rng, [
      'Hauptstraße',
      'Bahnhofstraße',
      'Schillerstraße',
      'Goethestraße',
      'Friedrichstraße',
      'Lindenallee',
    ]);
    return {
      country: 'DE',
      province: place.state,
      city: place.city,
      line1: `${street} ${randomInt(rng, 1, 180)}`,
      postalCode: String(randomInt(rng, place.zipFrom, place.zipTo)),
    };
  },
};

const singaporeLocale: Locale = {
  country: 'SG',
  newPerson: (rng) =>
    westernPerson(rng, singaporeanNames, `+65${pickOne(rng, ['8', '9'])}${randomDigits(rng, 7)}`),
  newAddress: (rng) => {
    const street = pickOne(rng, [
      'Orchard Road',
      'Tampines Avenue 5',
      'Ang Mo Kio Avenue 3',
      'Bukit Timah Road',
      'Clementi Avenue 2',
    ]);
    return {
      country: 'SG',
      city: 'Singapore',
      line1: `${randomInt(rng, 1, 600)} ${street}`,
      line2: `#${String(randomInt(rng, 2, 30)).padStart(2, '0')}-${String(randomInt(rng, 1, 120)).padStart(2, '0')}`,
      postalCode: `${randomInt(rng, 10, 82)}${randomDigits(rng, 4)}`,
    };
  },
};

const internationalLocales = [
  [usLocale, 40],
  [ukLocale, 25],
  [germanLocale, 20],
  [singaporeLocale, 15],
] as const;

const domesticShare = 0.75;
const repeatCustomerShare = 0.25;

/** A returning customer a quarter of the time, as repeat buyers are in a healthy shop. */
function chooseCustomer(context: OrderContext, mustBeDomestic: boolean): DemoCustomer {
  const { rng } = context;
  const returning = mustBeDomestic
    ? context.customers.filter((customer) => customer.isDomestic)
    : context.customers;
  if (returning.length >= 20 && chance(rng, repeatCustomerShare)) return pickOne(rng, returning);
  const isDomestic = mustBeDomestic || chance(rng, domesticShare);
  const locale = isDomestic ? chineseLocale : pickWeighted(rng, internationalLocales);
  const customer = { person: locale.newPerson(rng), address: locale.newAddress(rng), locale, isDomestic };
  context.customers.push(customer);
  return customer;
}

/** One order in twenty goes to someone else: a gift, or a colleague receiving at the office. */
function shippingAddressFor(rng: Rng, customer: DemoCustomer): DemoAddress {
  const recipient = chance(rng, 0.05) ? customer.locale.newPerson(rng) : customer.person;
  return { name: recipient.name, phone: recipient.phone, ...customer.address };
}

// ---------------------------------------------------------------------------------------------
// Orders

interface OrderContext {
  rng: Rng;
  skus: DemoSku[];
  pickSkuIndex: (rng: Rng) => number;
  customers: DemoCustomer[];
  externalIds: { nextWeb: number; tmall: Set<string> };
  nowMs: number;
  promotionDay: number;
}

interface DemoLine {
  sku: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
}

type PaymentStatus = PaymentInput['status'];
type OrderType = NonNullable<CanonicalOrderInput['type']>;

const paymentStatusShares = [
  ['paid', 89],
  ['pending', 8],
  ['cod', 3],
] as const satisfies readonly (readonly [PaymentStatus, number])[];
const tmallShareOfDomestic = 0.55;
const usdShareOfInternational = 0.6;
const lineCountShares = [
  [1, 60],
  [2, 27],
  [3, 9],
  [4, 4],
] as const;
const quantityShares = [
  [1, 85],
  [2, 11],
  [3, 4],
] as const;
/** Lines naming a SKU the catalog no longer has, so the intake's UNKNOWN_SKU hold shows up. */
const discontinuedLineShare = 0.02;
const discontinuedProducts = [
  {
    code: 'OLD-TEE-BLU-M',
    name: '纯棉T恤 蓝色 M（已下架）/ Cotton tee blue M (discontinued)',
    priceMinor: 4990,
  },
  {
    code: 'OLD-MUG-YLW',
    name: '陶瓷马克杯 黄色（已下架）/ Ceramic mug yellow (discontinued)',
    priceMinor: 2900,
  },
  { code: 'OLD-CABLE-MICRO-1M', name: 'Micro-USB 数据线 1 米 / Micro-USB cable 1 m', priceMinor: 1990 },
  { code: 'OLD-CANDLE-VANILLA', name: '香薰蜡烛 香草 / Scented candle vanilla', priceMinor: 5900 },
  { code: 'OLD-TEA-JASMINE-100G', name: '茉莉花茶 100g / Jasmine tea 100 g', priceMinor: 6800 },
];
const typeShares = [
  ['normal', 95],
  ['urgent', 2],
  ['presale', 2],
  ['custom', 1],
] as const satisfies readonly (readonly [OrderType, number])[];

function buildOrder(context: OrderContext, placedAtMs: number): CanonicalOrderInput {
  const { rng } = context;
  const paymentStatus = pickWeighted(rng, paymentStatusShares);
  const customer = chooseCustomer(context, paymentStatus === 'cod');
  // Tmall sells in China only, and cash on delivery is offered by the own shop only.
  const isTmall = customer.isDomestic && paymentStatus !== 'cod' && chance(rng, tmallShareOfDomestic);
  const channel = isTmall ? 'tmall' : 'web';
  const currency = !customer.isDomestic && chance(rng, usdShareOfInternational) ? 'USD' : 'CNY';
  const lines = buildLines(context, currency);
  const isPromotionDay = chinaDayOf(placedAtMs) === context.promotionDay;
  const amounts = orderAmounts(rng, lines, {
    channel,
    currency,
    isDomestic: customer.isDomestic,
    isPromotionDay,
  });
  const total = fromMinor(amounts.totalMinor, currency);
  return {
    channel,
    externalId: nextExternalId(context, channel),
    placedAt: isoSeconds(placedAtMs),
    currency,
    customer: { ...customer.person },
    shippingAddress: shippingAddressFor(rng, customer),
    lines: lines.map((line) => lineInput(line, currency)),
    shippingFee: fromMinor(amounts.shippingFeeMinor, currency),
    discount: fromMinor(amounts.discountMinor, currency),
    total,
    payment: buildPayment(rng, {
      status: paymentStatus,
      channel,
      customer,
      placedAtMs,
      total,
      nowMs: context.nowMs,
    }),
    ...orderHints(rng, customer.isDomestic),
  };
}

function buildLines(context: OrderContext, currency: string): DemoLine[] {
  const { rng } = context;
  const lineCount = pickWeighted(rng, lineCountShares);
  const lines: DemoLine[] = [];
  for (let i = 0; i < lineCount; i++) {
    const product = chance(rng, discontinuedLineShare)
      ? pickOne(rng, discontinuedProducts)
      : catalogProduct(context);
    // A second draw of the same SKU would be one line with a higher quantity, not two lines.
    if (lines.some((line) => line.sku === product.code)) continue;
    const unitPriceMinor = currency === 'USD' ? usdPriceMinor(product.priceMinor) : product.priceMinor;
    lines.push({
      sku: product.code,
      name: product.name,
      quantity: pickWeighted(rng, quantityShares),
      unitPriceMinor,
    });
  }
  return lines;
}

function lineInput({ sku, quantity, unitPriceMinor, name }: DemoLine, currency: string) {
  return { sku, quantity, unitPrice: fromMinor(unitPriceMinor, currency), name };
}

function catalogProduct(context: OrderContext): { code: string; name: string; priceMinor: number } {
  const sku = context.skus[context.pickSkuIndex(context.rng)];
  return { code: sku.code, name: sku.name, priceMinor: toMinor(sku.price, 'CNY', 'price') };
}

/** International price list: CNY at ~7.1 per USD, rounded to a whole dollar less a cent. */
function usdPriceMinor(cnyMinor: number): number {
  return Math.max(1, Math.round(cnyMinor / 710)) * 100 - 1;
}

interface PricingTerms {
  channel: string;
  currency: string;
  isDomestic: boolean;
  isPromotionDay: boolean;
}

/** In integer minor units throughout, so total = lines + shipping − discount holds exactly. */
function orderAmounts(rng: Rng, lines: DemoLine[], terms: PricingTerms) {
  const subtotalMinor = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
  const shippingFeeMinor = shippingFeeFor(subtotalMinor, terms);
  const discountMinor = discountFor(rng, subtotalMinor, terms);
  return { shippingFeeMinor, discountMinor, totalMinor: subtotalMinor + shippingFeeMinor - discountMinor };
}

/** Free-shipping thresholds as Chinese shops set them: Tmall ships free above ¥49, the web shop above ¥99. */
function shippingFeeFor(subtotalMinor: number, { channel, currency, isDomestic }: PricingTerms): number {
  if (currency === 'USD') return subtotalMinor >= 9900 ? 0 : 1500;
  if (!isDomestic) return subtotalMinor >= 99_900 ? 0 : 12_000;
  if (channel === 'tmall') return subtotalMinor >= 4900 ? 0 : 800;
  return subtotalMinor >= 9900 ? 0 : 1000;
}

/** The promotion is "每满 199 减 30" (¥30 off per full ¥199); other days one order in seven has a coupon. */
function discountFor(rng: Rng, subtotalMinor: number, { currency, isPromotionDay }: PricingTerms): number {
  if (isPromotionDay) {
    return currency === 'USD' ? Math.round(subtotalMinor / 10) : Math.floor(subtotalMinor / 19_900) * 3000;
  }
  if (!chance(rng, 0.15)) return 0;
  if (currency === 'USD') return subtotalMinor >= 3000 ? 500 : 0;
  if (subtotalMinor >= 9900) return 1000;
  return subtotalMinor >= 4900 ? 500 : 0;
}

interface PaymentFacts {
  status: PaymentStatus;
  channel: string;
  customer: DemoCustomer;
  placedAtMs: number;
  total: string;
  nowMs: number;
}

function buildPayment(rng: Rng, facts: PaymentFacts): PaymentInput {
  if (facts.status === 'cod') return { status: 'cod' };
  const method = paymentMethod(rng, facts.channel, facts.customer.isDomestic);
  if (facts.status === 'pending') return { status: 'pending', method };
  // Most buyers pay within a minute and a half; some leave the cashier page and come back.
  const delaySeconds = chance(rng, 0.8) ? randomInt(rng, 5, 90) : randomInt(rng, 91, 900);
  const paidAtMs = Math.min(facts.placedAtMs + delaySeconds * 1000, facts.nowMs);
  return { status: 'paid', method, paidAmount: facts.total, paidAt: isoSeconds(paidAtMs) };
}

const internationalPaymentMethods = [
  ['card', 70],
  ['paypal', 30],
] as const;
const chinesePaymentMethods = [
  ['alipay', 55],
  ['wechat_pay', 45],
] as const;

function paymentMethod(rng: Rng, channel: string, isDomestic: boolean): string {
  if (channel === 'tmall') return 'alipay';
  return pickWeighted(rng, isDomestic ? chinesePaymentMethods : internationalPaymentMethods);
}

function nextExternalId(context: OrderContext, channel: string): string {
  const { rng, externalIds } = context;
  if (channel === 'web') {
    // Sequential, with gaps left by test orders and checkouts that never reached Ordo.
    const id = externalIds.nextWeb;
    externalIds.nextWeb += randomInt(rng, 1, 3);
    return String(id);
  }
  // Tmall order numbers are 18 digits with no visible sequence.
  let id: string;
  do id = `${randomInt(rng, 1, 9)}${randomDigits(rng, 17)}`;
  while (externalIds.tmall.has(id));
  externalIds.tmall.add(id);
  return id;
}

const chineseNotes = {
  buyer: [
    '请尽快发货，谢谢',
    '周末送货，工作日家里没人',
    '不要放快递柜，请送货上门',
    '送人的礼物，请不要放价格单',
    '请用顺丰快递',
    '易碎品，请包装好一点',
  ],
  engraving: ['刻字：生日快乐', '刻字：平安喜乐', '刻字：Forever'],
};
const englishNotes = {
  buyer: [
    'Please leave the parcel at the front desk',
    'It is a gift, please do not include the invoice',
    'Please call before delivery',
    'Please pack carefully',
  ],
  engraving: ['Engraving: Happy Birthday', 'Engraving: J & M 2026'],
};
const sellerNotes = [
  'VIP 老客户，赠送小样',
  '已电话确认收货地址',
  '客户要求开具发票',
  'Repeat customer, add a thank-you card',
];

type OrderHints = Pick<CanonicalOrderInput, 'type' | 'buyerNote' | 'sellerNote' | 'requestedService'>;

/** About one order in twenty carries a note; custom orders always say what to make. */
function orderHints(rng: Rng, isDomestic: boolean): OrderHints {
  const type = pickWeighted(rng, typeShares);
  const notes = isDomestic ? chineseNotes : englishNotes;
  const buyerNote =
    type === 'custom'
      ? pickOne(rng, notes.engraving)
      : chance(rng, 0.03)
        ? pickOne(rng, notes.buyer)
        : undefined;
  const sellerNote = chance(rng, 0.012) ? pickOne(rng, sellerNotes) : undefined;
  return {
    ...(type === 'normal' ? {} : { type }),
    ...optional('buyerNote', buyerNote),
    ...optional('sellerNote', sellerNote),
    requestedService: requestedService(rng, type, isDomestic),
  };
}

function requestedService(rng: Rng, type: OrderType, isDomestic: boolean): OrderHints['requestedService'] {
  if (type === 'urgent') return 'express';
  if (isDomestic && chance(rng, 0.01)) return 'same_day';
  return chance(rng, 0.05) ? 'express' : 'standard';
}

// ---------------------------------------------------------------------------------------------
// Cancellations the demo applies after import

const cancellationShare = 0.04;
const chineseCancelReasons = [
  '客户取消',
  '拍错了，重新下单',
  '不想要了',
  '地址填错，重新下单',
  '价格问题，客户取消',
];
const englishCancelReasons = [
  'customer changed mind',
  'ordered by mistake',
  'found a better price',
  'delivery would take too long',
];

/** ~4 % of the shop's orders to cancel, in order, each with a reason in the buyer's language. */
export function demoCancellations(shop: DemoShop, seed: number): DemoCancellation[] {
  // A stream of its own, so cancelling does not depend on how many draws the shop took.
  const rng = mulberry32(seed ^ 0x5bd1e995);
  const count = Math.round(shop.orders.length * cancellationShare);
  const indexes = shuffled(
    rng,
    shop.orders.map((_, index) => index),
  )
    .slice(0, count)
    .sort((a, b) => a - b);
  return indexes.map((index) => {
    const order = shop.orders[index];
    return { channel: order.channel, externalId: order.externalId, reason: cancellationReason(rng, order) };
  });
}

function cancellationReason(rng: Rng, order: CanonicalOrderInput): string {
  const isChinese = order.shippingAddress.country === 'CN';
  if (order.payment.status === 'pending')
    return isChinese ? '超时未付款，订单关闭' : 'payment not received in time';
  return pickOne(rng, isChinese ? chineseCancelReasons : englishCancelReasons);
}
