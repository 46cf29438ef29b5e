import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestApp, useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';

for (const dialect of testDialects) {
  describe(`audit rules, queue and efficiency on ${dialect}`, () => {
    const t = useTestApp(dialect);
    const api = (
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      url: string,
      payload?: object,
      role = 'admin',
    ) => t.current.request({ method, url, payload, role });

    it('versions rule changes, records who made them and which version judged each order', async () => {
      const active = (await api('GET', '/api/v1/audit-rules')).json();
      assert.equal(active.version, 0);
      const rules = active.rules.map((r: { code: string; params: Record<string, unknown> }) =>
        r.code === 'AMOUNT_OVER_LIMIT'
          ? { ...r, params: { ...r.params, action: 'hold', maxTotalMinor: 10000 } }
          : r,
      );
      const forbidden = await api('POST', '/api/v1/audit-rules', { rules }, 'order_processor');
      assert.equal(forbidden.statusCode, 403);
      const saved = await api(
        'POST',
        '/api/v1/audit-rules',
        { rules, note: 'hold orders over 100.00' },
        'ops_manager',
      );
      assert.equal(saved.statusCode, 201);
      assert.equal(saved.json().version, 1);
      const order = (await api('POST', '/api/v1/orders', newOrderInput({ externalId: 'rules-1' }))).json();
      assert.ok(order.holds.includes('AMOUNT_OVER_LIMIT'));
      assert.equal(order.review.ruleSetVersion, 1);
      const versions = (await api('GET', '/api/v1/audit-rules/versions')).json().items;
      assert.equal(versions[0].note, 'hold orders over 100.00');
      const audit = (await api('GET', '/api/v1/audit-log?action=audit_rules.saved')).json().items[0];
      assert.ok(audit.details.changes.some((c: string) => c.includes('maxTotalMinor')));
    });

    it('refuses an invalid rule set, naming the field, and keeps the active version', async () => {
      const active = (await api('GET', '/api/v1/audit-rules')).json();
      const broken = active.rules.map((r: { code: string; params: Record<string, unknown> }) =>
        r.code === 'VELOCITY' ? { ...r, params: { ...r.params, maxOrders: -2 } } : r,
      );
      const response = await api('POST', '/api/v1/audit-rules', { rules: broken });
      assert.equal(response.statusCode, 400);
      assert.match(response.json().error.details.field, /^rules\.\d+\.params\.maxOrders$/);
      const unknown = await api('POST', '/api/v1/audit-rules', {
        rules: [{ code: 'NO_SUCH_RULE', enabled: true, params: {} }],
      });
      assert.equal(unknown.statusCode, 400);
      assert.equal((await api('GET', '/api/v1/audit-rules')).json().version, active.version);
    });

    it('shows in a dry run what a proposed rule set would change, by reason, with examples', async () => {
      for (let i = 0; i < 4; i += 1)
        await api(
          'POST',
          '/api/v1/orders',
          newOrderInput({ externalId: `dry-${i}`, placedAt: new Date().toISOString() }),
        );
      const active = (await api('GET', '/api/v1/audit-rules')).json();
      const relaxed = active.rules.map((r: { code: string; enabled: boolean }) =>
        r.code === 'AMOUNT_OVER_LIMIT' || r.code === 'UNKNOWN_SKU' ? { ...r, enabled: false } : r,
      );
      const result = (await api('POST', '/api/v1/audit-rules/dry-run', { rules: relaxed, days: 7 })).json();
      assert.ok(result.orders >= 4);
      assert.ok(result.held.proposed < result.held.current);
      const amount = result.byCode.find((c: { code: string }) => c.code === 'AMOUNT_OVER_LIMIT');
      assert.equal(amount.proposed, 0);
      assert.equal(amount.delta, -amount.current);
      assert.ok(amount.noLongerHeld.length > 0);
      assert.equal(
        (await api('GET', '/api/v1/audit-rules')).json().version,
        active.version,
        'a dry run saves nothing',
      );
    });

    it('orders the queue by priority then deadline and routes urgent orders to the urgent team', async () => {
      await api(
        'POST',
        '/api/v1/orders',
        newOrderInput({ externalId: 'q-normal', payment: { status: 'pending' } }),
      );
      await api(
        'POST',
        '/api/v1/orders',
        newOrderInput({ externalId: 'q-urgent', type: 'urgent', payment: { status: 'pending' } }),
      );
      const queue = (await api('GET', '/api/v1/queue?limit=500')).json().items;
      const priorities = queue.map((q: { priority: number }) => q.priority);
      assert.deepEqual(
        priorities,
        [...priorities].sort((a, b) => b - a),
      );
      const urgent = queue.find((q: { type: string }) => q.type === 'urgent');
      assert.equal(urgent.team, 'urgent');
      const teamQueue = (await api('GET', '/api/v1/queue?team=urgent')).json().items;
      assert.ok(teamQueue.every((q: { team: string }) => q.team === 'urgent'));
    });

    it('lets a person claim the next order, shows it in their queue, and refuses it to another', async () => {
      const claimed = await api('POST', '/api/v1/queue/claim', {}, 'order_processor');
      assert.equal(claimed.statusCode, 200);
      const item = claimed.json();
      const mine = (await api('GET', '/api/v1/queue?mine=true', undefined, 'order_processor')).json().items;
      assert.deepEqual(
        mine.map((q: { id: string }) => q.id),
        [item.id],
      );
      const other = await api('POST', `/api/v1/orders/${item.id}/claim`, undefined, 'ops_manager');
      assert.equal(other.statusCode, 409);
      assert.equal(other.json().error.code, 'ALREADY_CLAIMED');
    });

    it('saves teams with their members and refuses unknown users', async () => {
      await t.current.app.staff.createUser(
        { type: 'system', id: null, name: 'test' },
        { username: 'wang.li', role: 'order_processor', password: 'processor-2' },
      );
      const saved = await api(
        'PUT',
        '/api/v1/teams/urgent',
        { name: 'Urgent orders', members: ['wang.li'] },
        'ops_manager',
      );
      assert.deepEqual(saved.json().members, ['wang.li']);
      const bad = await api(
        'PUT',
        '/api/v1/teams/urgent',
        { name: 'Urgent orders', members: ['nobody'] },
        'ops_manager',
      );
      assert.equal(bad.json().error.details.field, 'members');
    });

    it('refuses queue rules that route to a team that does not exist, naming the rule', async () => {
      const rules = [
        { team: 'urgent', types: ['urgent'] },
        { team: 'nobody-works-here', types: ['custom'] },
      ];
      await api('PUT', '/api/v1/teams/urgent', { name: 'Urgent orders', members: [] }, 'ops_manager');
      const refused = await api('PATCH', '/api/v1/settings/orders', { assignment: rules }, 'ops_manager');
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().error.details.field, 'assignment.1.team');
      const kept = (await api('GET', '/api/v1/settings/orders')).json().assignment;
      assert.deepEqual(
        kept.map((r: { team: string }) => r.team),
        ['urgent', 'custom'],
      );
      // Other settings still save while the untouched default rules name teams not made yet.
      const calendar = await api('PATCH', '/api/v1/settings/orders', {
        merge: { mode: 'auto', windowHours: 24 },
      });
      assert.equal(calendar.statusCode, 200);
      await api('PUT', '/api/v1/teams/custom', { name: 'Custom orders', members: [] }, 'ops_manager');
      const accepted = await api('PATCH', '/api/v1/settings/orders', {
        assignment: [rules[0], { team: 'custom', types: ['custom'] }],
      });
      assert.equal(accepted.statusCode, 200);
    });

    it('blocks and unblocks values from the blocklist', async () => {
      const input = newOrderInput({ externalId: 'block-src' });
      const order = (await api('POST', '/api/v1/orders', input)).json();
      const byOrder = await api('POST', '/api/v1/blocklist', {
        kind: 'address',
        orderId: order.id,
        note: 'parcel fraud',
      });
      assert.equal(byOrder.statusCode, 201);
      const noOrder = await api('POST', '/api/v1/blocklist', { kind: 'address', value: 'somewhere' });
      assert.equal(noOrder.json().error.details.field, 'orderId');
      const badPhone = await api('POST', '/api/v1/blocklist', { kind: 'phone', value: 'abc' });
      assert.equal(badPhone.json().error.details.field, 'value');
      const next = (
        await api(
          'POST',
          '/api/v1/orders',
          newOrderInput({ externalId: 'block-hit', shippingAddress: input.shippingAddress }),
        )
      ).json();
      assert.ok(next.holds.includes('BLOCKLISTED'));
      assert.equal((await api('DELETE', `/api/v1/blocklist/${byOrder.json().id}`)).statusCode, 204);
    });

    it('reports the touch-free rate, time in review and holds by reason', async () => {
      await api('POST', '/api/v1/skus', { code: 'EFF-1', name: 'Sticker', price: '20.00' });
      const clean = newOrderInput({
        externalId: 'eff-1',
        lines: [{ sku: 'EFF-1', quantity: 1, unitPrice: '20.00' }],
        total: '30.00',
        payment: { status: 'paid', paidAmount: '30.00' },
      });
      assert.equal((await api('POST', '/api/v1/orders', clean)).json().status, 'approved');
      const metrics = (await api('GET', '/api/v1/orders/efficiency?days=7')).json();
      assert.ok(metrics.decided > 0);
      assert.ok(metrics.touchFreeRate > 0 && metrics.touchFreeRate <= 1);
      assert.equal(metrics.touchFree <= metrics.decided, true);
      assert.ok(Object.keys(metrics.holdsByCode).length > 0);
      assert.ok(metrics.sla.onTrack + metrics.sla.atRisk + metrics.sla.breached >= 0);
    });
  });
}

