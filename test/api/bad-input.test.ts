import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';

/**
 * Every kind of bad input over real HTTP: the right 4xx with a code naming the problem,
 * nothing stored, and the server still serving the next request.
 */
for (const dialect of testDialects) {
  describe(`bad input on ${dialect}`, () => {
    let t: TestApp;
    let base: string;
    let key: string;

    before(async () => {
      t = await createTestApp(dialect);
      await t.server.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(t.server.server.address() as AddressInfo).port}`;
      key = await t.keyFor('integration');
    });
    after(() => t.close());

    const orderCount = async () =>
      Number(
        (
          await t.app.database.db
            .selectFrom('orders')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    async function send(body: string, headers: Record<string, string> = {}, path = '/api/v1/orders') {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
        body,
      });
      return {
        status: response.status,
        body: (await response.json()) as {
          error: { code: string; message: string; details?: { field?: string } };
        },
      };
    }

    /** Sends the bad request and checks the status, the code, the field, that nothing was stored and the server still answers. */
    async function expectRejected(
      body: string,
      expected: { status: number; code: string; field?: string },
      headers: Record<string, string> = {},
    ) {
      const before = await orderCount();
      const { status, body: reply } = await send(body, headers);
      assert.equal(status, expected.status, JSON.stringify(reply));
      assert.equal(reply.error.code, expected.code);
      assert.ok(reply.error.message.length > 0);
      if (expected.field) assert.equal(reply.error.details?.field, expected.field);
      assert.equal(await orderCount(), before, 'nothing may be stored');
      const health = await fetch(`${base}/healthz`);
      assert.equal(health.status, 200);
      return reply;
    }

    it('invalid JSON → 400 INVALID_JSON', async () => {
      await expectRejected('{"channel": "web", ', { status: 400, code: 'INVALID_JSON', field: 'body' });
    });

    it('a missing identifying field → 400 naming the field', async () => {
      for (const field of ['channel', 'externalId', 'placedAt', 'currency', 'total', 'lines'] as const) {
        const { [field]: _gone, ...order } = newOrderInput();
        await expectRejected(JSON.stringify(order), { status: 400, code: 'VALIDATION_FAILED', field });
      }
      await expectRejected(JSON.stringify(newOrderInput({ lines: [{ quantity: 2, unitPrice: '1.00' }] })), {
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'lines.0.sku',
      });
    });

    it('an unreadable identifying field → 400 naming the field', async () => {
      await expectRejected(
        JSON.stringify(newOrderInput({ lines: [{ sku: 'A', quantity: 'two', unitPrice: '1.00' }] })),
        { status: 400, code: 'VALIDATION_FAILED', field: 'lines.0.quantity' },
      );
      await expectRejected(JSON.stringify(newOrderInput({ total: 'lots' })), {
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'total',
      });
      await expectRejected(JSON.stringify(newOrderInput({ placedAt: 'yesterday' })), {
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'placedAt',
      });
      await expectRejected(JSON.stringify(newOrderInput({ currency: 'yuan' })), {
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'currency',
      });
      await expectRejected(JSON.stringify([newOrderInput()]), { status: 400, code: 'VALIDATION_FAILED' });
    });

    it('a total with more decimals than the currency has → 422 INVALID_MONEY naming the field', async () => {
      await expectRejected(JSON.stringify(newOrderInput({ total: '129.805' })), {
        status: 422,
        code: 'INVALID_MONEY',
        field: 'total',
      });
    });

    it('an unknown channel → 422 UNKNOWN_CHANNEL', async () => {
      await expectRejected(JSON.stringify(newOrderInput({ channel: 'atlantis' })), {
        status: 422,
        code: 'UNKNOWN_CHANNEL',
        field: 'channel',
      });
    });

    it('a 5 MB body → 413 PAYLOAD_TOO_LARGE', async () => {
      const huge = JSON.stringify(newOrderInput({ buyerNote: 'x'.repeat(5 * 1024 * 1024) }));
      await expectRejected(huge, { status: 413, code: 'PAYLOAD_TOO_LARGE' });
    });

    it('a replayed order → 200 with the stored order, no second order', async () => {
      const order = newOrderInput({ externalId: 'bad-input-replay' });
      const first = await send(JSON.stringify(order));
      assert.equal(first.status, 201);
      const before = await orderCount();
      const replay = await send(JSON.stringify(order));
      assert.equal(replay.status, 200);
      assert.equal(
        (replay.body as unknown as { id: string }).id,
        (first.body as unknown as { id: string }).id,
      );
      assert.equal(await orderCount(), before);
    });

    it('a wrong API key → 401 INVALID_API_KEY; no credentials → 401 UNAUTHENTICATED', async () => {
      await expectRejected(
        JSON.stringify(newOrderInput()),
        { status: 401, code: 'INVALID_API_KEY', field: 'authorization' },
        { authorization: 'Bearer ordo_wrong' },
      );
      const response = await fetch(`${base}/api/v1/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(newOrderInput()),
      });
      assert.equal(response.status, 401);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'UNAUTHENTICATED');
    });

    it('a revoked API key → 401', async () => {
      const { key: revoked, apiKey } = await t.app.staff.createApiKey(
        { type: 'system', id: null, name: 'test' },
        { name: 'soon revoked', role: 'integration' },
      );
      await t.app.staff.revokeApiKey({ type: 'system', id: null, name: 'test' }, apiKey.id);
      await expectRejected(
        JSON.stringify(newOrderInput()),
        { status: 401, code: 'INVALID_API_KEY' },
        { authorization: `Bearer ${revoked}` },
      );
    });

    it('a role without the permission → 403 FORBIDDEN', async () => {
      const warehouseKey = await t.keyFor('warehouse');
      const reply = await expectRejected(
        JSON.stringify(newOrderInput()),
        { status: 403, code: 'FORBIDDEN' },
        { authorization: `Bearer ${warehouseKey}` },
      );
      assert.match(reply.error.message, /orders:write/);
    });

    it('a batch over 1,000 orders → 400 naming orders', async () => {
      const orders = Array.from({ length: 1001 }, (_, i) => ({ externalId: String(i) }));
      const before = await orderCount();
      const { status, body } = await send(JSON.stringify({ orders }), {}, '/api/v1/orders/batch');
      assert.equal(status, 400);
      assert.equal(body.error.details?.field, 'orders');
      assert.equal(await orderCount(), before);
    });

    it('an unknown route → 404 ROUTE_NOT_FOUND in the error shape', async () => {
      const response = await fetch(`${base}/api/v1/nothing-here`, {
        headers: { authorization: `Bearer ${key}` },
      });
      assert.equal(response.status, 404);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'ROUTE_NOT_FOUND');
    });
  });
}
