/** One order at a time: customer, channel, currency, lines, amounts, payment and external id. */
import { fromMinor, toMinor } from '../../platform/money.ts';
import { chooseCustomer, type DemoCustomer, shippingAddressFor } from './customers.ts';
import { orderHints } from './order-hints.ts';
import { buildPayment, paymentStatusShares } from './payment.ts';
import { orderAmounts, usdPriceMinor } from './pricing.ts';
import { chance, pickOne, pickWeighted, type Rng, randomDigits, randomInt } from './random.ts';
import { chinaDayOf, isoSeconds } from './rhythm.ts';
import type { CanonicalOrderInput, DemoSku } from './types.ts';

export interface OrderContext {
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

export function buildOrder(context: OrderContext, placedAtMs: number): CanonicalOrderInput {
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
