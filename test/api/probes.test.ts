import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';

for (const dialect of testDialects) {
  describe(`probes, metrics and API description on ${dialect}`, () => {
    const t = useTestApp(dialect);

    it('answers /healthz and /readyz without credentials', async () => {
      const health = await t.current.server.inject({ method: 'GET', url: '/healthz' });
      assert.deepEqual(health.json(), { status: 'ok' });
      const ready = await t.current.server.inject({ method: 'GET', url: '/readyz' });
      assert.equal(ready.statusCode, 200);
      assert.equal(ready.json().database, dialect);
    });

    it('counts intake outcomes and times its stages in /metrics', async () => {
      await t.current.request({
        method: 'POST',
        url: '/api/v1/orders',
        payload: newOrderInput({ externalId: 'metrics-1' }),
      });
      await t.current.request({
        method: 'POST',
        url: '/api/v1/orders',
        payload: newOrderInput({ externalId: 'metrics-1' }),
      });
      await t.current.request({
        method: 'POST',
        url: '/api/v1/orders',
        payload: newOrderInput({ channel: 'nowhere' }),
      });
      const metrics = await t.current.server.inject({ method: 'GET', url: '/metrics' });
      assert.match(metrics.headers['content-type'] as string, /text\/plain/);
      assert.match(metrics.body, /ordo_orders_received_total\{channel="web",outcome="created"\} 1/);
      assert.match(metrics.body, /ordo_orders_received_total\{channel="web",outcome="duplicate"\} 1/);
      assert.match(metrics.body, /ordo_orders_received_total\{channel="nowhere",outcome="rejected"\} 1/);
      // Every request is validated; only the one new order reaches the write transaction.
      assert.match(metrics.body, /ordo_intake_stage_seconds_count\{stage="validate"\} 3/);
      assert.match(metrics.body, /ordo_intake_stage_seconds_count\{stage="store"\} 1/);
      assert.match(metrics.body, /ordo_process_resident_memory_bytes/);
    });

    it('describes every API route in OpenAPI 3.1 with its schemas and serves /docs', async () => {
      const spec = (await t.current.server.inject({ method: 'GET', url: '/openapi.json' })).json();
      assert.equal(spec.openapi, '3.1.0');
      for (const path of [
        '/api/v1/orders',
        '/api/v1/orders/batch',
        '/api/v1/orders/{id}',
        '/api/v1/orders/{id}/cancel',
        '/api/v1/skus',
        '/api/v1/users',
        '/api/v1/api-keys',
        '/api/v1/audit-log',
        '/api/v1/auth/login',
        '/api/v1/queue',
        '/api/v1/audit-rules/dry-run',
        '/api/v1/orders/{id}/review/finance',
        '/api/v1/public/address-fix/{token}',
        '/api/v1/settings/orders',
        '/api/v1/orders/efficiency',
      ]) {
        assert.ok(spec.paths[path], `${path} is described`);
      }
      const create = spec.paths['/api/v1/orders'].post;
      assert.ok(create.requestBody.content['application/json'].schema);
      assert.ok(create.responses['201']);
      const docs = await t.current.server.inject({ method: 'GET', url: '/docs/' });
      assert.equal(docs.statusCode, 200);
      assert.match(docs.body, /swagger/i);
    });

    it('sends security headers', async () => {
      const response = await t.current.server.inject({ method: 'GET', url: '/healthz' });
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.match(String(response.headers['content-security-policy']), /default-src 'self'/);
      assert.ok(response.headers['strict-transport-security']);
      assert.equal(response.headers['x-frame-options'], 'SAMEORIGIN');
    });
  });
}
