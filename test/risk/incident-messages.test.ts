import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { fixedClock } from '../../src/platform/clock.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newCarrier, newOrderInput } from '../helpers/factories.ts';
import { startMailCatcher } from '../helpers/smtp.ts';

// Incidents select orders by carrier; customer messages of incidents and cases go out in the
// order's language through the notification templates, and show in the notification log.

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = any;

const catcher = await startMailCatcher();
after(() => catcher.close());

for (const dialect of testDialects) {
  describe(`risk customer messages on ${dialect}`, () => {
    const clock = fixedClock('2026-11-23T02:00:00Z');
    const t = useTestApp(dialect, { clock, env: { SMTP_URL: catcher.url } });
    const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
      const response = await t.current.request({ method, url: `/api/v1${url}`, payload });
      assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
      return response.json() as Json;
    };
    const mailsTo = (address: string) => catcher.mails.filter((m) => m.to.includes(address));
    const settle = async () => {
      await t.current.app.dispatcher.drain();
      await t.current.app.service.notifications.whenIdle();
    };
    let sequence = 0;
    const order = (email: string, overrides: Record<string, unknown> = {}) => {
      sequence += 1;
      return api(
        'POST',
        '/orders',
        newOrderInput({
          externalId: `msg-${dialect}-${sequence}`,
          customer: { name: 'Lin', email },
          lines: [{ sku: 'LAMP-1', quantity: 1, unitPrice: '99.00' }],
          total: '109.00',
          payment: { status: 'paid', method: 'alipay', paidAmount: '109.00' },
          ...overrides,
        }),
      );
    };
    const abroad = {
      shippingAddress: {
        name: 'Ann Lee',
        phone: '+14155550100',
        country: 'US',
        province: 'CA',
        city: 'San Francisco',
        district: '',
        line1: '1 Market St',
        line2: '',
        postalCode: '94105',
      },
      currency: 'USD',
    };

    it('an incident notifies each customer in the order language, logged by the notification service', async () => {
      await api('POST', '/skus', { code: 'LAMP-1', name: 'Lamp', price: '99.00' });
      const zh = await order(`zh-${dialect}@example.com`);
      const en = await order(`en-${dialect}@example.com`, abroad);
      const incident = await api('POST', '/risk/incidents', {
        kind: 'quality_recall',
        severity: 'critical',
        title: 'Lamp cable recall',
        selection: { sku: 'LAMP-1' },
      });
      const result = await api('POST', `/risk/incidents/${incident.id}/actions`, {
        action: 'notify',
        subject: 'Recall: order {number}',
        text: 'Please stop using the lamp of order {number}.',
        translations: {
          'zh-CN': { subject: '召回：订单 {number}', text: '请停止使用订单 {number} 中的台灯。' },
        },
      });
      assert.deepEqual(result, { action: 'notify', done: 2, skipped: 0 });
      await settle();

      const [chinese] = mailsTo(`zh-${dialect}@example.com`);
      assert.match(chinese!.text, new RegExp(`请停止使用订单 ${zh.number} 中的台灯。`));
      const [english] = mailsTo(`en-${dialect}@example.com`);
      assert.match(english!.text, new RegExp(`Please stop using the lamp of order ${en.number}.`));

      const log = await api('GET', `/notifications/messages?orderId=${zh.id}`);
      const logged = log.items.filter((m: Json) => m.event === 'message');
      assert.equal(logged.length, 1);
      assert.equal(logged[0].language, 'zh-CN');
      assert.equal(logged[0].subject, `召回：订单 ${zh.number}`);
      assert.equal(logged[0].status, 'sent');
    });

    it('a case notifies the customer with the playbook message in the order language', async () => {
      const placed = await order(`case-${dialect}@example.com`);
      const opened = await api('POST', '/risk/cases', { caseType: 'damaged', orderId: placed.id });
      await api('POST', `/risk/cases/${opened.id}/actions`, { action: 'notify_customer' });
      await settle();
      const [mail] = mailsTo(`case-${dialect}@example.com`);
      assert.match(mail!.text, new RegExp(`很抱歉，您的订单 ${placed.number} 到货时有破损。`));
    });

    it('selects affected orders by carrier, and nothing without a parcel of that carrier', async () => {
      const carrier = await newCarrier(t.current.app, { code: `CX${dialect.length}` });
      const service = await t.current.app.database.db
        .selectFrom('carrier_services')
        .select('id')
        .where('carrier_id', '=', carrier.id)
        .executeTakeFirstOrThrow();
      const shipped = await order(`carrier-a-${dialect}@example.com`);
      const other = await order(`carrier-b-${dialect}@example.com`);
      await t.current.app.database.db
        .insertInto('shipments')
        .values({
          id: `shp-${dialect}-1`,
          order_id: shipped.id,
          carrier_id: carrier.id,
          service_id: service.id,
          tracking_number: 'CX0001',
          status: 'in_transit',
          weight_grams: 500,
          price_minor: 1200,
          explanation: '',
          decision: null,
          promised_by: null,
          shipped_at: clock.now().toISOString(),
          delivered_at: null,
          last_event_at: null,
          first_attempt_ok: null,
        })
        .execute();
      const preview = await api('POST', '/risk/incidents/preview', { carrier: carrier.code });
      assert.deepEqual(preview.sampleOrderIds, [shipped.id]);
      assert.equal(preview.sampleOrders[0].number, shipped.number);
      assert.ok(!preview.sampleOrderIds.includes(other.id));

      const bad = await t.current.request({
        method: 'POST',
        url: '/api/v1/risk/incidents/preview',
        payload: { carrier: '' },
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details.field, 'carrier');
      const unknown = await t.current.request({
        method: 'POST',
        url: '/api/v1/risk/incidents/preview',
        payload: { carrier: 'no-such-carrier' },
      });
      assert.equal(unknown.statusCode, 400);
      assert.deepEqual(
        [unknown.json().error.details.field, unknown.json().error.details.reason],
        ['carrier', 'noCarrier'],
      );
    });

    it('refuses an incident whose owner is not a user or whose carrier is not configured, storing nothing', async () => {
      const before = (await api('GET', '/risk/incidents')).items.length;
      const declare = (body: object) =>
        t.current.request({
          method: 'POST',
          url: '/api/v1/risk/incidents',
          payload: { kind: 'carrier_outage', severity: 'high', title: 'Depot closed', ...body },
        });
      const noOwner = await declare({ ownerId: 'nobody', selection: { sku: 'LAMP-1' } });
      assert.equal(noOwner.statusCode, 400);
      assert.deepEqual(
        [noOwner.json().error.details.field, noOwner.json().error.details.reason],
        ['ownerId', 'noUser'],
      );
      const noCarrier = await declare({ selection: { carrier: 'no-such-carrier' } });
      assert.equal(noCarrier.statusCode, 400);
      assert.deepEqual(
        [noCarrier.json().error.details.field, noCarrier.json().error.details.reason],
        ['selection.carrier', 'noCarrier'],
      );
      assert.equal((await api('GET', '/risk/incidents')).items.length, before);

      const owner = await t.current.app.database.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      const carrier = await newCarrier(t.current.app, { code: `DEPOT${dialect.length}` });
      const declared = await declare({ ownerId: owner.id, selection: { carrier: carrier.code } });
      assert.equal(declared.statusCode, 201, declared.body);
      assert.equal(declared.json().ownerId, owner.id);
    });
  });
}
