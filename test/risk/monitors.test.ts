import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { fixedClock } from '../../src/platform/clock.ts';
import { uuidv7 } from '../../src/platform/ids.ts';
import { connectChannel } from '../channels/channel-helpers.ts';
import { testDialects } from '../helpers/db.ts';
import { newCarrier, stockUp } from '../helpers/factories.ts';
import { startMailCatcher } from '../helpers/smtp.ts';
import { type Json, useMonitorTestApp } from './monitor-kit.ts';

const catcher = await startMailCatcher();
after(() => catcher.close());

/*
 * The monitors over carriers, stock, demand and interfaces (docs/risk.md): each crosses its
 * threshold on generated traffic, takes its control measure, alerts once, and undo restores.
 * Every monitor is scoped to its own carrier, SKU or channel, so the cycles of one test do not
 * judge another's traffic.
 */
for (const dialect of testDialects) {
  describe(`risk monitors over logistics, stock, demand and interfaces on ${dialect}`, () => {
    const clock = fixedClock('2026-11-23T02:00:00Z');
    const { t, app, call, api, order } = useMonitorTestApp(dialect, 'mon', {
      clock,
      env: { SMTP_URL: catcher.url },
    });
    const monitor = (body: Record<string, unknown>) =>
      api('POST', '/risk/monitors', {
        windowMinutes: 60,
        minVolume: 4,
        warning: 0.25,
        critical: 0.5,
        ...body,
      });
    /** Two cycles: the second must neither alert nor measure again. */
    const evaluateTwice = async (monitorId: string) => {
      const first = (await api('POST', '/risk/monitors/evaluate')).items.find(
        (i: Json) => i.monitorId === monitorId,
      );
      await api('POST', '/risk/monitors/evaluate');
      const alerts = (await api('GET', `/risk/alerts?monitorId=${monitorId}`)).items;
      const mine = (await api('GET', '/risk/monitors')).items.find((m: Json) => m.id === monitorId);
      assert.equal(alerts.length, 1, 'one alert per monitor and level');
      assert.equal(mine.measures.length, 1, 'the measure is taken once');
      return { first, alert: alerts[0], measure: mine.measures[0] };
    };
    const undo = (measureId: string) => api('POST', `/risk/measures/${measureId}/undo`);
    const mailsTo = (address: string) => catcher.mails.filter((m) => m.to.includes(address));

    /** Parcels of a carrier shipped ten minutes ago (one order each), written as logistics records them. */
    const shipments = async (carrierId: string, rows: { status: string; promisedBy?: string }[]) => {
      const carrier = await app().logistics.carriers.get(carrierId);
      const shippedAt = new Date(clock.now().getTime() - 10 * 60_000).toISOString();
      const parcels: { orderId: string; shipmentId: string }[] = [];
      for (const [i, row] of rows.entries()) {
        const placed = await order();
        const id = uuidv7(clock.now().getTime());
        parcels.push({ orderId: placed.id, shipmentId: id });
        await app()
          .database.db.insertInto('shipments')
          .values({
            id,
            order_id: placed.id,
            carrier_id: carrier.id,
            service_id: carrier.services[0]!.id,
            tracking_number: `${carrier.code}-${placed.externalId}-${i}`,
            status: row.status,
            weight_grams: 500,
            price_minor: 1200,
            explanation: 'test parcel',
            decision: null,
            promised_by: row.promisedBy ?? null,
            shipped_at: shippedAt,
            delivered_at: null,
            last_event_at: null,
            first_attempt_ok: null,
          })
          .execute();
      }
      return parcels;
    };

    it('carrier late rate: switches away from the late carrier, alerts once, undo puts it back', async () => {
      await newCarrier(app(), { code: `late-${dialect}` });
      const passed = new Date(clock.now().getTime() - 60_000).toISOString();
      const ahead = new Date(clock.now().getTime() + 86_400_000).toISOString();
      await shipments(`late-${dialect}`, [
        { status: 'in_transit', promisedBy: passed },
        { status: 'in_transit', promisedBy: passed },
        { status: 'in_transit', promisedBy: passed },
        { status: 'in_transit', promisedBy: ahead },
      ]);
      const created = await monitor({
        name: 'Late parcels',
        metric: 'carrier_late_rate',
        carrier: `late-${dialect}`,
        measure: { kind: 'switch_default_carrier', level: 'warning' },
      });
      const { first, measure } = await evaluateTwice(created.id);
      assert.deepEqual([first.value, first.volume, first.level], [0.75, 4, 'critical']);
      assert.equal((await app().logistics.carriers.get(`late-${dialect}`)).isActive, false);
      assert.deepEqual(measure.params, { level: 'warning', carrier: `late-${dialect}`, wasActive: true });
      await undo(measure.id);
      assert.equal((await app().logistics.carriers.get(`late-${dialect}`)).isActive, true);
    });

    it('refuses a monitor naming an unknown carrier, storing nothing', async () => {
      const before = (await api('GET', '/risk/monitors')).items.length;
      const bad = await call('POST', '/risk/monitors', {
        name: 'Nobody',
        metric: 'carrier_backlog',
        carrier: 'no-such-carrier',
        windowMinutes: 60,
        minVolume: 1,
        warning: 0.5,
        critical: 0.9,
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details.field, 'carrier');
      const share = await call('POST', '/risk/monitors', {
        name: 'Share above one',
        metric: 'hold_rate',
        windowMinutes: 60,
        minVolume: 1,
        warning: 0.5,
        critical: 2,
      });
      assert.equal(share.statusCode, 400);
      assert.equal((await api('GET', '/risk/monitors')).items.length, before);
    });

    it('carrier loss rate: notifies the logistics role by e-mail, once', async () => {
      await newCarrier(app(), { code: `loss-${dialect}` });
      const email = `logistics-${dialect}@example.com`;
      await app().staff.createUser(
        { type: 'system', id: null, name: 'test' },
        { username: `logi-${dialect}`, role: 'logistics', password: 'logistics-pass-1', email },
      );
      const parcels = await shipments(`loss-${dialect}`, [
        { status: 'in_transit' },
        { status: 'in_transit' },
        { status: 'in_transit' },
        { status: 'in_transit' },
      ]);
      for (const parcel of parcels.slice(0, 2))
        await api('POST', '/risk/cases', { caseType: 'lost_parcel', ...parcel });
      const created = await monitor({
        name: 'Lost parcels',
        metric: 'carrier_loss_rate',
        carrier: `loss-${dialect}`,
        measure: { kind: 'notify_role', level: 'critical', role: 'logistics' },
      });
      const { first, measure } = await evaluateTwice(created.id);
      assert.deepEqual([first.value, first.level], [0.5, 'critical']);
      assert.deepEqual(measure.params, { level: 'critical', role: 'logistics', mailed: 1 });
      await app().service.notifications.whenIdle();
      assert.equal(mailsTo(email).length, 1);
      assert.ok((await undo(measure.id)).undoneAt);
    });

    it('carrier backlog: parcels not yet scanned raise the alert, acknowledged with a note', async () => {
      await newCarrier(app(), { code: `slow-${dialect}` });
      await shipments(`slow-${dialect}`, [
        { status: 'label_created' },
        { status: 'label_created' },
        { status: 'in_transit' },
        { status: 'delivered' },
      ]);
      const created = await monitor({
        name: 'Backlog',
        metric: 'carrier_backlog',
        carrier: `slow-${dialect}`,
        measure: { kind: 'notify', level: 'warning' },
      });
      const { first, alert } = await evaluateTwice(created.id);
      assert.deepEqual([first.value, first.level], [0.5, 'critical']);
      const acknowledged = await api('POST', `/risk/alerts/${alert.id}/acknowledge`, {
        note: 'called the depot',
      });
      assert.deepEqual([acknowledged.status, acknowledged.note], ['acknowledged', 'called the depot']);
    });

    it('backorder rate: forces review above an amount, undo restores the rule', async () => {
      await api('POST', '/channels', { id: `bo-${dialect}`, name: 'Backorders', kind: 'marketplace' });
      await api('POST', '/skus', { code: `BO-${dialect}`, name: 'Scarce', price: '59.90' });
      const lines = [{ sku: `BO-${dialect}`, quantity: 2, unitPrice: '59.90' }];
      for (let i = 0; i < 4; i += 1) await order({ channel: `bo-${dialect}`, lines });
      await app().orders.allocation.allocateApproved();
      const created = await monitor({
        name: 'Backorders',
        metric: 'backorder_rate',
        channel: `bo-${dialect}`,
        measure: { kind: 'force_review_above_amount', level: 'warning', amountMinor: 10_000 },
      });
      const { first, measure } = await evaluateTwice(created.id);
      assert.deepEqual([first.value, first.level], [1, 'critical']);
      const big = await order();
      assert.equal(big.status, 'pending_review', 'a 129.80 order is above 100.00');
      assert.ok(big.holds.includes('AMOUNT_OVER_LIMIT'));
      const small = await order({
        lines: [{ sku: `BO-${dialect}`, quantity: 1, unitPrice: '50.00' }],
        total: '60.00',
        payment: { status: 'paid', method: 'alipay', paidAmount: '60.00' },
      });
      assert.equal(small.status, 'approved');
      await undo(measure.id);
      assert.equal((await order()).status, 'approved');
    });

    it('stock-out rate and demand spike: stop the SKU sync on the channel, undo resumes it', async () => {
      await connectChannel(t.current, `sync-${dialect}`, 'shopify');
      const sku = `OUT-${dialect}`;
      await api('POST', '/skus', { code: sku, name: 'Hot item', price: '59.90' });
      await stockUp(app(), { sku, delta: 1 });
      await stockUp(app(), { sku, delta: -1 });
      const stockout = await monitor({
        name: 'Stock-out',
        metric: 'stockout_rate',
        sku,
        channel: `sync-${dialect}`,
        minVolume: 1,
        measure: { kind: 'stop_sku_sync', level: 'critical' },
      });
      const out = await evaluateTwice(stockout.id);
      assert.deepEqual([out.first.value, out.first.volume, out.first.level], [1, 1, 'critical']);
      assert.equal(await app().channels.syncAdmin.isSkuExcluded(`sync-${dialect}`, sku), true);
      await undo(out.measure.id);
      assert.equal(await app().channels.syncAdmin.isSkuExcluded(`sync-${dialect}`, sku), false);

      // No forecast yet: less than one unit expected in the window counts as one.
      for (let i = 0; i < 3; i += 1)
        await order({ channel: `sync-${dialect}`, lines: [{ sku, quantity: 2, unitPrice: '59.90' }] });
      const spike = await monitor({
        name: 'Demand spike',
        metric: 'demand_spike',
        sku,
        channel: `sync-${dialect}`,
        warning: 3,
        critical: 5,
        measure: { kind: 'stop_sku_sync', level: 'warning' },
      });
      const jump = await evaluateTwice(spike.id);
      assert.deepEqual([jump.first.value, jump.first.volume, jump.first.level], [6, 6, 'critical']);
      assert.equal(await app().channels.syncAdmin.isSkuExcluded(`sync-${dialect}`, sku), true);
      await undo(jump.measure.id);
      assert.equal(await app().channels.syncAdmin.isSkuExcluded(`sync-${dialect}`, sku), false);
    });

    it('interface failures: pauses auto-approval for the failing channel, undo restores', async () => {
      const channel = `if-${dialect}`;
      await connectChannel(t.current, channel, 'shopify');
      const receivedAt = clock.now().toISOString();
      await app()
        .database.db.insertInto('channel_deliveries')
        .values(
          ['failed', 'failed', 'failed', 'created'].map((outcome, i) => ({
            id: uuidv7(clock.now().getTime()),
            channel_id: channel,
            source: 'webhook',
            topic: 'orders/create',
            delivery_key: `d-${i}`,
            external_id: null,
            payload: '{}',
            outcome,
            error: outcome === 'failed' ? 'unknown SKU' : null,
            order_id: null,
            received_at: receivedAt,
            processed_at: receivedAt,
          })),
        )
        .execute();
      const created = await monitor({
        name: 'Interface failures',
        metric: 'interface_failures',
        channel,
        measure: { kind: 'pause_channel_auto_approval', level: 'warning' },
      });
      const { first, measure } = await evaluateTwice(created.id);
      assert.deepEqual([first.value, first.volume, first.level], [0.75, 4, 'critical']);
      const held = await order({ channel });
      assert.deepEqual(held.holds, ['CHANNEL_PAUSED']);
      await undo(measure.id);
      assert.equal((await order({ channel })).status, 'approved');
    });
  });
}
