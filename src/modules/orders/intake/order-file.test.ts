import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AppError } from '../../../platform/errors.ts';
import { toMinor } from '../../../platform/money.ts';
import { type OrderFileRecord, type RawOrder, readOrderFile } from './order-file.ts';

const fixturesDir = fileURLToPath(new URL('../../../../test/fixtures/', import.meta.url));

const header =
  'channel,externalId,placedAt,currency,customerName,customerEmail,customerPhone,shipName,shipPhone,' +
  'country,province,city,district,line1,line2,postalCode,sku,quantity,unitPrice,lineName,shippingFee,' +
  'discount,total,paymentStatus,paymentMethod,paidAmount,paidAt,type,buyerNote,sellerNote,requestedService';

/** A CSV row from the cells that matter to a test; every other column is empty. */
function csvRow(cells: Record<string, string>): string {
  return header
    .split(',')
    .map((column) => cells[column] ?? '')
    .join(',');
}

const wangFang = {
  channel: 'web',
  externalId: '100045',
  placedAt: '2026-11-20T08:01:02Z',
  currency: 'CNY',
  customerName: '王芳',
  customerPhone: '+8613800138000',
  country: 'CN',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  line1: '文三路 100 号',
  postalCode: '310000',
  shippingFee: '10.00',
  total: '129.80',
  paymentStatus: 'paid',
};

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ordo-order-file-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeTemp(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function readAll(path: string, onBytes?: (read: number, total: number) => void) {
  const records: OrderFileRecord[] = [];
  for await (const record of readOrderFile(path, { onBytes })) records.push(record);
  return records;
}

function orderOf(record: OrderFileRecord | undefined): RawOrder {
  assert.ok(record && 'order' in record, `expected an order, got ${JSON.stringify(record)}`);
  return record.order;
}

describe('readOrderFile — CSV', () => {
  test('consecutive rows of one channel + externalId become one order with several lines', async () => {
    const path = await writeTemp(
      'multi.csv',
      [
        header,
        csvRow({
          ...wangFang,
          sku: 'TEE-RED-M',
          quantity: '1',
          unitPrice: '59.90',
          lineName: '纯棉T恤 红色 M',
        }),
        csvRow({ ...wangFang, sku: 'TEE-BLK-L', quantity: '1', unitPrice: '59.90', total: 'ignored' }),
        csvRow({ ...wangFang, externalId: '100046', sku: 'MUG-WHT', quantity: '2', unitPrice: '39.00' }),
      ].join('\n'),
    );
    const records = await readAll(path);
    assert.equal(records.length, 2);
    assert.equal(records[0].line, 2);
    assert.equal(records[1].line, 4);
    assert.deepEqual(orderOf(records[0]), {
      channel: 'web',
      externalId: '100045',
      placedAt: '2026-11-20T08:01:02Z',
      currency: 'CNY',
      shippingFee: '10.00',
      total: '129.80',
      customer: { name: '王芳', phone: '+8613800138000' },
      shippingAddress: {
        name: '王芳',
        phone: '+8613800138000',
        country: 'CN',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        line1: '文三路 100 号',
        postalCode: '310000',
      },
      lines: [
        { sku: 'TEE-RED-M', unitPrice: '59.90', name: '纯棉T恤 红色 M', quantity: 1 },
        { sku: 'TEE-BLK-L', unitPrice: '59.90', quantity: 1 },
      ],
      payment: { status: 'paid' },
    });
    assert.deepEqual(orderOf(records[1]).lines, [{ sku: 'MUG-WHT', unitPrice: '39.00', quantity: 2 }]);
  });

  test('the recipient defaults to the customer, and a filled shipName/shipPhone wins', async () => {
    const path = await writeTemp(
      'recipient.csv',
      [
        header,
        csvRow({ ...wangFang, sku: 'A', quantity: '1' }),
        csvRow({
          ...wangFang,
          externalId: '2',
          shipName: '李伟',
          shipPhone: '+8615900000000',
          sku: 'A',
          quantity: '1',
        }),
      ].join('\r\n'),
    );
    const [defaulted, explicit] = await readAll(path);
    const addressOf = (record: OrderFileRecord) => orderOf(record).shippingAddress as Record<string, string>;
    assert.equal(addressOf(defaulted).name, '王芳');
    assert.equal(addressOf(defaulted).phone, '+8613800138000');
    assert.equal(addressOf(explicit).name, '李伟');
    assert.equal(addressOf(explicit).phone, '+8615900000000');
  });

  test('a quantity that is not a whole number reaches intake as written, for intake to judge', async () => {
    const path = await writeTemp(
      'bad-quantity.csv',
      [
        header,
        csvRow({ ...wangFang, sku: 'A', quantity: '1' }),
        csvRow({ ...wangFang, sku: 'B', quantity: '1.5' }),
        csvRow({ ...wangFang, externalId: '100046', sku: 'C', quantity: '3' }),
      ].join('\n'),
    );
    const records = await readAll(path);
    assert.equal(records.length, 2);
    assert.deepEqual(orderOf(records[0]).lines, [
      { sku: 'A', quantity: 1 },
      { sku: 'B', quantity: '1.5' },
    ]);
    assert.equal(orderOf(records[1]).externalId, '100046');
  });

  test('a row not lining up with the header, or a header without sku, is an error naming the column', async () => {
    const shortRow = 'web,100046,2026-11-20T08:01:02Z,CNY,王芳';
    const path = await writeTemp('short.csv', [header, shortRow].join('\n'));
    const [short] = await readAll(path);
    assert.ok('error' in short);
    assert.match(short.error, /line 2: missing column "customerEmail"/);

    const longRow = `${csvRow({ ...wangFang, sku: 'A', quantity: '1' })},extra`;
    const [long] = await readAll(await writeTemp('long.csv', [header, longRow].join('\n')));
    assert.ok('error' in long);
    assert.match(long.error, /line 2: the row has more cells than the header/);

    const noSku = await writeTemp('no-sku.csv', 'channel,externalId,quantity\nweb,1,1\n');
    const [missing] = await readAll(noSku);
    assert.ok('error' in missing);
    assert.match(missing.error, /missing column "sku"/);
  });

  test('a BOM, quoted commas, quotes, line breaks and Chinese text survive; line numbers stay right', async () => {
    const quoted = {
      ...wangFang,
      line1: '"科技园路 8 号, 腾飞大厦 A 座"',
      buyerNote: '"请用顺丰, 谢谢\n周末也可以送"',
      lineName: '"""双黄莲蓉"" 月饼礼盒"',
    };
    const content = [
      header,
      csvRow({ ...quoted, sku: 'MOONCAKE-8', quantity: '1' }),
      '',
      csvRow({ ...wangFang, externalId: '2', sku: 'A', quantity: '1' }),
    ].join('\n');
    const path = await writeTemp(
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(content)]),
    );
    const [first, second] = await readAll(path);
    const order = orderOf(first);
    assert.equal(order.channel, 'web', 'the BOM must not stick to the first header name');
    assert.equal((order.shippingAddress as Record<string, string>).line1, '科技园路 8 号, 腾飞大厦 A 座');
    assert.equal(order.buyerNote, '请用顺丰, 谢谢\n周末也可以送');
    assert.equal((order.lines as { name: string }[])[0].name, '"双黄莲蓉" 月饼礼盒');
    assert.equal(first.line, 2);
    // Row 1 spans lines 2–3, line 4 is blank.
    assert.equal(second.line, 5);
  });

  test('an unclosed quote ends the file with one error record after the orders before it', async () => {
    const path = await writeTemp(
      'unclosed.csv',
      [header, csvRow({ ...wangFang, sku: 'A', quantity: '1' }), 'web,2,"never closed'].join('\n'),
    );
    const records = await readAll(path);
    assert.equal(records.length, 2);
    assert.equal(orderOf(records[0]).externalId, '100045');
    assert.ok('error' in records[1]);
    assert.match(records[1].error, /invalid CSV/);
  });
});

