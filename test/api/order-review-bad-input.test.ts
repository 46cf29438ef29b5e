import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';

/** Bad input on the review, rules and settings paths: a 4xx naming the field, nothing changed. */
for (const dialect of testDialects) {
  describe(`bad input on review paths on ${dialect}`, () => {
    const t = useTestApp(dialect);
    const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
      t.current.request({ method, url, payload });

    async function expectField(
      response: Promise<{
        statusCode: number;
        json(): { error: { code: string; details?: { field?: string } } };
      }>,
      status: number,
      field: string,
    ) {
      const reply = await response;
      assert.equal(reply.statusCode, status);
      assert.equal(reply.json().error.details?.field, field);
    }

    it('refuses bad order settings and keeps the old ones', async () => {
      const before = (await api('GET', '/api/v1/settings/orders')).json();
      const calendar = { ...before.policy.calendar, timeZone: 'Mars/Olympus_Mons' };
      await expectField(
        api('PATCH', '/api/v1/settings/orders', { policy: { ...before.policy, calendar } }),
        400,
        'policy.calendar.timeZone',
      );
      await expectField(
        api('PATCH', '/api/v1/settings/orders', { autohold: { isEnabled: true, minutes: 0 } }),
        400,
        'autohold.minutes',
      );
      await expectField(
        api('PATCH', '/api/v1/settings/orders', { merge: { mode: 'sometimes' } }),
        400,
        'merge.mode',
      );
      assert.deepEqual((await api('GET', '/api/v1/settings/orders')).json(), before);
    });

    it('refuses bad payments, notes, releases and claims on an order, changing nothing', async () => {
      const order = (
        await api(
          'POST',
          '/api/v1/orders',
          newOrderInput({ externalId: 'bad-review-1', payment: { status: 'pending' } }),
        )
      ).json();
      await expectField(
        api('POST', `/api/v1/orders/${order.id}/payment`, { status: 'paid', paidAmount: 'lots' }),
        400,
        'paidAmount',
      );
      await expectField(
        api('POST', `/api/v1/orders/${order.id}/payment`, { status: 'maybe' }),
        400,
        'status',
      );
      await expectField(
        api('POST', `/api/v1/orders/${order.id}/notes`, { direction: 'internal', body: '   ' }),
        400,
        'body',
      );
      await expectField(api('POST', `/api/v1/orders/${order.id}/holds/release`, { codes: [] }), 400, 'codes');
      await expectField(
        api('POST', `/api/v1/orders/${order.id}/holds/release`, { codes: ['NOT_A_HOLD'] }),
        400,
        'codes',
      );
      const after = (await api('GET', `/api/v1/orders/${order.id}`)).json();
      assert.equal(after.status, 'pending_review');
      assert.equal(after.payment.status, 'pending');
      const cancelled = (await api('POST', `/api/v1/orders/${order.id}/cancel`, { reason: 'test' })).json();
      const claim = await api('POST', `/api/v1/orders/${cancelled.id}/claim`);
      assert.equal(claim.statusCode, 409);
      assert.equal(claim.json().error.code, 'NOT_ON_HOLD');
      assert.equal(
        (await api('POST', `/api/v1/orders/${order.id}/payment`, { status: 'paid' })).json().error.code,
        'INVALID_TRANSITION',
      );
    });

    it('refuses a dry run or merge that makes no sense', async () => {
      await expectField(api('POST', '/api/v1/audit-rules/dry-run', { rules: [], days: 7 }), 400, 'rules');
      await expectField(
        api('POST', '/api/v1/audit-rules/dry-run', {
          rules: [{ code: 'VELOCITY', enabled: true, params: {} }],
          days: 400,
        }),
        400,
        'days',
      );
      await expectField(api('POST', '/api/v1/orders/merge', { orderIds: ['only-one'] }), 400, 'orderIds');
      const unknown = await api('POST', '/api/v1/orders/merge', { orderIds: ['nope-1', 'nope-2'] });
      assert.equal(unknown.statusCode, 404);
    });
  });
}
