import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppError } from '../../../platform/errors.ts';
import { compileMapping, fitsHeader, type MappedOrder, mapOrders, type SheetRow } from './order-mapping.ts';
import { presetMappings } from './presets.ts';

const wooHeader = [
  'order_number',
  'order_date',
  'status',
  'order_currency',
  'order_total',
  'shipping_total',
  'discount_total',
  'billing_full_name',
  'billing_email',
  'billing_phone',
  'shipping_full_name',
  'shipping_address_1',
  'shipping_address_2',
  'shipping_city',
  'shipping_state',
  'shipping_postcode',
  'shipping_country',
  'customer_note',
  'payment_method',
  'item_name',
  'item_sku',
  'item_quantity',
  'item_price',
];
const wooRow = (line: number, sku: string, quantity: string, orderNumber = '5001'): SheetRow => ({
  line,
  cells: [
    orderNumber,
    '2026-11-20 08:01',
    'processing',
    'USD',
    '1,034.00',
    '10.00',
    '0.00',
    'Emma Taylor',
    'emma@example.com',
    '+447700900123',
    'Emma Taylor',
    '221B Baker Street',
    '',
    'London',
    '',
    'NW1 6XE',
    'GB',
    'Gift wrap',
    'stripe',
    'Mug',
    sku,
    quantity,
    '12.00',
  ],
});

async function collect(rows: SheetRow[]): Promise<MappedOrder[]> {
  const compiled = compileMapping(presetMappings.woocommerce!, wooHeader);
  const out: MappedOrder[] = [];
  for await (const mapped of mapOrders(compiled, rows)) out.push(mapped);
  return out;
}

describe('a column mapping applied to an export', () => {
  it('groups consecutive rows of an order into one canonical order (WooCommerce preset)', async () => {
    const [order, next] = await collect([
      wooRow(2, 'MUG-WHT', '2'),
      wooRow(3, 'TEE-RED-M', '1'),
      wooRow(4, 'MUG-WHT', '1', '5002'),
    ]);
    assert.equal(next!.externalId, '5002');
    assert.deepEqual(order!.order, {
      externalId: '5001',
      placedAt: '2026-11-20T08:01:00',
      currency: 'USD',
      total: '1034.00',
      shippingFee: '10.00',
      discount: '0.00',
      buyerNote: 'Gift wrap',
      customer: { name: 'Emma Taylor', email: 'emma@example.com', phone: '+447700900123' },
      shippingAddress: {
        name: 'Emma Taylor',
        phone: '+447700900123',
        country: 'GB',
        city: 'London',
        line1: '221B Baker Street',
        postalCode: 'NW1 6XE',
      },
      lines: [
        { sku: 'MUG-WHT', quantity: 2, unitPrice: '12.00', name: 'Mug' },
        { sku: 'TEE-RED-M', quantity: 1, unitPrice: '12.00', name: 'Mug' },
      ],
      payment: { status: 'paid', method: 'stripe' },
    });
    assert.deepEqual(order!.problems, []);
  });

  it('keeps a bad line as written and says so; an order without readable lines is an error', async () => {
    const [order] = await collect([wooRow(2, 'MUG-WHT', 'two')]);
    assert.deepEqual(
      order!.problems.map((p) => [p.line, p.field, p.severity]),
      [
        [2, 'quantity', 'warning'],
        [2, 'lines', 'error'],
      ],
    );
    assert.deepEqual((order!.order!.lines as unknown[])[0], {
      sku: 'MUG-WHT',
      quantity: 'two',
      unitPrice: '12.00',
      name: 'Mug',
    });
  });

  it('fails a row without an order number on its own', async () => {
    const [orphan, order] = await collect([wooRow(2, 'MUG-WHT', '1', ''), wooRow(3, 'MUG-WHT', '1')]);
    assert.equal(orphan!.order, undefined);
    assert.equal(orphan!.problems[0]!.field, 'externalId');
    assert.equal(order!.externalId, '5001');
  });

  it('refuses a mapping naming a column the file lacks, naming the field', () => {
    assert.throws(
      () => compileMapping(presetMappings.shopify!, wooHeader),
      (error: AppError) => error.details?.field === 'mapping.columns.externalId',
    );
    assert.equal(
      fitsHeader(
        presetMappings.woocommerce!,
        wooHeader.map((h) => h.toUpperCase()),
      ),
      true,
    );
    assert.equal(fitsHeader(presetMappings.taobao!, wooHeader), false);
  });
});
