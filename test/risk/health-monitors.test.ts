import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { fixedClock } from '../../src/platform/clock.ts';
import { testDialects } from '../helpers/db.ts';
import { startMailCatcher } from '../helpers/smtp.ts';
import { type Json, useMonitorTestApp } from './monitor-kit.ts';

const catcher = await startMailCatcher();
after(() => catcher.close());

/*
 * System-health monitors (docs/operations.md "Health alerts"): the installation starts with
 * monitors over the health page's figures; an outbox event waiting past the threshold raises one
 * alert that mails the `it` role, shows on the health page, is acknowledged with a note, and
 * resolves when the outbox catches up.
 */
for (const dialect of testDialects) {
  describe(`system-health monitors on ${dialect}`, () => {
    const clock = fixedClock('2026-11-23T02:00:00Z');
    const { t, app, call, api } = useMonitorTestApp(dialect, 'health', {
      clock,
      env: { SMTP_URL: catcher.url },
    });
    const seeded = async (metric: string) =>
      (await api('GET', '/risk/monitors')).items.find((m: Json) => m.metric === metric);
    const evaluate = async (monitorId: string) =>
      (await api('POST', '/risk/monitors/evaluate')).items.find((i: Json) => i.monitorId === monitorId);
    const email = `it-${dialect}@example.com`;
    const mailsToIt = () => catcher.mails.filter((m) => m.to.includes(email));
    /** An outbox event written `minutesAgo` before the clock, still waiting or a dead letter. */
    const outboxEvent = async (minutesAgo: number, status: 'pending' | 'dead') => {
      const at = new Date(clock.now().getTime() - minutesAgo * 60_000).toISOString();
      const row = await app()
        .database.db.insertInto('outbox')
        .values({
          type: 'order.received',
          payload: '{}',
          status,
          attempts: 0,
          created_at: at,
          available_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    };
    const settle = (id: number) =>
      app().database.db.updateTable('outbox').set({ status: 'done' }).where('id', '=', id).execute();

    it('come with the installation, enabled, notifying the it role, and judge nothing unknown', async () => {
      const monitors = (await api('GET', '/risk/monitors')).items.filter((m: Json) =>
        [
          'outbox_oldest_age_minutes',
          'outbox_backlog',
          'dead_letters',
          'worker_lag_seconds',
          'disk_used_share',
          'database_connections',
        ].includes(m.metric),
      );
      assert.equal(monitors.length, 6);
      for (const m of monitors) {
        assert.equal(m.isEnabled, true);
        assert.deepEqual(m.controls, [{ kind: 'notify_role', level: 'warning', role: 'it' }]);
        assert.deepEqual(m.measure, m.controls[0]);
      }
      // No worker has beaten yet in this test app: the lag is unknown, not judged.
      const lag = await evaluate((await seeded('worker_lag_seconds')).id);
      assert.deepEqual([lag.volume, lag.level], [0, null]);
      const connections = await evaluate((await seeded('database_connections')).id);
      if (dialect === 'sqlite') assert.equal(connections.volume, 0);
      else assert.ok(connections.volume === 1 && connections.value >= 1);
      const disk = await evaluate((await seeded('disk_used_share')).id);
      assert.ok(disk.value > 0 && disk.value < 1);
    });

    it('an outbox event waiting past the threshold alerts once, mails the it role, and resolves when delivered', async () => {
      await app().staff.createUser(
        { type: 'system', id: null, name: 'test' },
        { username: `it-${dialect}`, role: 'it', password: 'it-person-pass-1', email },
      );
      const monitor = await seeded('outbox_oldest_age_minutes');
      const late = await outboxEvent(15, 'pending');

      const first = await evaluate(monitor.id);
      assert.deepEqual([Math.round(first.value), first.volume, first.level], [15, 1, 'warning']);
      assert.ok(first.alertId);
      const second = await evaluate(monitor.id);
      assert.equal(second.alertId, null, 'the second cycle opens nothing');
      const alerts = (await api('GET', `/risk/alerts?monitorId=${monitor.id}`)).items;
      assert.equal(alerts.length, 1, 'one alert per monitor and level');
      assert.equal(mailsToIt().length, 1, 'the it role is mailed once');
      assert.match(mailsToIt()[0]!.raw, /\[Ordo system health\] warning: Outbox events waiting/);

      const health = await api('GET', '/system/health');
      const shown = health.alerts.find((a: Json) => a.id === alerts[0].id);
      assert.deepEqual(
        [shown.monitorName, shown.metric, shown.level, shown.status],
        ['Outbox events waiting (minutes)', 'outbox_oldest_age_minutes', 'warning', 'open'],
      );
      const acknowledged = await api('POST', `/risk/alerts/${alerts[0].id}/acknowledge`, {
        note: 'restarting the worker',
      });
      assert.equal(acknowledged.status, 'acknowledged');
      assert.equal((await evaluate(monitor.id)).alertId, null, 'acknowledged is not reopened');

      await settle(late);
      const recovered = await evaluate(monitor.id);
      assert.equal(recovered.level, null);
      const after = (await api('GET', `/risk/alerts?monitorId=${monitor.id}`)).items;
      assert.deepEqual(
        after.map((a: Json) => a.status),
        ['resolved'],
      );
      assert.ok(!(await api('GET', '/system/health')).alerts.some((a: Json) => a.monitorId === monitor.id));

      // The next backlog is a new alert, and the notice goes out again (nothing to undo first).
      const again = await outboxEvent(40, 'pending');
      const critical = await evaluate(monitor.id);
      assert.equal(critical.level, 'critical');
      assert.equal(mailsToIt().length, 2);
      await settle(again);
      await evaluate(monitor.id);
    });

    it('dead letters alert from the first one', async () => {
      const monitor = await seeded('dead_letters');
      const dead = await outboxEvent(1, 'dead');
      const item = await evaluate(monitor.id);
      assert.deepEqual([item.value, item.level], [1, 'warning']);
      await settle(dead);
      assert.equal((await evaluate(monitor.id)).level, null);
    });

    it('are switched off and on, and their levels changed within what the metric allows', async () => {
      const monitor = await seeded('dead_letters');
      const dead = await outboxEvent(1, 'dead');
      assert.equal((await evaluate(monitor.id)).level, 'warning');
      const off = await call('PATCH', `/risk/monitors/${monitor.id}`, { isEnabled: false });
      assert.equal(off.statusCode, 200, off.body);
      assert.deepEqual([off.json().isEnabled, off.json().openAlerts], [false, []]);
      assert.equal(await evaluate(monitor.id), undefined, 'a monitor switched off is not judged');
      const on = await api('PATCH', `/risk/monitors/${monitor.id}`, {
        isEnabled: true,
        warning: 2,
        critical: 5,
      });
      assert.deepEqual([on.isEnabled, on.warning, on.critical], [true, 2, 5]);
      assert.equal(
        (await evaluate(monitor.id)).level,
        null,
        'one dead letter is below the new warning level',
      );
      const disk = await seeded('disk_used_share');
      const share = await call('PATCH', `/risk/monitors/${disk.id}`, { critical: 2 });
      assert.equal(share.statusCode, 400);
      assert.equal(share.json().error.details.field, 'critical');
      assert.match(share.json().error.message, /between 0 and 1/);
      // A warning above the critical level: the monitor it would make is refused on its critical level.
      const crossed = await call('PATCH', `/risk/monitors/${monitor.id}`, { warning: 9 });
      assert.equal(crossed.statusCode, 400);
      assert.equal(crossed.json().error.details.field, 'critical');
      await api('PATCH', `/risk/monitors/${monitor.id}`, { warning: 1, critical: 25 });
      await settle(dead);
    });

    it('take figures above one, and only notifications as their measure', async () => {
      const created = await api('POST', '/risk/monitors', {
        name: 'Database size',
        metric: 'database_size_mb',
        windowMinutes: 5,
        minVolume: 1,
        warning: 5000,
        critical: 20000,
        measure: { kind: 'notify_role', level: 'critical', role: 'it' },
      });
      const size = await evaluate(created.id);
      assert.equal(size.volume, 1);
      assert.ok(size.value > 0 && size.value < 5000, String(size.value));
      const refused = await call('POST', '/risk/monitors', {
        name: 'Pause on backlog',
        metric: 'outbox_backlog',
        windowMinutes: 5,
        minVolume: 1,
        warning: 10,
        critical: 100,
        measure: { kind: 'pause_channel_auto_approval', level: 'warning', channel: 'web' },
      });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().error.details.field, 'measure.kind');
    });
  });
}
