import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

for (const dialect of testDialects) {
  describe(`catalog on ${dialect}`, () => {
    const t = useTestApp(dialect);

    it('creates, reads, changes and deletes a SKU, with money as decimal strings', async () => {
      const created = await t.current.request({
        method: 'POST',
        url: '/api/v1/skus',
        role: 'integration',
        payload: {
          code: 'MUG-BLUE',
          name: '马克杯 蓝色 / Mug blue',
          price: '39.50',
          barcode: '6901234567892',
          weightGrams: 350,
          lengthMm: 120,
        },
      });
      assert.equal(created.statusCode, 201);
      const sku = created.json();
      assert.equal(sku.price, '39.50');
      assert.equal(sku.currency, 'CNY');
      const stored = await t.current.app.database.db
        .selectFrom('skus')
        .select('price_minor')
        .where('id', '=', sku.id)
        .executeTakeFirstOrThrow();
      assert.equal(Number(stored.price_minor), 3950);
      const changed = await t.current.request({
        method: 'PATCH',
        url: `/api/v1/skus/${sku.id}`,
        payload: { price: '42', name: 'Mug' },
      });
      assert.equal(changed.json().price, '42.00');
      assert.equal(
        (await t.current.request({ method: 'GET', url: `/api/v1/skus/${sku.id}`, role: 'warehouse' })).json()
          .name,
        'Mug',
      );
      const found = (await t.current.request({ method: 'GET', url: '/api/v1/skus?q=6901234567892' })).json();
      assert.deepEqual(
        found.items.map((s: { code: string }) => s.code),
        ['MUG-BLUE'],
      );
      assert.equal(
        (await t.current.request({ method: 'DELETE', url: `/api/v1/skus/${sku.id}` })).statusCode,
        204,
      );
      assert.equal(
        (await t.current.request({ method: 'GET', url: `/api/v1/skus/${sku.id}` })).statusCode,
        404,
      );
      const actions = (
        await t.current.request({ method: 'GET', url: `/api/v1/audit-log?targetId=${sku.id}` })
      )
        .json()
        .items.map((e: { action: string }) => e.action);
      assert.deepEqual(actions.sort(), ['sku.created', 'sku.deleted', 'sku.updated']);
    });

    it('rejects bad SKUs with the field named and stores nothing', async () => {
      const cases: [Record<string, unknown>, number, string, string][] = [
        [{ name: 'no code', price: '1.00' }, 400, 'VALIDATION_FAILED', 'code'],
        [{ code: 'has space', name: 'x', price: '1.00' }, 400, 'VALIDATION_FAILED', 'code'],
        [{ code: 'P-1', name: 'x', price: 'free' }, 400, 'VALIDATION_FAILED', 'price'],
        [{ code: 'P-2', name: 'x', price: '-1.00' }, 422, 'INVALID_MONEY', 'price'],
        [{ code: 'P-3', name: 'x', price: '1.001' }, 422, 'INVALID_MONEY', 'price'],
        [{ code: 'P-4', name: 'x', price: '1.00', weightGrams: -5 }, 400, 'VALIDATION_FAILED', 'weightGrams'],
      ];
      for (const [payload, status, code, field] of cases) {
        const response = await t.current.request({ method: 'POST', url: '/api/v1/skus', payload });
        assert.equal(response.statusCode, status, JSON.stringify(payload));
        assert.equal(response.json().error.code, code);
        assert.equal(response.json().error.details.field, field);
      }
      const stored = await t.current.app.database.db
        .selectFrom('skus')
        .select('code')
        .where('code', 'in', ['P-1', 'P-2', 'P-3', 'P-4'])
        .execute();
      assert.equal(stored.length, 0);
      await t.current.request({
        method: 'POST',
        url: '/api/v1/skus',
        payload: { code: 'DUP-1', name: 'x', price: '1.00' },
      });
      const duplicate = await t.current.request({
        method: 'POST',
        url: '/api/v1/skus',
        payload: { code: 'DUP-1', name: 'y', price: '2.00' },
      });
      assert.equal(duplicate.statusCode, 409);
      assert.equal(duplicate.json().error.code, 'SKU_CODE_TAKEN');
      const forbidden = await t.current.request({
        method: 'POST',
        url: '/api/v1/skus',
        role: 'warehouse',
        payload: { code: 'W-1', name: 'x', price: '1.00' },
      });
      assert.equal(forbidden.statusCode, 403);
    });

    it('imports SKUs from CSV: creates, updates by code, and reports bad rows by line', async () => {
      const csv = [
        'code,name,price,barcode,weightGrams,lengthMm,widthMm,heightMm',
        'CSV-1,"Scarf, wool",99.00,,200,,,',
        'CSV-2,围巾 红色,89.90,6900000000017,180,300,20,20',
        'CSV-3,,10.00,,,,,',
        'CSV-4,Bad price,abc,,,,,',
        'DUP-1,Renamed by import,5.00,,,,,',
      ].join('\n');
      const response = await t.current.request({
        method: 'POST',
        url: '/api/v1/skus/import',
        payload: csv,
        headers: { 'content-type': 'text/csv' },
      });
      assert.equal(response.statusCode, 200);
      const result = response.json();
      assert.equal(result.created, 2);
      assert.equal(result.updated, 1);
      assert.deepEqual(
        result.rejected.map((r: { line: number }) => r.line),
        [4, 5],
      );
      assert.match(result.rejected[0].message, /name/);
      const names = await t.current.app.database.db
        .selectFrom('skus')
        .select(['code', 'name'])
        .where('code', 'in', ['CSV-1', 'CSV-2', 'DUP-1'])
        .orderBy('code')
        .execute();
      assert.deepEqual(
        names.map((n) => n.name),
        ['Scarf, wool', '围巾 红色', 'Renamed by import'],
      );
      const missing = await t.current.request({
        method: 'POST',
        url: '/api/v1/skus/import',
        payload: 'code,title\nA,B',
        headers: { 'content-type': 'text/csv' },
      });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.json().error.message, /name, price/);
    });

    it('lists channels with web present, and adds one', async () => {
      const list = (
        await t.current.request({ method: 'GET', url: '/api/v1/channels', role: 'warehouse' })
      ).json();
      assert.ok(list.items.some((c: { id: string }) => c.id === 'web'));
      const added = await t.current.request({
        method: 'POST',
        url: '/api/v1/channels',
        payload: { id: 'tmall', name: 'Tmall store', kind: 'marketplace' },
      });
      assert.equal(added.statusCode, 201);
      assert.equal(
        (
          await t.current.request({
            method: 'POST',
            url: '/api/v1/channels',
            payload: { id: 'tmall', name: 'again' },
          })
        ).statusCode,
        409,
      );
      await t.current.request({
        method: 'PATCH',
        url: '/api/v1/channels/tmall',
        payload: { isActive: false },
      });
      const order = await t.current.request({
        method: 'POST',
        url: '/api/v1/orders',
        payload: { channel: 'tmall' },
      });
      assert.equal(order.statusCode, 400);
    });
  });
}
