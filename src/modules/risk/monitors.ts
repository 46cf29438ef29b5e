import type { z } from 'zod';
import {
  type alert,
  type alertLevels,
  type alertQuery,
  formatMonitorValue,
  isHealthMetric,
  type MonitorControl,
  type MonitorMetric,
  type measure,
  type monitor,
} from '../../contracts/risk.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import { readJson } from '../../platform/db/dialect.ts';
import type { Row } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { pageNewestFirst } from '../../platform/pagination.ts';
import { createControlTaking, levelRank } from './controls.ts';
import { createMeasureActions, type MeasureParams } from './measures.ts';
import { measureMetric } from './metrics.ts';
import { createMonitorDefinitions } from './monitor-definitions.ts';
import { monitorsRepository as repo } from './monitors.repository.ts';
import type { RiskDeps } from './ports.ts';

type Level = (typeof alertLevels)[number];
type Monitor = z.output<typeof monitor>;
type Alert = z.output<typeof alert>;
type Measure = z.output<typeof measure>;

/** The level a value reaches, if the window saw enough orders to judge; pure. */
export function levelOf(
  m: { warning: number; critical: number; minVolume: number },
  value: number,
  volume: number,
) {
  if (volume < m.minVolume) return null;
  if (value >= m.critical) return 'critical' as const;
  if (value >= m.warning) return 'warning' as const;
  return null;
}

const toAlert = (row: Row<'risk_alerts'>): Alert => ({
  id: row.id,
  monitorId: row.monitor_id,
  level: row.level as Level,
  value: Number(row.value),
  status: row.status as Alert['status'],
  openedAt: row.opened_at,
  acknowledgedAt: row.acknowledged_at,
  acknowledgedBy: row.acknowledged_by,
  note: row.note,
});

const toMeasure = (row: Row<'risk_measures'>): Measure => ({
  id: row.id,
  monitorId: row.monitor_id,
  alertId: row.alert_id,
  kind: row.kind as Measure['kind'],
  params: readJson(row.params),
  appliedAt: row.applied_at,
  undoneAt: row.undone_at,
  undoneBy: row.undone_by,
});

/** How a value reads in mail: a share as a percentage, a ratio as ×n, a health figure as a number. */
const formatValue = (metric: string, value: number) => formatMonitorValue(metric as MonitorMetric, value);

/** Reads the system figures once per cycle, however many health monitors judge them. */
function onceEach<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= read();
    return pending;
  };
}

