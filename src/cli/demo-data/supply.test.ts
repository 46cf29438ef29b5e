import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toMinor } from '../../platform/money.ts';
import { generateDemoShop } from './index.ts';
import { planDemoSupply } from './supply.ts';

const now = new Date('2026-11-22T16:30:00Z');
const DAY_MS = 24 * 3_600_000;
const shop = generateDemoShop({ seed: 7, now });
const supply = planDemoSupply(shop, { now, seed: 7 });
const daysAgo = (iso: string) => (now.getTime() - Date.parse(iso)) / DAY_MS;

/** Units per SKU: what the shop's customers order, and what purchase orders bring in. */
function unitsBySku() {
  const ordered = new Map<string, number>();
  for (const order of shop.orders)
    for (const line of order.lines) ordered.set(line.sku, (ordered.get(line.sku) ?? 0) + line.quantity);
  const received = new Map<string, number>();
  for (const purchase of supply.purchases.filter((p) => p.receivedAt))
    for (const line of purchase.lines) received.set(line.sku, (received.get(line.sku) ?? 0) + line.quantity);
  return { ordered, received };
}

describe('planDemoSupply', () => {
  test('is pure: the same shop and seed give the same plan', () => {
    assert.deepEqual(planDemoSupply(shop, { now, seed: 7 }), supply);
  });

  test('regional warehouses cover their provinces; six suppliers with lead times of 3–21 days', () => {
    assert.deepEqual(
      supply.warehouses.map((w) => [w.code, w.coverage]),
      [
        ['east', ['CN/浙江省', 'CN/上海市', 'CN/江苏省']],
        ['south', ['CN/广东省', 'CN/福建省']],
      ],
    );
    assert.equal(supply.suppliers.length, 6);
    assert.equal(new Set(supply.suppliers.map((s) => s.code)).size, 6);
    for (const s of supply.suppliers) {
      assert.ok(s.leadTimeDays >= 3 && s.leadTimeDays <= 21, `${s.code} lead time ${s.leadTimeDays}`);
      assert.ok(s.minOrderQty >= s.packSize && s.minOrderQty % s.packSize === 0, s.code);
    }
  });

  test('every SKU gets a category, a supplier and a unit cost of 40–60 % of its price', () => {
    assert.equal(supply.skus.length, shop.skus.length);
    const suppliers = new Set(supply.suppliers.map((s) => s.code));
    for (const planning of supply.skus) {
      const sku = shop.skus.find((s) => s.code === planning.sku)!;
      assert.ok(planning.category, sku.code);
      assert.ok(suppliers.has(planning.supplier), sku.code);
      const share = toMinor(planning.unitCost, 'CNY', 'cost') / toMinor(sku.price, 'CNY', 'price');
      assert.ok(share >= 0.39 && share <= 0.61, `${sku.code} costs ${share} of its price`);
    }
    const tea = supply.skus.find((s) => s.sku.startsWith('TEA-'))!;
    assert.equal(tea.supplier, 'FJ-MINGXIANG');
  });

  test('opening stock nine weeks back stocks every SKU in main, in whole packs of its supplier', () => {
    const opening = supply.purchases.filter((p) => p.note.includes('opening stock'));
    assert.ok(opening.every((p) => Math.floor(daysAgo(p.receivedAt!)) === 63));
    const inMain = new Set(
      opening.filter((p) => p.warehouse === 'main').flatMap((p) => p.lines.map((l) => l.sku)),
    );
    assert.equal(inMain.size, shop.skus.length);
    for (const purchase of supply.purchases) {
      const supplier = supply.suppliers.find((s) => s.code === purchase.supplier)!;
      assert.ok(purchase.sentAt < (purchase.receivedAt ?? now.toISOString()));
      for (const line of purchase.lines) {
        assert.equal(line.quantity % supplier.packSize, 0, `${line.sku} in packs of ${supplier.packSize}`);
        assert.ok(line.quantity >= supplier.minOrderQty, `${line.sku} at least ${supplier.minOrderQty}`);
      }
    }
  });

  test('most SKUs get a fifth more than their customers order; a few get barely that or less', () => {
    const { ordered, received } = unitsBySku();
    const sold = shop.skus.filter((s) => ordered.has(s.code));
    const tight = sold.filter((s) => received.get(s.code)! < 1.2 * ordered.get(s.code)!);
    assert.ok(tight.length >= 5 && tight.length <= 20, `${tight.length} SKUs tight`);
    assert.ok(tight.length <= 0.1 * sold.length);
  });

  test('two purchase orders are still open at the end, one of them past its due date', () => {
    const open = supply.purchases.filter((p) => p.receivedAt === null);
    assert.equal(open.length, 2);
    const isOverdue = (p: (typeof open)[number]) => {
      const lead = supply.suppliers.find((s) => s.code === p.supplier)!.leadTimeDays;
      return Date.parse(p.sentAt) + lead * DAY_MS < now.getTime();
    };
    assert.deepEqual(open.map(isOverdue), [true, false]);
  });
});