describe('readOrderFile — JSONL', () => {
  test('one order per line; blank lines skipped; a broken line is an error and reading goes on', async () => {
    const content = [
      JSON.stringify({ channel: 'web', externalId: '1', customer: { name: '王芳' } }),
      '',
      '{"channel":"web","externalId":"2",',
      '[1,2]',
      JSON.stringify({
        channel: 'web',
        externalId: '3',
        lines: [{ sku: 'A', quantity: 2, unitPrice: '1.00' }],
      }),
    ].join('\r\n');
    const path = await writeTemp('orders.ndjson', `\uFEFF${content}\n\n`);
    const records = await readAll(path);
    assert.deepEqual(
      records.map((record) => record.line),
      [1, 3, 4, 5],
    );
    assert.deepEqual(orderOf(records[0]).customer, { name: '王芳' });
    assert.ok('error' in records[1] && records[1].error.startsWith('invalid JSON: '));
    assert.ok('error' in records[2] && /expected an order object/.test(records[2].error));
    assert.deepEqual(orderOf(records[3]).lines, [{ sku: 'A', quantity: 2, unitPrice: '1.00' }]);
  });

  test('multi-byte characters split across read chunks decode intact', async () => {
    const name = '欧阳娜娜'.repeat(30_000);
    const path = await writeTemp('big.jsonl', `${JSON.stringify({ externalId: '1', customer: { name } })}\n`);
    const [record] = await readAll(path);
    assert.equal((orderOf(record).customer as { name: string }).name, name);
  });
});

