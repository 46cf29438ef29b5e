/** The demo catalog: product templates expanded into SKUs, with barcodes, sizes and popularity. */
import { fromMinor } from '../../platform/money.ts';
import { type Rng, shuffled } from './random.ts';
import type { DemoCategory, DemoSku } from './types.ts';

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
const catalogByCategory: Record<DemoCategory, ProductTemplate[]> = {
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
export function buildCatalog(rng: Rng, skuCount: number): DemoSku[] {
  const byCategory = Object.entries(catalogByCategory).map(([category, templates]) =>
    templates.flatMap((template) => expandVariants(category as DemoCategory, template)),
  );
  const interleaved: ProductVariant[] = [];
  for (let i = 0; byCategory.some((variants) => i < variants.length); i++) {
    for (const variants of byCategory) if (i < variants.length) interleaved.push(variants[i]);
  }
  return interleaved.slice(0, skuCount).map((item, index) => toDemoSku(rng, item, index));
}

interface ProductVariant {
  category: DemoCategory;
  template: ProductTemplate;
  variants: Variant[];
}

function expandVariants(category: DemoCategory, template: ProductTemplate): ProductVariant[] {
  let combinations: Variant[][] = [[]];
  for (const axis of template.axes) {
    combinations = combinations.flatMap((chosen) => axis.map((option) => [...chosen, option]));
  }
  return combinations.map((variants) => ({ category, template, variants }));
}

function toDemoSku(rng: Rng, { category, template, variants }: ProductVariant, index: number): DemoSku {
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
    category,
  };
}

/** Appends the EAN-13 check digit: weights 1,3,1,3… from the left over the first 12 digits. */
export function ean13(first12: string): string {
  const sum = [...first12].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

/** Zipf-like sales: a few best-sellers, a long tail, best-sellers in no particular catalog order. */
export function popularityWeights(rng: Rng, skuCount: number): number[] {
  const ranks = shuffled(
    rng,
    Array.from({ length: skuCount }, (_, i) => i),
  );
  return ranks.map((rank) => 1 / (rank + 1) ** 0.9);
}
