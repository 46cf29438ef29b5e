import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';

for (const dialect of testDialects) {
  describe(`order intake on ${dialect}`, () => {
    const t = useTestApp(dialect);
    const post = (payload: unknown, role = 'integration') =>
      t.current.request({ method: 'POST', url: '/api/v1/orders', payload: payload as object, role });
    const count = async (
      table: 'orders' | 'order_lines' | 'outbox' | 'order_events' | 'order_status_history' | 'order_holds',
    ) =>
      Number(
        (
          await t.current.app.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('approves a clean order and writes its lines, history, timeline and outbox event in one go', async () => {
      await t.current.request({
        method: 'POST',
        url: '/api/v1/skus',
        payload: { code: 'TEE-RED-M', name: 'Tee red M', price: '59.90' },
      });
      const before = { outbox: await count('outbox'), history: await count('order_status_history') };
      const response = await post(newOrderInput({ externalId: 'clean-1' }));
      assert.equal(response.statusCode, 201);
      const order = response.json();
      assert.equal(order.status, 'approved');
      assert.deepEqual(order.holds, []);
      assert.equal(order.total, '129.80');
      assert.equal(order.lines[0].lineTotal, '119.80');
      assert.equal(order.lines[0].name, 'Tee red M', 'the catalog name fills a line sent without one');
      assert.match(order.number, /^SO\d{6}[0-9A-Z]{8}$/);
      assert.deepEqual(
        order.events.map((e: { type: string }) => e.type),
        ['received', 'approved'],
      );
      assert.equal(await count('outbox'), before.outbox + 1);
      assert.equal(await count('order_status_history'), before.history + 1);
      const outbox = await t.current.app.database.db
        .selectFrom('outbox')
        .selectAll()
        .where('type', '=', 'order.received')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.match(JSON.stringify(outbox.payload), new RegExp(order.id));
    });

    it('holds an order with an unknown SKU and a pending payment, naming both reasons', async () => {
      const response = await post(
        newOrderInput({
          externalId: 'held-1',
          lines: [{ sku: 'NOPE-1', quantity: 1, unitPrice: '10.00' }],
          total: '20.00',
          payment: { status: 'pending' },
        }),
      );
      assert.equal(response.statusCode, 201);
      const order = response.json();
      assert.equal(order.status, 'pending_review');
      assert.deepEqual(order.holds.sort(), ['PAYMENT_PENDING', 'UNKNOWN_SKU']);
      assert.match(
        order.holdDetails.find((h: { code: string }) => h.code === 'UNKNOWN_SKU').message,
        /NOPE-1 is not in the catalog/,
      );
      assert.deepEqual(
        order.events.map((e: { type: string }) => e.type),
        ['received', 'held'],
      );
    });

    it('holds an order whose SKU is inactive', async () => {
      const sku = (
        await t.current.request({
          method: 'POST',
          url: '/api/v1/skus',
          payload: { code: 'OLD-1', name: 'Old', price: '1.00' },
        })
      ).json();
      await t.current.request({
        method: 'PATCH',
        url: `/api/v1/skus/${sku.id}`,
        payload: { isActive: false },
      });
      const order = (
        await post(
          newOrderInput({
            externalId: 'inactive-1',
            lines: [{ sku: 'OLD-1', quantity: 1, unitPrice: '1.00' }],
            total: '11.00',
            payment: { status: 'paid', paidAmount: '11.00' },
          }),
        )
      ).json();
      assert.deepEqual(order.holds, ['UNKNOWN_SKU']);
      assert.match(order.holdDetails[0].message, /OLD-1 is inactive/);
    });

    it('is idempotent on (channel, externalId): a replay returns the stored order and stores nothing', async () => {
      const first = await post(newOrderInput({ externalId: 'replay-1' }));
      const ordersBefore = await count('orders');
      const outboxBefore = await count('outbox');
      const replay = await post(
        newOrderInput({ externalId: 'replay-1', total: '999.00', customer: { name: 'Someone else' } }),
      );
      assert.equal(replay.statusCode, 200);
      assert.equal(replay.json().id, first.json().id);
      assert.equal(replay.json().total, '129.80');
      assert.equal(await count('orders'), ordersBefore);
      assert.equal(await count('outbox'), outboxBefore);
    });

    it('stores one order when the same new order arrives many times at once', async () => {
      const input = newOrderInput({ externalId: 'race-1' });
      const responses = await Promise.all(Array.from({ length: 8 }, () => post(input)));
      const ids = new Set(responses.map((r) => r.json().id));
      assert.equal(ids.size, 1);
      assert.equal(responses.filter((r) => r.statusCode === 201).length, 1);
      const rows = await t.current.app.database.db
        .selectFrom('orders')
        .select('id')
        .where('external_id', '=', 'race-1')
        .execute();
      assert.equal(rows.length, 1);
    });

    it('takes a batch with per-order results in input order, rejecting only the bad ones', async () => {
      const response = await t.current.request({
        method: 'POST',
        url: '/api/v1/orders/batch',
        role: 'integration',
        payload: {
          orders: [
            newOrderInput({ externalId: 'b-1' }),
            newOrderInput({ externalId: 'b-2', channel: 'nowhere' }),
            newOrderInput({ externalId: 'b-1' }),
            { externalId: 'b-3' },
            newOrderInput({ externalId: 'b-4', total: '1.005' }),
            newOrderInput({ externalId: 'replay-1' }),
          ],
        },
      });
      assert.equal(response.statusCode, 200);
      const { results, summary } = response.json();
      assert.deepEqual(
        results.map((r: { outcome: string }) => r.outcome),
        ['created', 'rejected', 'duplicate', 'rejected', 'rejected', 'duplicate'],
      );
      assert.equal(results[1].error.code, 'UNKNOWN_CHANNEL');
      assert.equal(results[1].error.details.field, 'channel');
      assert.equal(results[2].order.id, results[0].order.id);
      assert.equal(results[3].error.code, 'VALIDATION_FAILED');
      assert.equal(results[4].error.code, 'INVALID_MONEY');
      assert.equal(results[4].error.details.field, 'total');
      assert.deepEqual(summary, { created: 1, duplicate: 2, rejected: 3 });
      const stored = await t.current.app.database.db
        .selectFrom('orders')
        .select('external_id')
        .where('external_id', 'in', ['b-2', 'b-3', 'b-4'])
        .execute();
      assert.equal(stored.length, 0);
    });

    it('lists orders newest placed first with filters, search and cursor pages', async () => {
      for (let day = 1; day <= 5; day += 1) {
        await post(
          newOrderInput({
            externalId: `list-${day}`,
            placedAt: `2026-10-0${day}T10:00:00Z`,
            customer: { name: `Listed ${day}`, phone: `+8613900000${day}0` },
          }),
        );
      }
      const first = (
        await t.current.request({ method: 'GET', url: '/api/v1/orders?limit=2&q=Listed', role: 'warehouse' })
      ).json();
      assert.deepEqual(
        first.items.map((o: { externalId: string }) => o.externalId),
        ['list-5', 'list-4'],
      );
      const second = (
        await t.current.request({
          method: 'GET',
          url: `/api/v1/orders?limit=2&q=Listed&cursor=${first.nextCursor}`,
        })
      ).json();
      assert.deepEqual(
        second.items.map((o: { externalId: string }) => o.externalId),
        ['list-3', 'list-2'],
      );
      const third = (
        await t.current.request({
          method: 'GET',
          url: `/api/v1/orders?limit=2&q=Listed&cursor=${second.nextCursor}`,
        })
      ).json();
      assert.deepEqual(
        third.items.map((o: { externalId: string }) => o.externalId),
        ['list-1'],
      );
      assert.equal(third.nextCursor, null);
      const byPhone = (
        await t.current.request({ method: 'GET', url: '/api/v1/orders?q=%2B861390000030' })
      ).json();
      assert.deepEqual(
        byPhone.items.map((o: { externalId: string }) => o.externalId),
        ['list-3'],
      );
      // Each match has its index (migration 024): the name by prefix in any case, the channel's id exactly.
      const search = async (q: string) =>
        (await t.current.request({ method: 'GET', url: `/api/v1/orders?q=${encodeURIComponent(q)}` }))
          .json()
          .items.map((o: { externalId: string }) => o.externalId);
      assert.deepEqual(await search('lISTED 4'), ['list-4']);
      assert.deepEqual(await search('list-2'), ['list-2']);
      assert.deepEqual(await search('isted'), []);
      const held = (
        await t.current.request({ method: 'GET', url: '/api/v1/orders?status=pending_review&limit=500' })
      ).json();
      assert.ok(held.items.length >= 1);
      assert.ok(held.items.every((o: { status: string }) => o.status === 'pending_review'));
      const badCursor = await t.current.request({ method: 'GET', url: '/api/v1/orders?cursor=garbage' });
      assert.equal(badCursor.statusCode, 400);
      assert.equal(badCursor.json().error.details.field, 'cursor');
    });

    it('cancels an open order with a reason and refuses to cancel it twice', async () => {
      const order = (
        await post(newOrderInput({ externalId: 'cancel-1', payment: { status: 'pending' } }))
      ).json();
      const cancelled = await t.current.request({
        method: 'POST',
        url: `/api/v1/orders/${order.id}/cancel`,
        payload: { reason: 'customer changed mind' },
      });
      assert.equal(cancelled.statusCode, 200);
      assert.equal(cancelled.json().status, 'cancelled');
      assert.deepEqual(cancelled.json().holds, []);
      assert.equal(cancelled.json().events.at(-1).type, 'cancelled');
      assert.equal(cancelled.json().events.at(-1).data.reason, 'customer changed mind');
      const history = await t.current.app.database.db
        .selectFrom('order_status_history')
        .selectAll()
        .where('order_id', '=', order.id)
        .orderBy('at')
        .execute();
      assert.deepEqual(
        history.map((h) => [h.from_status, h.to_status]),
        [
          [null, 'pending_review'],
          ['pending_review', 'cancelled'],
        ],
      );
      const again = await t.current.request({
        method: 'POST',
        url: `/api/v1/orders/${order.id}/cancel`,
        payload: { reason: 'again' },
      });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'INVALID_TRANSITION');
      const audit = (
        await t.current.request({
          method: 'GET',
          url: `/api/v1/audit-log?action=order.cancelled&targetId=${order.id}`,
        })
      ).json();
      assert.equal(audit.items.length, 1);
    });

    it('summarises orders by status, open holds and day for the home page', async () => {
      const summary = (await t.current.request({ method: 'GET', url: '/api/v1/orders/summary' })).json();
      assert.equal(summary.total, await count('orders'));
      assert.ok(summary.byStatus.approved >= 1);
      assert.ok(summary.holdsByCode.UNKNOWN_SKU >= 1);
      assert.equal(summary.daily.length, 14);
    });

    it('ranks returning customers higher: new, then regular, then vip after five orders', async () => {
      const buyer = newOrderInput();
      const tiers: number[] = [];
      for (let i = 0; i < 7; i += 1) {
        const order = (await post({ ...buyer, externalId: `tier-${i}` })).json();
        tiers.push(order.priorityParts.tier);
      }
      assert.deepEqual(tiers, [0, 50, 50, 50, 50, 150, 150]);
    });

    it('returns 404 with a code for an order that does not exist', async () => {
      const response = await t.current.request({ method: 'GET', url: '/api/v1/orders/nope' });
      assert.equal(response.statusCode, 404);
      assert.equal(response.json().error.code, 'NOT_FOUND');
    });
  });
}
