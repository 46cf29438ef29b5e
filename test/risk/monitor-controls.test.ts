import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { fixedClock } from '../../src/platform/clock.ts';
import { testDialects } from '../helpers/db.ts';
import { startMailCatcher } from '../helpers/smtp.ts';
import { type Json, useMonitorTestApp } from './monitor-kit.ts';

const catcher = await startMailCatcher();
after(() => catcher.close());

/*
 * A monitor with several controls (docs/risk.md "Controls"): an alert takes every control of its
 * level or below, each recorded and undone on its own; the deprecated one-`measure` body still
 * works, and a bad entry is refused naming its row.
 */
for (const dialect of testDialects) {
  describe(`risk monitor controls on ${dialect}`, () => {
    const clock = fixedClock('2026-11-23T02:00:00Z');
    const { t, app, call, api, order } = useMonitorTestApp(dialect, 'ctl', {
      clock,
      env: { SMTP_URL: catcher.url },
    });
    const unpaid = { payment: { status: 'pending', method: 'alipay', paidAmount: '0.00' } };
    const base = { metric: 'hold_rate', windowMinutes: 60, minVolume: 4, warning: 0.25, critical: 0.5 };
    const monitors = async () => (await api('GET', '/risk/monitors')).items as Json[];
    const evaluate = async () => api('POST', '/risk/monitors/evaluate');
    const measuresOf = async (id: string) => (await monitors()).find((m) => m.id === id).measures as Json[];

    it('takes the warning controls at warning and the critical ones at critical, each undone on its own', async () => {
      const channel = `mall-${dialect}`;
      await api('POST', '/channels', { id: channel, name: 'Mall', kind: 'marketplace' });
      const manager = `ops-${dialect}@example.com`;
      await app().staff.createUser(
        { type: 'system', id: null, name: 'test' },
        { username: `ops-${dialect}`, role: 'ops_manager', password: 'ops-manager-pass-1', email: manager },
      );
      const controls = [
        { kind: 'notify_role', level: 'warning', role: 'ops_manager' },
        { kind: 'force_review_above_amount', level: 'critical', amountMinor: 10_000 },
        { kind: 'pause_channel_auto_approval', level: 'critical' },
      ];
      const created = await api('POST', '/risk/monitors', { ...base, name: 'Mall holds', channel, controls });
      assert.deepEqual(created.controls, controls);
      assert.deepEqual(created.measure, controls[0], 'the deprecated measure is the first control');

      // One held order in four: the warning level.
      await order({ channel, ...unpaid });
      for (let i = 0; i < 3; i += 1) await order({ channel });
      const warning = (await evaluate()).items.find((i: Json) => i.monitorId === created.id);
      assert.equal(warning.level, 'warning');
      await evaluate();
      const atWarning = await measuresOf(created.id);
      assert.deepEqual(
        atWarning.map((m) => [m.kind, m.alertId]),
        [['notify_role', warning.alertId]],
      );
      await app().service.notifications.whenIdle();
      assert.equal(catcher.mails.filter((m) => m.to.includes(manager)).length, 1);
      assert.equal((await order({ channel })).status, 'approved', 'nothing paused at warning');

      // Four held in eight: the critical level.
      for (let i = 0; i < 3; i += 1) await order({ channel, ...unpaid });
      const critical = (await evaluate()).items.find((i: Json) => i.monitorId === created.id);
      assert.equal(critical.level, 'critical');
      await evaluate();
      const taken = (await measuresOf(created.id)).filter((m) => m.alertId === critical.alertId);
      assert.deepEqual(taken.map((m) => `${m.kind}@${m.params.level}`).sort(), [
        'force_review_above_amount@critical',
        'notify_role@warning',
        'pause_channel_auto_approval@critical',
      ]);
      await app().service.notifications.whenIdle();
      assert.equal(
        catcher.mails.filter((m) => m.to.includes(manager)).length,
        2,
        'a notice repeats on the new alert',
      );
      const held = await order({ channel });
      assert.deepEqual(held.holds.sort(), ['AMOUNT_OVER_LIMIT', 'CHANNEL_PAUSED']);
      assert.deepEqual((await order()).holds, ['AMOUNT_OVER_LIMIT'], 'the amount applies to every channel');

      const byKind = (kind: string) => taken.find((m) => m.kind === kind).id;
      assert.ok((await api('POST', `/risk/measures/${byKind('force_review_above_amount')}/undo`)).undoneAt);
      assert.equal((await order()).status, 'approved', 'the review above the amount is undone');
      assert.deepEqual((await order({ channel })).holds, ['CHANNEL_PAUSED'], 'the pause still stands');
      await api('POST', `/risk/measures/${byKind('pause_channel_auto_approval')}/undo`);
      assert.equal((await order({ channel })).status, 'approved');
      const records = await measuresOf(created.id);
      assert.equal(records.length, 4);
      assert.deepEqual(
        records
          .filter((m) => m.undoneAt)
          .map((m) => m.kind)
          .sort(),
        ['force_review_above_amount', 'pause_channel_auto_approval'],
      );
    });

    it('still takes the deprecated measure as the one control, and refuses it beside controls', async () => {
      const legacy = await api('POST', '/risk/monitors', {
        ...base,
        name: 'Legacy',
        measure: { kind: 'notify', level: 'warning' },
      });
      assert.deepEqual(legacy.controls, [{ kind: 'notify', level: 'warning' }]);
      assert.deepEqual(legacy.measure, legacy.controls[0]);
      const changed = await api('PATCH', `/risk/monitors/${legacy.id}`, {
        measure: { kind: 'pause_channel_auto_approval', level: 'critical', channel: 'web' },
      });
      assert.deepEqual(changed.controls, [
        { kind: 'pause_channel_auto_approval', level: 'critical', channel: 'web' },
      ]);
      const cleared = await api('PATCH', `/risk/monitors/${legacy.id}`, { measure: null });
      assert.deepEqual([cleared.controls, cleared.measure], [[], null]);
      const listed = await api('PATCH', `/risk/monitors/${legacy.id}`, {
        controls: [
          { kind: 'notify', level: 'warning' },
          { kind: 'notify', level: 'critical' },
        ],
      });
      assert.deepEqual(listed.measure, { kind: 'notify', level: 'warning' });

      const both = { controls: [], measure: null };
      const created = await call('POST', '/risk/monitors', { ...base, name: 'Both', ...both });
      assert.equal(created.statusCode, 400);
      assert.equal(created.json().error.details.field, 'measure');
      const patched = await call('PATCH', `/risk/monitors/${legacy.id}`, both);
      assert.equal(patched.statusCode, 400);
      assert.equal(patched.json().error.details.field, 'measure');
      assert.equal((await monitors()).find((m) => m.id === legacy.id).controls.length, 2);
    });

    it('refuses a bad entry naming its row, and stores nothing', async () => {
      const before = (await monitors()).length;
      const refuse = async (controls: object[], field: string) => {
        const response = await call('POST', '/risk/monitors', { ...base, name: 'Bad', controls });
        assert.equal(response.statusCode, 400, response.body);
        assert.equal(response.json().error.details.field, field);
      };
      const notify = { kind: 'notify', level: 'warning' };
      await refuse(
        [notify, { kind: 'force_review_above_amount', level: 'critical' }],
        'controls.1.amountMinor',
      );
      await refuse(
        [notify, { kind: 'pause_channel_auto_approval', level: 'critical' }],
        'controls.1.channel',
      );
      await refuse([notify, { kind: 'notify', level: 'warning' }], 'controls.1.kind');
      await refuse(
        [notify, { kind: 'switch_default_carrier', level: 'critical', carrier: 'nope' }],
        'controls.1.carrier',
      );
      await refuse(
        Array.from({ length: 6 }, (_, i) => ({ ...notify, level: i % 2 ? 'warning' : 'critical' })),
        'controls',
      );
      assert.equal((await monitors()).length, before);

      const spec = (await t.current.server.inject({ method: 'GET', url: '/openapi.json' })).json();
      const body = spec.paths['/api/v1/risk/monitors'].post.requestBody.content['application/json'].schema;
      assert.ok(body.properties.controls && body.properties.measure, JSON.stringify(body));
      assert.equal(body.properties.measure.deprecated, true);
    });
  });
}
