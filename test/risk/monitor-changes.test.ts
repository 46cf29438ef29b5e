import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testDialects } from '../helpers/db.ts';
import { newCarrier } from '../helpers/factories.ts';
import { type Json, useMonitorTestApp } from './monitor-kit.ts';

// A monitor is changed field by field (the console's edit form), paused and resumed; a change
// that would make a monitor the create route refuses is refused the same way and stores nothing.
for (const dialect of testDialects) {
  describe(`risk monitor changes on ${dialect}`, () => {
    const { t, call, api } = useMonitorTestApp(dialect, 'changes');

    it('changes only the fields given, pauses and resumes, and refuses a change it could not create', async () => {
      await newCarrier(t.current.app, { code: 'quickship' });
      const created = await api('POST', '/risk/monitors', {
        name: 'Holds',
        metric: 'hold_rate',
        channel: 'web',
        windowMinutes: 60,
        minVolume: 5,
        warning: 0.2,
        critical: 0.4,
        measure: { kind: 'pause_channel_auto_approval', level: 'critical' },
      });
      const changed = await api('PATCH', `/risk/monitors/${created.id}`, {
        name: 'Holds on web',
        warning: 0.3,
        critical: 0.6,
      });
      assert.equal(changed.name, 'Holds on web');
      assert.deepEqual([changed.warning, changed.critical], [0.3, 0.6]);
      assert.equal(changed.channel, 'web', 'fields not given stay');
      assert.equal(changed.measure.kind, 'pause_channel_auto_approval');

      const paused = await api('PATCH', `/risk/monitors/${created.id}`, { isEnabled: false });
      assert.equal(paused.isEnabled, false);
      const cycle = await api('POST', '/risk/monitors/evaluate');
      assert.ok(
        !cycle.items.some((i: Json) => i.monitorId === created.id),
        'a paused monitor is not evaluated',
      );
      assert.equal((await api('PATCH', `/risk/monitors/${created.id}`, { isEnabled: true })).isEnabled, true);

      const inverted = await call('PATCH', `/risk/monitors/${created.id}`, { warning: 0.9 });
      assert.equal(inverted.statusCode, 400);
      assert.equal(inverted.json().error.details.field, 'critical');
      const unknownCarrier = await call('PATCH', `/risk/monitors/${created.id}`, {
        metric: 'carrier_backlog',
        carrier: 'no-such-carrier',
      });
      assert.equal(unknownCarrier.statusCode, 400);
      assert.equal(unknownCarrier.json().error.details.field, 'carrier');
      assert.equal(unknownCarrier.json().error.details.reason, 'noCarrier');
      const noChannel = await call('PATCH', `/risk/monitors/${created.id}`, { channel: null });
      assert.equal(noChannel.statusCode, 400);
      assert.equal(noChannel.json().error.details.field, 'controls.0.channel');
      const stored = await api('GET', `/risk/monitors`);
      const same = stored.items.find((m: Json) => m.id === created.id);
      assert.deepEqual(
        [same.metric, same.channel, same.carrier, same.warning, same.critical],
        ['hold_rate', 'web', null, 0.3, 0.6],
      );

      const carrierMonitor = await api('PATCH', `/risk/monitors/${created.id}`, {
        metric: 'carrier_backlog',
        carrier: 'quickship',
        measure: null,
      });
      assert.deepEqual([carrierMonitor.carrier, carrierMonitor.measure], ['quickship', null]);
      assert.equal((await call('PATCH', '/risk/monitors/nope', { name: 'x' })).statusCode, 404);
    });

    it('describes the change in OpenAPI with its body', async () => {
      const spec = (await t.current.server.inject({ method: 'GET', url: '/openapi.json' })).json();
      const change = spec.paths['/api/v1/risk/monitors/{id}'].patch;
      const body = change.requestBody.content['application/json'].schema;
      assert.ok(body.properties.isEnabled && body.properties.warning, JSON.stringify(body));
      assert.ok(change.responses['200'] && change.responses['400']);
    });
  });
}
