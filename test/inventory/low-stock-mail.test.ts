import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { startMailCatcher } from '../helpers/smtp.ts';

// Crossing the warning line mails the SKU's owner through a real SMTP server.
const catcher = await startMailCatcher();
after(() => catcher.close());

for (const dialect of testDialects) {
  describe(`low-stock mail on ${dialect}`, () => {
    const t = useTestApp(dialect, { env: { SMTP_URL: catcher.url } });
    const api = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) => {
      const response = await t.current.request({ method, url, payload });
      return { status: response.statusCode, body: response.json() };
    };

    it('mails the owner once when available stock falls to the line, and clears the alert above it', async () => {
      const sku = `LOW-${dialect}`;
      const owner = `owner.${dialect}@example.com`;
      const user = await api('POST', '/api/v1/users', {
        username: `buyer-${dialect}`,
        displayName: '采购 王',
        email: owner,
        role: 'ops_manager',
        password: 'owner-password-1',
      });
      assert.equal(user.status, 201, JSON.stringify(user.body));
      assert.equal(
        (await api('POST', '/api/v1/skus', { code: sku, name: '绿茶 250g', price: '39.00' })).status,
        201,
      );
      assert.equal(
        (await api('PATCH', `/api/v1/inventory/skus/${sku}`, { ownerUserId: user.body.id })).status,
        200,
      );
      await api('POST', '/api/v1/inventory/adjustments', {
        sku,
        warehouse: 'main',
        delta: 12,
        reason: 'opening',
      });
      const plan = await api('PUT', '/api/v1/inventory/plans', {
        sku,
        warehouse: 'main',
        mode: 'manual',
        warningLine: 5,
      });
      assert.equal(plan.status, 200, JSON.stringify(plan.body));
      assert.equal((await api('GET', '/api/v1/inventory/alerts/count')).body.open, 0);

      await api('POST', '/api/v1/inventory/adjustments', {
        sku,
        warehouse: 'main',
        delta: -7,
        reason: 'damaged',
      });
      await api('POST', '/api/v1/inventory/adjustments', {
        sku,
        warehouse: 'main',
        delta: -1,
        reason: 'damaged',
      });
      await t.current.app.dispatcher.drain();
      const alerts = (await api('GET', '/api/v1/inventory/alerts')).body.items;
      assert.deepEqual(
        alerts.map((a: Record<string, unknown>) => [a.sku, a.available, a.warningLine]),
        [[sku, 5, 5]],
        'one alert, raised when stock first reached the line',
      );
      const mails = catcher.mails.filter((m) => m.to.includes(owner));
      assert.equal(mails.length, 1);
      assert.match(mails[0].raw, new RegExp(`Subject: .*${sku}`));
      assert.match(mails[0].text, /5 available in warehouse main/);
      assert.match(mails[0].text, /已低于预警线 5/);

      await api('POST', '/api/v1/inventory/adjustments', {
        sku,
        warehouse: 'main',
        delta: 10,
        reason: 'found',
      });
      assert.equal((await api('GET', '/api/v1/inventory/alerts/count')).body.open, 0);
      const all = (await api('GET', '/api/v1/inventory/alerts?status=all')).body.items;
      assert.ok(all[0].clearedAt, 'the alert is closed once stock is back above the line');
    });
  });
}
