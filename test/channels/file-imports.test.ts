import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Order } from '../../src/contracts/orders.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/imports');
const system = { type: 'system', id: null, name: 'test' } as const;

for (const dialect of testDialects) {
  describe(`marketplace file imports (${dialect})`, () => {
    const t = useTestApp(dialect);

    async function setUp() {
      for (const [id, name] of [
        ['shop-eu', 'Shopify EU'],
        ['tmall', '天猫旗舰店'],
        ['b2b', 'B2B sheet'],
      ])
        await t.current.app.catalog.channels.createChannel(system, { id, name, kind: 'marketplace' });
      for (const [code, price] of [
        ['TEE-RED-M', '29.90'],
        ['MUG-WHT', '12.00'],
        ['CABLE-USBC-1M', '29.90'],
      ]) {
        const res = await t.current.request({
          method: 'POST',
          url: '/api/v1/skus',
          payload: { code, name: code, price },
        });
        assert.equal(res.statusCode, 201, res.body);
      }
    }

    async function upload(channel: string, fileName: string, body: Buffer, type = 'text/csv') {
      const res = await t.current.request({
        method: 'POST',
        url: `/api/v1/file-imports?channel=${channel}&fileName=${encodeURIComponent(fileName)}`,
        headers: { 'content-type': type },
        payload: body,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    }

    async function importAndWait(id: string, mapping: unknown) {
      const started = await t.current.request({
        method: 'POST',
        url: `/api/v1/file-imports/${id}/import`,
        payload: { mapping },
      });
      assert.equal(started.statusCode, 202, started.body);
      await t.current.app.fileImports.imports.whenIdle();
      const job = await t.current.request({ method: 'GET', url: `/api/v1/file-imports/${id}` });
      assert.equal(job.statusCode, 200);
      return job.json();
    }

    async function ordersOf(channel: string) {
      const list = await t.current.request({
        method: 'GET',
        url: `/api/v1/orders?channel=${channel}&limit=500`,
      });
      const found = new Map<string, Order>();
      for (const item of list.json().items) {
        const full = await t.current.request({ method: 'GET', url: `/api/v1/orders/${item.id}` });
        found.set(item.externalId, full.json());
      }
      return found;
    }

    it('imports a Shopify orders export: previewed, grouped by order, held where it must be, failures in a result file', async () => {
      await setUp();
      const file = fs.readFileSync(path.join(fixtures, 'shopify-orders.csv'));
      const uploaded = await upload('shop-eu', 'orders_export_1.csv', file);
      assert.equal(uploaded.rowCount, 5);
      assert.equal(uploaded.suggestedMapping, 'shopify');
      assert.ok(uploaded.columns.includes('Lineitem sku'));

      const preview = await t.current.request({
        method: 'POST',
        url: `/api/v1/file-imports/${uploaded.id}/preview`,
        payload: { mapping: 'shopify', limit: 10 },
      });
      assert.equal(preview.statusCode, 200, preview.body);
      const rows = preview.json().rows;
      assert.equal(rows.length, 5);
      assert.deepEqual(
        {
          id: rows[0].externalId,
          at: rows[0].placedAt,
          sku: rows[0].sku,
          qty: rows[0].quantity,
          total: rows[0].total,
        },
        { id: '#1001', at: '2026-11-20T09:50:26+01:00', sku: 'TEE-RED-M', qty: '2', total: '100.70' },
      );
      assert.equal(rows[1].externalId, '#1001');
      assert.equal(rows[1].total, '100.70', 'order-level cells come from the order’s first row');
      assert.deepEqual(
        rows[3].problems.map((p: { field: string; severity: string }) => [p.field, p.severity]),
        [['externalId', 'error']],
      );
      assert.equal(preview.json().orders, 3);

      const job = await importAndWait(uploaded.id, 'shopify');
      assert.deepEqual(
        {
          status: job.status,
          created: job.created,
          duplicate: job.duplicate,
          failed: job.failed,
          progress: job.progress,
        },
        { status: 'finished', created: 3, duplicate: 0, failed: 1, progress: 1 },
      );
      assert.equal(job.hasResultFile, true);

      const orders = await ordersOf('shop-eu');
      const first = orders.get('#1001')!;
      assert.equal(first.total, '100.70');
      assert.equal(first.currency, 'EUR');
      assert.deepEqual(
        first.lines.map((l: { sku: string; quantity: number; unitPrice: string }) => [
          l.sku,
          l.quantity,
          l.unitPrice,
        ]),
        [
          ['TEE-RED-M', 2, '29.90'],
          ['MUG-WHT', 1, '35.00'],
        ],
      );
      assert.equal(first.shippingAddress.postalCode, '75008', "the export's apostrophe guard is taken off");
      assert.equal(first.shippingAddress.city, 'Paris');
      assert.ok(orders.get('#1002')!.holds.includes('PAYMENT_PENDING'));
      assert.ok(orders.get('#1003')!.holds.includes('UNKNOWN_SKU'));

      const result = await t.current.request({
        method: 'GET',
        url: `/api/v1/file-imports/${uploaded.id}/result.csv`,
      });
      assert.equal(result.statusCode, 200);
      assert.match(result.headers['content-type'] as string, /text\/csv/);
      const lines = result.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.equal(lines.length, 2);
      assert.match(lines[0]!, /^line,reason,Name,Email/);
      assert.match(lines[1]!, /^5,"externalId: column ""Name"" is empty",,ghost@example.com,/);

      // The same export again: every order is already there, none is stored twice.
      const again = await upload('shop-eu', 'orders_export_1.csv', file);
      const second = await importAndWait(again.id, 'shopify');
      assert.deepEqual([second.created, second.duplicate, second.failed], [0, 3, 1]);
      const restart = await t.current.request({
        method: 'POST',
        url: `/api/v1/file-imports/${again.id}/import`,
        payload: { mapping: 'shopify' },
      });
      assert.equal(restart.statusCode, 409);
    });

    it('imports a Taobao export with Chinese headers (UTF-8 and GB 18030) through a mapping saved for the channel', async () => {
      const preset = await t.current.request({
        method: 'GET',
        url: '/api/v1/channels/tmall/import-mappings',
      });
      const taobao = preset.json().items.find((m: { name: string }) => m.name === 'taobao');
      assert.equal(taobao.isPreset, true);
      const saved = await t.current.request({
        method: 'PUT',
        url: '/api/v1/channels/tmall/import-mappings/tmall-report',
        payload: taobao.mapping,
      });
      assert.equal(saved.statusCode, 200, saved.body);
      const listed = await t.current.request({
        method: 'GET',
        url: '/api/v1/channels/tmall/import-mappings',
      });
      assert.equal(listed.json().items[0].name, 'tmall-report');
      assert.equal(listed.json().items[0].isPreset, false);

      const uploaded = await upload(
        'tmall',
        '订单报表.csv',
        fs.readFileSync(path.join(fixtures, 'taobao-orders-gbk.csv')),
      );
      assert.equal(uploaded.columns[0], '订单编号');
      assert.equal(uploaded.suggestedMapping, 'tmall-report');
      const job = await importAndWait(uploaded.id, 'tmall-report');
      assert.deepEqual([job.created, job.duplicate, job.failed], [2, 0, 1]);

      const orders = await ordersOf('tmall');
      const wang = orders.get('3928172645123456789')!;
      assert.ok(wang, 'the 19-digit order id is kept exact');
      assert.equal(wang.currency, 'CNY');
      assert.equal(wang.total, '129.80');
      assert.deepEqual(
        [wang.shippingAddress.province, wang.shippingAddress.city, wang.shippingAddress.district],
        ['浙江省', '杭州市', '西湖区'],
      );
      assert.equal(wang.shippingAddress.line1, '文三路 100 号');
      assert.equal(wang.shippingAddress.postalCode, '310012');
      assert.equal(wang.shippingAddress.phone, '13800138000');
      assert.ok(
        orders.get('3928172645123456790')!.holds.includes('CONTACT_MISSING') ||
          orders.get('3928172645123456790')!.status,
      );

      const result = await t.current.request({
        method: 'GET',
        url: `/api/v1/file-imports/${uploaded.id}/result.csv`,
      });
      assert.match(result.headers['content-disposition'] as string, /filename\*=UTF-8''/);
      assert.match(result.body, /神秘商品/);

      // The UTF-8 file of the same orders finds them all there already.
      const utf8 = await upload(
        'tmall',
        'orders.csv',
        fs.readFileSync(path.join(fixtures, 'taobao-orders.csv')),
      );
      const again = await importAndWait(utf8.id, 'tmall-report');
      assert.deepEqual([again.created, again.duplicate], [0, 2]);
    });

    it('imports an XLSX sheet with day-first dates and decimal commas', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Bestellungen');
      sheet.addRow(['Bestellnr', 'Datum', 'Artikel', 'Menge', 'Preis', 'Summe', 'Währung', 'Kunde', 'Land']);
      sheet.addRow([
        'B-1',
        '20.11.2026 14:05',
        'MUG-WHT',
        100,
        '12,00',
        '1.234,50',
        'EUR',
        'Hans Maier',
        'de',
      ]);
      sheet.addRow(['B-1', '', 'TEE-RED-M', 3, '29,90', '', '', '', '']);
      sheet.addRow([
        'B-2',
        new Date(Date.UTC(2026, 10, 21, 9, 30)),
        'MUG-WHT',
        2,
        12,
        24,
        'EUR',
        'Eva',
        'AT',
      ]);
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      const uploaded = await upload(
        'b2b',
        'bestellungen.xlsx',
        bytes,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      assert.equal(uploaded.rowCount, 3);
      assert.equal(uploaded.suggestedMapping, null);
      const mapping = {
        columns: {
          externalId: 'Bestellnr',
          placedAt: 'Datum',
          sku: 'Artikel',
          quantity: 'Menge',
          unitPrice: 'Preis',
          total: 'Summe',
          currency: 'Währung',
          customerName: 'Kunde',
          country: 'Land',
        },
        dateOrder: 'dmy',
        decimalComma: true,
      };
      const job = await importAndWait(uploaded.id, mapping);
      assert.deepEqual([job.created, job.failed], [2, 0]);
      const orders = await ordersOf('b2b');
      const b1 = orders.get('B-1')!;
      assert.equal(b1.total, '1234.50');
      assert.equal(b1.lines.length, 2);
      assert.equal(b1.lines[0].unitPrice, '12.00');
      assert.equal(b1.shippingAddress.country, 'DE');
      assert.equal(orders.get('B-2')!.total, '24.00');
    });

    it('names the field of a bad mapping and stores nothing', async () => {
      const file = fs.readFileSync(path.join(fixtures, 'shopify-orders.csv'));
      const uploaded = await upload('shop-eu', 'more.csv', file);
      const cases: [unknown, string][] = [
        [
          { columns: { externalId: 'Name', sku: 'SKU', quantity: 'Lineitem quantity' } },
          'mapping.columns.sku',
        ],
        [{ columns: { externalId: 'Name', quantity: 'Lineitem quantity' } }, 'mapping.columns.sku'],
        [
          {
            columns: { externalId: 'Name', sku: 'Lineitem sku', quantity: 'Lineitem quantity', colour: 'x' },
          },
          'mapping.columns.colour',
        ],
        [
          {
            columns: { externalId: 'Name', sku: 'Lineitem sku', quantity: 'Lineitem quantity' },
            dateOrder: 'ydm',
          },
          'mapping.dateOrder',
        ],
        ['no-such-mapping', 'mapping'],
      ];
      for (const [mapping, field] of cases) {
        for (const action of ['preview', 'import']) {
          const res = await t.current.request({
            method: 'POST',
            url: `/api/v1/file-imports/${uploaded.id}/${action}`,
            payload: { mapping },
          });
          assert.ok([400, 422].includes(res.statusCode), `${action} ${JSON.stringify(mapping)}: ${res.body}`);
          const error = res.json().error;
          assert.equal(error.details.field, field, `${action}: ${res.body}`);
        }
      }
      const job = await t.current.request({ method: 'GET', url: `/api/v1/file-imports/${uploaded.id}` });
      assert.equal(job.json().status, 'uploaded', 'a refused mapping starts nothing');

      const put = await t.current.request({
        method: 'PUT',
        url: '/api/v1/channels/shop-eu/import-mappings/bad',
        payload: { columns: { sku: 'x', quantity: 'y' } },
      });
      assert.equal(put.statusCode, 400);
      assert.equal(put.json().error.details.field, 'columns.externalId');
      const unknownChannel = await t.current.request({
        method: 'PUT',
        url: '/api/v1/channels/nowhere/import-mappings/x',
        payload: { columns: { externalId: 'a', sku: 'b', quantity: 'c' } },
      });
      assert.equal(unknownChannel.statusCode, 404);
      const badFile = await t.current.request({
        method: 'POST',
        url: '/api/v1/file-imports?channel=shop-eu&fileName=orders.pdf',
        headers: { 'content-type': 'application/octet-stream' },
        payload: Buffer.from('%PDF-1.4'),
      });
      assert.equal(badFile.statusCode, 400);
      assert.equal(badFile.json().error.details.field, 'fileName');
    });
  });
}