if (testDialects.includes('postgres')) {
  describe('racing on PostgreSQL', () => {
    it('records exactly one decision when reviewers race on one order', async () => {
      const t = await createTestApp('postgres');
      try {
        await t.request({
          method: 'POST',
          url: '/api/v1/blocklist',
          payload: { kind: 'phone', value: '+8613977778888' },
        });
        const input = newOrderInput({ externalId: 'race-review' });
        const order = (
          await t.request({
            method: 'POST',
            url: '/api/v1/orders',
            payload: {
              ...input,
              shippingAddress: { ...(input.shippingAddress as object), phone: '+8613977778888' },
            },
          })
        ).json();
        assert.ok(order.holds.includes('HIGH_RISK'));
        const responses = await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            t.request({
              method: 'POST',
              url: `/api/v1/orders/${order.id}/review/processor`,
              payload: i % 2 ? { decision: 'approve' } : { decision: 'reject', reason: `reviewer ${i}` },
              role: 'order_processor',
            }),
          ),
        );
        assert.equal(responses.filter((r) => r.statusCode === 200).length, 1);
        assert.ok(responses.filter((r) => r.statusCode !== 200).every((r) => r.statusCode === 409));
        const decisions = await t.app.database.db
          .selectFrom('review_decisions')
          .selectAll()
          .where('order_id', '=', order.id)
          .execute();
        assert.equal(decisions.length, 1);
      } finally {
        await t.close();
      }
    });

    it('gives two people claiming at once two different orders', async () => {
      const t = await createTestApp('postgres');
      try {
        for (let i = 0; i < 6; i += 1)
          await t.request({
            method: 'POST',
            url: '/api/v1/orders',
            payload: newOrderInput({ externalId: `claim-${i}`, payment: { status: 'pending' } }),
          });
        const staff = t.app.staff;
        const actors = await Promise.all(
          ['a.one', 'b.two', 'c.three', 'd.four'].map((u) =>
            staff.createUser(
              { type: 'system', id: null, name: 'test' },
              { username: u, role: 'order_processor', password: 'processor-9' },
            ),
          ),
        );
        const claims = await Promise.all(
          actors.map((u) => t.app.orders.queue.claimNext({ type: 'user', id: u.id, name: u.username }, {})),
        );
        assert.equal(new Set(claims.map((c) => c.id)).size, claims.length);
      } finally {
        await t.close();
      }
    });
  });
}