describe('readOrderFile — files', () => {
  test('progress is reported in bytes and reaches the file size', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) =>
      csvRow({ ...wangFang, externalId: String(i), sku: 'TEE-RED-M', quantity: '1' }),
    );
    const content = [header, ...rows].join('\n');
    const path = await writeTemp('progress.csv', content);
    const calls: [number, number][] = [];
    const records = await readAll(path, (read, total) => calls.push([read, total]));
    const size = Buffer.byteLength(content);
    assert.equal(records.length, 3000);
    assert.ok(calls.length > 1, 'a file larger than one read chunk reports more than once');
    assert.deepEqual(calls.at(-1), [size, size]);
    assert.ok(
      calls.every(([read], i) => i === 0 || read > calls[i - 1][0]),
      'bytes read only grow',
    );
  });

  test('an unknown extension or a missing file is an AppError before any record', async () => {
    await assert.rejects(
      readAll(join(dir, 'orders.xlsx')),
      (err: AppError) => err.code === 'VALIDATION_FAILED',
    );
    await assert.rejects(readAll(join(dir, 'absent.csv')), (err: AppError) => err.code === 'FILE_NOT_FOUND');
  });

  // The CSV's broken order (a quantity "one") is still an order; the JSONL's is not JSON.
  const fixtureCounts = { 'orders-sample.csv': [8, 0], 'orders-sample.jsonl': [7, 1] } as const;
  for (const [fixture, [orderCount, errorCount]] of Object.entries(fixtureCounts)) {
    test(`fixture ${fixture}: ${orderCount} orders, ${errorCount} broken records, totals that add up`, async () => {
      const records = await readAll(join(fixturesDir, fixture));
      const orders = records.filter((record) => 'order' in record).map(orderOf);
      assert.equal(orders.length, orderCount);
      assert.equal(records.filter((record) => 'error' in record).length, errorCount);
      const readable = orders.filter((order) =>
        (order.lines as { quantity: unknown }[]).every((line) => typeof line.quantity === 'number'),
      );
      assert.equal(readable.length, 7);
      for (const order of readable)
        assert.equal(computedTotalMinor(order), toMinor(String(order.total), 'CNY', 'total'));
      const customers = orders.map((order) => (order.customer as { name: string }).name);
      assert.ok(customers.some((name) => /[\u4e00-\u9fff]/.test(name)));
      assert.ok(customers.some((name) => /^[A-Za-z]/.test(name)));
    });
  }
});

function computedTotalMinor(order: RawOrder): number {
  const money = (amount: unknown) => (amount === undefined ? 0 : toMinor(String(amount), 'CNY', 'amount'));
  const lines = order.lines as { quantity: number; unitPrice: string }[];
  const linesMinor = lines.reduce((sum, line) => sum + line.quantity * money(line.unitPrice), 0);
  return linesMinor + money(order.shippingFee) - money(order.discount);
}
