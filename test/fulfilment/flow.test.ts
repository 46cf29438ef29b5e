import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderExplanation } from '../../src/contracts/explanations.ts';
import { shipmentsForOrders, signTrackingBody } from '../../src/modules/logistics/index.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { readJson } from '../../src/platform/db/dialect.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput, stockUp } from '../helpers/factories.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = any;

const standardCard = {
  zones: [
    { id: 'near', regions: ['CN/浙江省', 'CN/上海市'] },
    { id: 'far', regions: ['CN'] },
  ],
  rates: [
    {
      zoneId: 'near',
      firstWeightGrams: 1000,
      firstPrice: '8.00',
      extraWeightStepGrams: 1000,
      extraPrice: '2.00',
    },
    {
      zoneId: 'far',
      firstWeightGrams: 1000,
      firstPrice: '12.00',
      extraWeightStepGrams: 1000,
      extraPrice: '5.00',
    },
  ],
  volumetricDivisor: 6000,
};

for (const dialect of testDialects) {
  describe(`from allocated to delivered on ${dialect}`, () => {
    const clock = fixedClock('2026-11-20T09:00:00Z');
    const t = useTestApp(dialect, { clock });
    const api = async (
      method: 'GET' | 'POST' | 'PUT' | 'PATCH',
      url: string,
      payload?: object,
      role = 'admin',
    ) => {
      const response = await t.current.request({ method, url: `/api/v1${url}`, payload, role });
      return { status: response.statusCode, body: response.json() as Json };
    };
    const push = (carrier: string, body: string, signature?: string) =>
      t.current.server.inject({
        method: 'POST',
        url: `/api/v1/carriers/${carrier}/tracking`,
        payload: body,
        headers: {
          'content-type': 'application/json',
          ...(signature ? { 'x-ordo-signature': signature } : {}),
        },
      });
    const state = { secret: '', orderId: '', shipmentId: '', tracking: '' };

    it('sets up a carrier (secret shown once), stock and an allocated order', async () => {
      const created = await api('POST', '/carriers', {
        code: 'yt',
        name: '圆通速递',
        trackingPrefix: 'YT',
        trackingRangeStart: 5000,
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      state.secret = created.body.trackingSecret;
      assert.ok(state.secret.length >= 32, 'a signing secret is issued');
      assert.equal(
        (await api('GET', '/carriers')).body.items[0].trackingSecret,
        undefined,
        'and never shown again',
      );
      const service = await api('PUT', '/carriers/yt/services', {
        code: 'std',
        name: '标准快递',
        kind: 'standard',
        rateCard: standardCard,
      });
      assert.equal(service.status, 200, JSON.stringify(service.body));
      await api('POST', '/skus', {
        code: 'TEA-1',
        name: '龙井 250g',
        price: '59.90',
        barcode: '6901234567892',
      });
      await api('POST', '/inventory/adjustments', {
        sku: 'TEA-1',
        warehouse: 'main',
        delta: 10,
        reason: 'stock',
      });
      const order = await api('POST', '/orders', newOrderInput({ externalId: `flow-${dialect}` }));
      // The factory orders 2 × TEE-RED-M; this test ships tea instead.
      assert.equal(order.status, 201);
      const tea = await api(
        'POST',
        '/orders',
        newOrderInput({
          externalId: `flow-tea-${dialect}`,
          lines: [{ sku: 'TEA-1', quantity: 2, unitPrice: '59.90' }],
        }),
      );
      assert.equal(tea.body.status, 'approved', JSON.stringify(tea.body.holds));
      state.orderId = tea.body.id;
      await t.current.app.orders.allocation.allocateApproved();
      assert.equal((await api('GET', `/orders/${state.orderId}`)).body.status, 'allocated');
    });

    it('builds a wave sorted by bin, refuses an over-pick, and completes on scans', async () => {
      assert.equal(
        (await api('POST', '/waves', { warehouse: 'nowhere' })).body.error.code,
        'UNKNOWN_WAREHOUSE',
      );
      const wave = await api('POST', '/waves', { warehouse: 'main', itemMix: 'multi' });
      assert.equal(wave.status, 201, JSON.stringify(wave.body));
      assert.deepEqual(
        wave.body.orders.map((o: Json) => o.id),
        [state.orderId],
      );
      assert.deepEqual(
        wave.body.lines.map((l: Json) => [l.sku, l.quantity]),
        [['TEA-1', 2]],
      );
      assert.equal((await api('GET', `/orders/${state.orderId}`)).body.status, 'picking');
      const again = await api('POST', '/waves', { warehouse: 'main' });
      assert.equal(again.body.error.code, 'NOTHING_TO_WAVE', 'an order is in one wave at a time');
      const over = await api('POST', `/waves/${wave.body.id}/picks`, { sku: 'TEA-1', quantity: 3 });
      assert.equal(over.body.error.code, 'OVER_PICK');
      const stranger = await api('POST', `/waves/${wave.body.id}/picks`, { sku: 'NOPE', quantity: 1 });
      assert.equal(stranger.status, 400);
      await api('POST', `/waves/${wave.body.id}/picks`, { sku: '6901234567892', quantity: 1 });
      const done = await api('POST', `/waves/${wave.body.id}/picks`, { sku: 'TEA-1', quantity: 1 });
      assert.equal(done.body.status, 'picked');
      assert.equal(done.body.pickedUnits, 2);
    });

    it('packs only when the scans match the order: a wrong or extra item blocks it', async () => {
      const view = await api('GET', `/packing/${(await api('GET', `/orders/${state.orderId}`)).body.number}`);
      assert.deepEqual(
        view.body.items.map((i: Json) => [i.sku, i.quantity]),
        [['TEA-1', 2]],
      );
      const wrong = await api('POST', `/orders/${state.orderId}/pack`, {
        scans: ['TEA-1', 'TEE-RED-M'],
        weightGrams: 600,
      });
      assert.equal(wrong.status, 409);
      assert.equal(wrong.body.error.code, 'PACK_MISMATCH');
      assert.deepEqual(wrong.body.error.details.extra, [{ scan: 'TEE-RED-M', quantity: 1 }]);
      assert.deepEqual(wrong.body.error.details.missing, [{ sku: 'TEA-1', quantity: 1 }]);
      const extra = await api('POST', `/orders/${state.orderId}/pack`, {
        scans: ['TEA-1', '6901234567892', 'TEA-1'],
        weightGrams: 600,
      });
      assert.equal(extra.body.error.code, 'PACK_MISMATCH');
      assert.equal((await api('GET', `/orders/${state.orderId}`)).body.status, 'picking', 'nothing changed');
      const packed = await api('POST', `/orders/${state.orderId}/pack`, {
        scans: ['TEA-1', '6901234567892'],
        weightGrams: 1200,
        lengthMm: 300,
        widthMm: 200,
        heightMm: 100,
      });
      assert.equal(packed.status, 200, JSON.stringify(packed.body));
      assert.equal(packed.body.status, 'packed');
    });

    it('ships with the rules choosing the service, a tracking number from the range and the stock issued', async () => {
      const shipped = await api('POST', `/orders/${state.orderId}/ship`, {});
      assert.equal(shipped.status, 201, JSON.stringify(shipped.body));
      state.shipmentId = shipped.body.id;
      state.tracking = shipped.body.trackingNumber;
      assert.equal(state.tracking, 'YT0000005000');
      // 1.2 kg actual, 30×20×10 cm = 6000 cm³ → 1 kg volumetric; Zhejiang is the near zone:
      // 8.00 for the first kg + 2.00 for one started extra kg.
      assert.equal(shipped.body.price, '10.00');
      assert.match(shipped.body.explanation, /standard/);
      // Stored as a key with parameters too: the Chinese console reads it without English.
      assert.equal(renderExplanation(shipped.body.decision, 'en'), shipped.body.explanation);
      assert.match(renderExplanation(shipped.body.decision, 'zh-CN'), /^标准：普通订单；/);
      const order = (await api('GET', `/orders/${state.orderId}`)).body;
      assert.equal(order.status, 'shipped');
      assert.equal(order.shipments[0].trackingNumber, state.tracking);
      // The timeline's shipped event keeps the same key, so it too reads in Chinese.
      const shippedEvent = order.events.find((e: { type: string }) => e.type === 'shipped');
      assert.deepEqual(shippedEvent.data.decision, shipped.body.decision);
      const composed = await shipmentsForOrders(t.current.app.database.db, [state.orderId, 'no-such-order']);
      assert.deepEqual(
        [...composed].map(([orderId, list]) => [
          orderId,
          list.map((s) => [s.carrier, s.trackingNumber, s.status]),
        ]),
        [[state.orderId, [['圆通速递', state.tracking, 'label_created']]]],
        'the order page is composed from logistics, not read from its tables',
      );
      const level = (await api('GET', '/inventory/levels?sku=TEA-1')).body.items[0];
      assert.deepEqual([level.onHand, level.reserved], [8, 0], 'the two units left the building');
      const label = await t.current.request({
        method: 'GET',
        url: `/api/v1/shipments/${state.shipmentId}/label.pdf`,
      });
      assert.equal(label.statusCode, 200);
      assert.equal(label.headers['content-type'], 'application/pdf');
      assert.equal(label.rawPayload.subarray(0, 5).toString(), '%PDF-');
    });

    it('refuses tracking pushes with a missing or wrong signature and stores nothing', async () => {
      const body = JSON.stringify({
        events: [
          {
            eventId: 'e0',
            trackingNumber: state.tracking,
            status: 'Delivered',
            occurredAt: '2026-11-21T10:00:00Z',
          },
        ],
      });
      const missing = await push('yt', body);
      assert.equal(missing.statusCode, 401);
      const wrong = await push('yt', body, `sha256=${signTrackingBody('not-the-secret', body)}`);
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json().error.code, 'INVALID_SIGNATURE');
      const tampered = await push(
        'yt',
        body.replace('Delivered', 'InTransit'),
        `sha256=${signTrackingBody(state.secret, body)}`,
      );
      assert.equal(tampered.statusCode, 401);
      assert.deepEqual((await api('GET', `/shipments/${state.shipmentId}`)).body.events, []);
    });

    it('stores each event once, ignores older events for the status, and delivers the order', async () => {
      const send = (events: object[]) => {
        const body = JSON.stringify({ events });
        return push('yt', body, `sha256=${signTrackingBody(state.secret, body)}`);
      };
      const first = await send([
        {
          eventId: 'e1',
          trackingNumber: state.tracking,
          status: 'InTransit',
          occurredAt: '2026-11-20T12:00:00Z',
          location: '杭州',
        },
        {
          eventId: 'e2',
          trackingNumber: state.tracking,
          status: 'OutForDelivery',
          occurredAt: '2026-11-21T08:00:00Z',
        },
        { eventId: 'x', trackingNumber: 'UNKNOWN1', status: 'InTransit', occurredAt: '2026-11-21T08:00:00Z' },
      ]);
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(first.json(), { accepted: 2, duplicates: 0, unknown: ['UNKNOWN1'] });
      const replay = await send([
        {
          eventId: 'e1',
          trackingNumber: state.tracking,
          status: 'InTransit',
          occurredAt: '2026-11-20T12:00:00Z',
        },
      ]);
      assert.deepEqual(replay.json(), { accepted: 0, duplicates: 1, unknown: [] });
      // An older scan arriving late is kept in the history but does not move the status back.
      const late = await send([
        {
          eventId: 'e0b',
          trackingNumber: state.tracking,
          status: 'InTransit',
          occurredAt: '2026-11-20T18:00:00Z',
        },
      ]);
      assert.equal(late.json().accepted, 1);
      let shipment = (await api('GET', `/shipments/${state.shipmentId}`)).body;
      assert.equal(shipment.status, 'out_for_delivery');
      assert.equal(shipment.events.length, 3);
      await send([
        {
          eventId: 'e3',
          trackingNumber: state.tracking,
          status: 'Delivered',
          occurredAt: '2026-11-21T11:00:00Z',
        },
      ]);
      shipment = (await api('GET', `/shipments/${state.shipmentId}`)).body;
      assert.equal(shipment.status, 'delivered');
      assert.equal(shipment.deliveredAt, '2026-11-21T11:00:00.000Z');
      assert.equal((await api('GET', `/orders/${state.orderId}`)).body.status, 'delivered');
      const cards = (await api('GET', '/carriers/scorecards?from=2026-11-01&to=2026-11-30')).body;
      assert.equal(cards.items[0].parcels, 1);
      assert.equal(cards.items[0].onTimeRate, 1);
      assert.equal(cards.items[0].firstAttemptRate, 1);
    });

    it('raises one exception per kind when a shipment goes silent, each a shipment.exception event, and the risk module opens one case on them', async () => {
      await stockUp(t.current.app, { sku: 'TEA-1', delta: 5 });
      const order = await api(
        'POST',
        '/orders',
        newOrderInput({
          externalId: `silent-${dialect}`,
          lines: [{ sku: 'TEA-1', quantity: 2, unitPrice: '59.90' }],
        }),
      );
      await t.current.app.orders.allocation.allocateApproved();
      const wave = (await api('POST', '/waves', { warehouse: 'main' })).body;
      await api('POST', `/waves/${wave.id}/picks`, { sku: 'TEA-1', quantity: 2 });
      await api('POST', `/orders/${order.body.id}/pack`, { scans: ['TEA-1', 'TEA-1'], weightGrams: 900 });
      await api('POST', `/orders/${order.body.id}/ship`, {});
      clock.advance(50 * 60 * 60 * 1000);
      const first = await t.current.app.logistics.tracking.detectProblems();
      const second = await t.current.app.logistics.tracking.detectProblems();
      assert.ok(first.opened >= 1, 'no scan for 50 hours raises an exception');
      assert.equal(second.opened, 0, 'and only one');
      const raised = await t.current.app.database.db
        .selectFrom('shipment_exceptions')
        .select('kind')
        .where('order_id', '=', order.body.id)
        .execute();
      assert.deepEqual(raised.map((e) => e.kind).sort(), ['late', 'no_scan']);
      const events = await t.current.app.database.db
        .selectFrom('outbox')
        .select('payload')
        .where('type', '=', 'shipment.exception')
        .execute();
      const kinds = events
        .map((e) => readJson<{ orderId: string; kind: string }>(e.payload))
        .filter((p) => p.orderId === order.body.id)
        .map((p) => p.kind)
        .sort();
      assert.deepEqual(kinds, ['late', 'no_scan'], 'one shipment.exception event per exception raised');
      await t.current.app.dispatcher.drain();
      const cases = (await api('GET', '/risk/cases')).body.items.filter(
        (c: Json) => c.orderId === order.body.id,
      );
      assert.deepEqual(
        cases.map((c: Json) => c.caseType),
        ['delayed'],
        'no scan and late are one delay case, worked in the risk module',
      );
      assert.equal((await api('GET', '/cases')).status, 404, 'fulfilment has no cases of its own');
    });
  });
}
