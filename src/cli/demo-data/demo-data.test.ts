import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toMinor } from '../../platform/money.ts';
import { type CanonicalOrderInput, demoCancellations, generateDemoShop } from './index.ts';

const now = new Date('2026-11-22T16:30:00Z');
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const shop = generateDemoShop({ seed: 7, now });
const orders = shop.orders;

function share(predicate: (order: CanonicalOrderInput) => boolean): number {
  return orders.filter(predicate).length / orders.length;
}

function chinaTime(iso: string): Date {
  return new Date(Date.parse(iso) + 8 * HOUR_MS);
}

function minor(amount: string | undefined, currency: string): number {
  return amount === undefined ? 0 : toMinor(amount, currency, 'amount');
}

/** Written independently of the generator's own check-digit code. */
function isValidEan13(barcode: string): boolean {
  if (!/^\d{13}$/.test(barcode)) return false;
  const digits = [...barcode].map(Number);
  const weighted = digits.reduce((sum, digit, i) => sum + digit * (i % 2 === 0 ? 1 : 3), 0);
  return weighted % 10 === 0;
}

describe('generateDemoShop', () => {
  test('the same seed and now give the same shop; another seed gives another', () => {
    assert.deepEqual(generateDemoShop({ seed: 7, now }), shop);
    assert.notDeepEqual(generateDemoShop({ seed: 8, now }).orders, orders);
  });

  test('defaults: two channels, 200 SKUs, 3,000 orders; the counts can be chosen', () => {
    assert.deepEqual(
      shop.channels.map(({ id, kind }) => [id, kind]),
      [
        ['web', 'web'],
        ['tmall', 'marketplace'],
      ],
    );
    assert.equal(shop.skus.length, 200);
    assert.equal(orders.length, 3000);

    const small = generateDemoShop({ seed: 1, now, skuCount: 20, orderCount: 50, weeks: 1 });
    assert.equal(small.skus.length, 20);
    assert.equal(small.orders.length, 50);
    const families = new Set(small.skus.map((sku) => sku.code.split('-')[0]));
    for (const family of ['TEE', 'MUG', 'CABLE', 'TEA'])
      assert.ok(families.has(family), `${family} in a small shop`);
    for (const order of small.orders) assert.ok(Date.parse(order.placedAt) >= now.getTime() - 7 * DAY_MS);
  });

  test('SKUs are unique, priced in CNY, with valid unique EAN-13 barcodes and plausible sizes', () => {
    assert.equal(new Set(shop.skus.map((sku) => sku.code)).size, shop.skus.length);
    assert.equal(new Set(shop.skus.map((sku) => sku.barcode)).size, shop.skus.length);
    for (const sku of shop.skus) {
      assert.ok(isValidEan13(sku.barcode), `${sku.code} barcode ${sku.barcode}`);
      assert.match(sku.price, /^\d+\.\d{2}$/);
      assert.ok(
        minor(sku.price, 'CNY') >= 1000 && minor(sku.price, 'CNY') <= 50_000,
        `${sku.code} ${sku.price}`,
      );
      assert.match(sku.name, /[\u4e00-\u9fff].* \/ [A-Za-z]/, 'bilingual name');
      assert.ok(sku.weightGrams > 20 && sku.weightGrams < 3000);
      assert.ok([sku.lengthMm, sku.widthMm, sku.heightMm].every((mm) => mm >= 10 && mm <= 700));
    }
    assert.ok(
      shop.skus.some((sku) => sku.code === 'TEE-RED-M' && sku.name === '纯棉T恤 红色 M / Cotton tee red M'),
    );
  });

  test('every total is lines + shipping − discount, to the cent, and paid orders paid exactly that', () => {
    for (const order of orders) {
      const linesMinor = order.lines.reduce(
        (sum, line) => sum + line.quantity * minor(line.unitPrice, order.currency),
        0,
      );
      const expected =
        linesMinor + minor(order.shippingFee, order.currency) - minor(order.discount, order.currency);
      assert.equal(minor(order.total, order.currency), expected, `${order.channel}/${order.externalId}`);
      assert.ok(expected > 0);
      if (order.payment.status === 'paid') assert.equal(order.payment.paidAmount, order.total);
    }
  });

  test('nothing happens in the future or before the window; payment follows the order', () => {
    const windowStart = now.getTime() - 8 * 7 * DAY_MS;
    for (const order of orders) {
      const placedAt = Date.parse(order.placedAt);
      assert.match(order.placedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.ok(placedAt <= now.getTime() && placedAt >= windowStart - 1000, order.placedAt);
      if (order.payment.paidAt) {
        const paidAt = Date.parse(order.payment.paidAt);
        assert.ok(paidAt >= placedAt && paidAt <= now.getTime() && paidAt - placedAt <= 15 * 60_000);
      }
    }
  });

  test('the rhythm: evenings beat the night, weekends beat midweek, growth, one promotion day', () => {
    const hours = orders.map((order) => chinaTime(order.placedAt).getUTCHours());
    const evening = hours.filter((hour) => hour >= 20 && hour < 23).length;
    const night = hours.filter((hour) => hour >= 3 && hour < 6).length;
    assert.ok(evening > 5 * night, `evening ${evening} vs night ${night}`);

    const weekdays = orders.map((order) => chinaTime(order.placedAt).getUTCDay());
    const weekend = weekdays.filter((day) => day === 0 || day === 6).length / 2;
    const midweek = weekdays.filter((day) => day === 2 || day === 3).length / 2;
    assert.ok(weekend > 1.2 * midweek, `weekend ${weekend} vs midweek ${midweek} per day`);

    const times = orders.map((order) => Date.parse(order.placedAt));
    const firstTwoWeeks = times.filter((at) => at < now.getTime() - 6 * 7 * DAY_MS).length;
    const lastTwoWeeks = times.filter((at) => at >= now.getTime() - 2 * 7 * DAY_MS).length;
    assert.ok(lastTwoWeeks > firstTwoWeeks, `grows: ${firstTwoWeeks} → ${lastTwoWeeks}`);

    const perDay = new Map<string, number>();
    for (const order of orders) {
      const day = chinaTime(order.placedAt).toISOString().slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const counts = [...perDay.values()].sort((a, b) => a - b);
    const median = counts[Math.floor(counts.length / 2)];
    assert.ok(counts.at(-1)! > 2 * median, `promotion day ${counts.at(-1)} vs median ${median}`);
  });

  test('(channel, externalId) is unique; web ids are numeric, Tmall ids 18 digits', () => {
    assert.equal(new Set(orders.map((order) => `${order.channel}/${order.externalId}`)).size, orders.length);
    for (const order of orders) {
      if (order.channel === 'web') assert.match(order.externalId, /^[1-9]\d{5,}$/);
      else assert.match(order.externalId, /^[1-9]\d{17}$/);
    }
    assert.ok(share((order) => order.channel === 'tmall') > 0.3);
  });

  test('customers: ~3 in 4 in China with real places and +86 mobiles; the rest abroad', () => {
    const domestic = orders.filter((order) => order.shippingAddress.country === 'CN');
    const domesticShare = domestic.length / orders.length;
    assert.ok(domesticShare > 0.68 && domesticShare < 0.82, `domestic ${domesticShare}`);
    for (const order of domestic) {
      assert.match(order.customer.name, /^[\u4e00-\u9fff]{2,3}$/);
      assert.match(order.shippingAddress.phone, /^\+861[358]\d{9}$/);
      assert.match(order.shippingAddress.postalCode ?? '', /^\d{6}$/);
      assert.match(order.shippingAddress.district ?? '', /区$/);
      assert.equal(order.currency, 'CNY');
    }
    const abroad = orders.filter((order) => order.shippingAddress.country !== 'CN');
    assert.deepEqual(
      new Set(abroad.map((order) => order.shippingAddress.country)),
      new Set(['US', 'GB', 'DE', 'SG']),
    );
    for (const order of abroad) {
      assert.equal(order.channel, 'web');
      assert.match(order.customer.name, /^[A-Z][a-z]+( [A-Z][a-z]+)? [A-Z][a-zü]+$/);
      assert.match(order.shippingAddress.phone, /^\+(1\d{10}|44\d{10}|49\d{11}|65\d{8})$/);
      assert.match(order.customer.email ?? '', /^[a-z.]+@example\.(com|net|org)$/);
    }
    assert.ok(abroad.some((order) => order.currency === 'USD'));
    assert.ok(abroad.some((order) => order.currency === 'CNY'));
  });

  test('payments, unknown SKUs, notes and hints come in the expected shares', () => {
    const pending = share((order) => order.payment.status === 'pending');
    const cod = share((order) => order.payment.status === 'cod');
    assert.ok(pending > 0.05 && pending < 0.11, `pending ${pending}`);
    assert.ok(cod > 0.015 && cod < 0.05, `cod ${cod}`);
    for (const order of orders) {
      if (order.payment.status !== 'paid') assert.equal(order.payment.paidAmount, undefined);
    }

    const catalog = new Set(shop.skus.map((sku) => sku.code));
    const lines = orders.flatMap((order) => order.lines);
    const unknown = lines.filter((line) => !catalog.has(line.sku));
    assert.ok(unknown.length / lines.length > 0.01 && unknown.length / lines.length < 0.035);
    assert.ok(unknown.every((line) => line.sku.startsWith('OLD-')));
    const singleLine = share((order) => order.lines.length === 1);
    assert.ok(
      singleLine > 0.5 && orders.every((order) => order.lines.length >= 1 && order.lines.length <= 4),
    );
    assert.ok(lines.filter((line) => line.quantity === 1).length / lines.length > 0.75);

    const noted = share((order) => Boolean(order.buyerNote || order.sellerNote));
    assert.ok(noted > 0.03 && noted < 0.09, `notes ${noted}`);
    for (const type of ['urgent', 'presale', 'custom'] as const) {
      assert.ok(
        orders.some((order) => order.type === type),
        type,
      );
    }
    assert.ok(
      orders
        .filter((order) => order.type === 'urgent')
        .every((order) => order.requestedService === 'express'),
    );
  });
});

describe('demoCancellations', () => {
  test('about 4% of the orders, each once, deterministic, with a reason in the buyer language', () => {
    const cancellations = demoCancellations(shop, 7);
    assert.deepEqual(demoCancellations(shop, 7), cancellations);
    assert.equal(cancellations.length, 120);
    const keys = new Set(orders.map((order) => `${order.channel}/${order.externalId}`));
    const cancelled = cancellations.map((c) => `${c.channel}/${c.externalId}`);
    assert.equal(new Set(cancelled).size, cancelled.length);
    assert.ok(cancelled.every((key) => keys.has(key)));

    const orderByKey = new Map(orders.map((order) => [`${order.channel}/${order.externalId}`, order]));
    for (const cancellation of cancellations) {
      const order = orderByKey.get(`${cancellation.channel}/${cancellation.externalId}`)!;
      const isChinese = /[\u4e00-\u9fff]/.test(cancellation.reason);
      assert.equal(isChinese, order.shippingAddress.country === 'CN', cancellation.reason);
    }
  });
});
