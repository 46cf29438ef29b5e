import { mulberry32 } from '../../src/cli/demo-data/index.ts';
import type { CanonicalOrder } from '../../src/contracts/orders.ts';

/** The catalog the benchmark creates first, so every order passes the unknown-SKU check. */
export const benchSkus = Array.from({ length: 40 }, (_, i) => ({
  code: `BENCH-${String(i + 1).padStart(3, '0')}`,
  name: `Bench item ${i + 1}`,
  priceMinor: 990 + ((i * 737) % 20_000),
}));

/** 12345 → "123.45" (CNY has two decimals). */
export function formatMinor(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}

const cities = [
  { province: '浙江省', city: '杭州市', district: '西湖区', postalCode: '310000' },
  { province: '广东省', city: '深圳市', district: '南山区', postalCode: '518000' },
  { province: '江苏省', city: '南京市', district: '鼓楼区', postalCode: '210000' },
  { province: '四川省', city: '成都市', district: '武侯区', postalCode: '610000' },
];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
const givenNames = ['芳', '伟', '娜', '敏', '静', '磊', '洋', '勇'];

/**
 * Valid canonical orders (CONTRACT.md): paid, 1–3 lines of known SKUs, totals that add up,
 * unique external ids. The same sequence on every run for a given seed.
 */
export class OrderFactory {
  private readonly random: () => number;
  private sequence = 0;
  private readonly placedFrom = Date.parse('2026-11-20T08:00:00Z');

  constructor(
    private readonly prefix: string,
    seed = 7,
  ) {
    this.random = mulberry32(seed);
  }

  next(): CanonicalOrder {
    const n = ++this.sequence;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(this.random() * items.length)];
    const lines = this.lines();
    const shippingFeeMinor = this.random() < 0.5 ? 1000 : 0;
    const discountMinor = this.random() < 0.2 ? 500 : 0;
    const totalMinor =
      lines.reduce((sum, l) => sum + l.quantity * l.priceMinor, 0) + shippingFeeMinor - discountMinor;
    const placedAt = new Date(this.placedFrom + n * 1000);
    const name = pick(surnames) + pick(givenNames);
    // Each order its own phone and address: repeats would trip the velocity and merge checks.
    const phone = `+86138${String(n % 1e8).padStart(8, '0')}`;
    const place = pick(cities);
    const total = formatMinor(totalMinor);
    return {
      channel: 'web',
      externalId: `${this.prefix}-${n}`,
      placedAt: placedAt.toISOString(),
      currency: 'CNY',
      customer: { name, email: `buyer${n}@example.com`, phone },
      shippingAddress: {
        name,
        phone,
        country: 'CN',
        ...place,
        line1: `文三路 ${n} 号`,
        line2: '',
      },
      lines: lines.map((l) => ({ sku: l.code, quantity: l.quantity, unitPrice: formatMinor(l.priceMinor) })),
      shippingFee: formatMinor(shippingFeeMinor),
      discount: formatMinor(discountMinor),
      total,
      payment: {
        status: 'paid',
        method: 'alipay',
        paidAmount: total,
        paidAt: new Date(placedAt.getTime() + 30_000).toISOString(),
      },
      buyerNote: '',
      sellerNote: '',
      requestedService: 'standard',
    };
  }

  take(count: number): CanonicalOrder[] {
    return Array.from({ length: count }, () => this.next());
  }

  /** 1–3 distinct SKUs, quantity 1–3 each. */
  private lines() {
    const count = 1 + Math.floor(this.random() * 3);
    const first = Math.floor(this.random() * benchSkus.length);
    return Array.from({ length: count }, (_, i) => ({
      ...benchSkus[(first + i * 7) % benchSkus.length],
      quantity: 1 + Math.floor(this.random() * 3),
    }));
  }
}

/**
 * A paid order of buyer `i` (own phone and street, so no velocity or merge hold) for the given
 * lines at 10.00 each plus 10.00 shipping: the shape the inventory and fulfilment benches need.
 */
export function paidOrderOf(i: number, externalId: string, lines: { sku: string; quantity: number }[]) {
  const total = (lines.reduce((sum, l) => sum + l.quantity * 10, 0) + 10).toFixed(2);
  const phone = `+8613${String(700000000 + i).padStart(9, '0')}`;
  return {
    channel: 'web',
    externalId,
    placedAt: new Date(Date.now() - 3600_000).toISOString(),
    currency: 'CNY',
    customer: { name: `客户${i}`, phone },
    shippingAddress: {
      name: `客户${i}`,
      phone,
      country: 'CN',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      line1: `文三路 ${i} 号`,
      postalCode: '310000',
    },
    lines: lines.map((l) => ({ ...l, unitPrice: '10.00' })),
    shippingFee: '10.00',
    total,
    payment: { status: 'paid', method: 'alipay', paidAmount: total },
  };
}