/** Monitors: threshold rules over live order metrics, their alerts, and the measures they take. */
export function createMonitors(deps: RiskDeps) {
  const { database, clock } = deps;
  const actions = createMeasureActions(deps);
  const controlTaking = createControlTaking(deps, actions);

  async function toMonitor(row: Row<'risk_monitors'>): Promise<Monitor> {
    const db = database.db;
    const samples = await repo.samples(db, row.id, 30);
    const measures = await db
      .selectFrom('risk_measures')
      .selectAll()
      .where('monitor_id', '=', row.id)
      .orderBy('id', 'desc')
      .limit(20)
      .execute();
    const controls = readJson<MonitorControl[]>(row.controls);
    return {
      id: row.id,
      name: row.name,
      metric: row.metric as Monitor['metric'],
      channel: row.channel,
      carrier: row.carrier,
      sku: row.sku,
      windowMinutes: row.window_minutes,
      minVolume: row.min_volume,
      warning: Number(row.warning),
      critical: Number(row.critical),
      controls,
      measure: controls[0] ?? null,
      notify: readJson(row.notify),
      isEnabled: row.is_enabled === 1,
      createdAt: row.created_at,
      samples: samples.reverse().map((s) => ({ at: s.at, value: Number(s.value), volume: s.volume })),
      openAlerts: (await repo.unresolved(db, row.id)).map(toAlert),
      measures: measures.map(toMeasure),
    };
  }

  async function getMonitor(id: string): Promise<Monitor> {
    const row = await database.db
      .selectFrom('risk_monitors')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('monitor', id);
    return toMonitor(row);
  }

  async function listMonitors(): Promise<Monitor[]> {
    const rows = await database.db.selectFrom('risk_monitors').selectAll().orderBy('id').execute();
    return Promise.all(rows.map(toMonitor));
  }

  /**
   * One evaluation cycle (the scheduled job): every enabled monitor's value over its window, a
   * sample for the sparkline, an alert per monitor and level while it stays crossed (resolved
   * when it falls back), and the monitor's controls of the level reached.
   */
  async function evaluateMonitors() {
    const started = performance.now();
    const now = clock.now();
    const monitors = await database.db
      .selectFrom('risk_monitors')
      .selectAll()
      .where('is_enabled', '=', 1)
      .execute();
    const items = [];
    const cycle = { ...deps, system: { figures: onceEach(deps.system.figures) } };
    for (const m of monitors) {
      const { value, volume } = await measureMetric(cycle, m, now);
      const level = levelOf(
        { warning: Number(m.warning), critical: Number(m.critical), minVolume: m.min_volume },
        value,
        volume,
      );
      const alertId = await recordCycle(m, now, value, volume, level);
      items.push({ monitorId: m.id, value, volume, level, alertId });
    }
    return { items, elapsedMs: Math.round(performance.now() - started) };
  }

  async function recordCycle(
    m: Row<'risk_monitors'>,
    now: Date,
    value: number,
    volume: number,
    level: Level | null,
  ) {
    const opened = await inTransaction(database, async (tx) => {
      await tx
        .insertInto('risk_monitor_samples')
        .values({ id: uuidv7(now.getTime()), monitor_id: m.id, at: now.toISOString(), value, volume })
        .execute();
      const unresolved = await repo.unresolved(tx, m.id);
      // Levels no longer reached resolve; the one reached opens once (dedupe per monitor and level).
      const gone = unresolved.filter((a) => !level || levelRank[a.level as Level] > levelRank[level]);
      if (gone.length > 0) {
        await tx
          .updateTable('risk_alerts')
          .set({ status: 'resolved' })
          .where(
            'id',
            'in',
            gone.map((a) => a.id),
          )
          .execute();
      }
      if (!level || unresolved.some((a) => a.level === level)) return null;
      const id = uuidv7(now.getTime());
      await tx
        .insertInto('risk_alerts')
        .values({ id, monitor_id: m.id, level, value, status: 'open', opened_at: now.toISOString() })
        .execute();
      return id;
    });
    if (!opened || !level) return null;
    await controlTaking.takeControls(m, opened, level, now, alertText(m, level, value, volume));
    await sendAlert(m, level, value, volume);
    return opened;
  }

  /** One-click undo of a measure: what it changed below is put back, and the record kept. */
  async function undoMeasure(actor: Actor, id: string): Promise<Measure> {
    const row = await database.db
      .selectFrom('risk_measures')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('measure', id);
    if (row.undone_at)
      throw new AppError('INVALID_TRANSITION', 'the measure is already undone', { undoneAt: row.undone_at });
    const params = readJson<MeasureParams>(row.params);
    if (!params.error) await actions.undo(actor, row.kind, params);
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      await tx
        .updateTable('risk_measures')
        .set({ undone_at: now.toISOString(), undone_by: actor.name })
        .where('id', '=', id)
        .execute();
      await recordAudit(tx, actor, now, {
        action: 'measure.undone',
        targetType: 'measure',
        targetId: id,
        details: params,
      });
    });
    return toMeasure({ ...row, undone_at: now.toISOString(), undone_by: actor.name });
  }

  function alertText(m: Row<'risk_monitors'>, level: Level, value: number, volume: number) {
    if (isHealthMetric(m.metric))
      return {
        subject: `[Ordo system health] ${level}: ${m.name}`,
        text: `${m.metric} is ${formatValue(m.metric, value)} (warning at ${formatValue(m.metric, Number(m.warning))}, critical at ${formatValue(m.metric, Number(m.critical))}). See the system health page.`,
      };
    return {
      subject: `[Ordo risk] ${level}: ${m.name}`,
      text: `${m.metric} is ${formatValue(m.metric, value)} over a volume of ${volume} in the last ${m.window_minutes} minutes.`,
    };
  }

  async function sendAlert(m: Row<'risk_monitors'>, level: Level, value: number, volume: number) {
    const notify = readJson<Monitor['notify']>(m.notify);
    const text = alertText(m, level, value, volume);
    for (const to of notify.emails) await deps.mailer.send({ to, ...text });
    if (notify.webhookUrl) {
      // A failing receiver must not stop the cycle; the alert stays in the console either way.
      await fetch(notify.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ monitor: m.name, metric: m.metric, level, value, volume }),
      }).catch(() => undefined);
    }
  }

  async function acknowledgeAlert(actor: Actor, id: string, note: string): Promise<Alert> {
    const now = clock.now().toISOString();
    const row = await database.db
      .selectFrom('risk_alerts')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('alert', id);
    if (row.status !== 'open')
      throw new AppError('INVALID_TRANSITION', `the alert is ${row.status}`, { status: row.status });
    await database.db
      .updateTable('risk_alerts')
      .set({ status: 'acknowledged', acknowledged_at: now, acknowledged_by: actor.name, note })
      .where('id', '=', id)
      .execute();
    return toAlert({
      ...row,
      status: 'acknowledged',
      acknowledged_at: now,
      acknowledged_by: actor.name,
      note,
    });
  }

  function listAlerts(query: z.output<typeof alertQuery>) {
    let q = database.db.selectFrom('risk_alerts').selectAll();
    if (query.monitorId) q = q.where('monitor_id', '=', query.monitorId);
    return pageNewestFirst(q, 'id', query, toAlert, (row) => row.id);
  }

  /** Open and acknowledged alerts of the system-health monitors, for the health page. */
  async function healthAlerts() {
    const rows = await repo.unresolvedHealthAlerts(database.db);
    return rows.map(({ monitor_name, monitor_metric, ...row }) => ({
      ...toAlert(row),
      monitorName: monitor_name,
      metric: monitor_metric as MonitorMetric,
    }));
  }

  const definitions = createMonitorDefinitions(deps, getMonitor);

  return {
    healthAlerts,
    createMonitor: definitions.createMonitor,
    updateMonitor: definitions.updateMonitor,
    getMonitor,
    listMonitors,
    evaluateMonitors,
    undoMeasure,
    acknowledgeAlert,
    listAlerts,
  };
}
