import type { z } from 'zod';
import { type MonitorControl, type monitor, monitorBody, type monitorChanges } from '../../contracts/risk.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import { readJson, writeJson } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { fromZodIssues, invalidField, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { RiskDeps } from './ports.ts';

type Monitor = z.output<typeof monitor>;
type MonitorInput = z.output<typeof monitorBody>;

/** A monitor's definition as its columns. */
const toColumns = (input: MonitorInput) => ({
  name: input.name,
  metric: input.metric,
  channel: input.channel,
  carrier: input.carrier,
  sku: input.sku,
  window_minutes: input.windowMinutes,
  min_volume: input.minVolume,
  warning: input.warning,
  critical: input.critical,
  controls: writeJson(input.controls),
  notify: writeJson(input.notify),
});

/** Creating and changing monitors: the carrier they watch or switch must be configured. */
export function createMonitorDefinitions(deps: RiskDeps, getMonitor: (id: string) => Promise<Monitor>) {
  const { database, clock } = deps;

  async function checkCarrier(input: MonitorInput) {
    const carriers = [
      ['carrier', input.carrier],
      ...input.controls.map((c, i) => [`controls.${i}.carrier`, c.carrier] as const),
    ] as const;
    for (const [field, carrier] of carriers) {
      if (carrier && !(await deps.logistics.carrierId(carrier)))
        throw invalidField(field, 'noCarrier', { carrier });
    }
  }

  async function createMonitor(actor: Actor, input: MonitorInput): Promise<Monitor> {
    await checkCarrier(input);
    const now = clock.now();
    const id = uuidv7(now.getTime());
    await inTransaction(database, async (tx) => {
      await tx
        .insertInto('risk_monitors')
        .values({ id, ...toColumns(input), is_enabled: 1, created_at: now.toISOString() })
        .execute();
      await recordAudit(tx, actor, now, {
        action: 'monitor.created',
        targetType: 'monitor',
        targetId: id,
        details: {},
      });
    });
    return getMonitor(id);
  }

  /**
   * Changes the fields given; the monitor they make is checked as a whole (levels in order, a
   * control with its target), so a change cannot leave a monitor that could not be created.
   */
  async function updateMonitor(
    actor: Actor,
    id: string,
    changes: z.output<typeof monitorChanges>,
  ): Promise<Monitor> {
    const row = await database.db
      .selectFrom('risk_monitors')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('monitor', id);
    const { isEnabled, ...definition } = changes;
    const current = {
      name: row.name,
      metric: row.metric,
      channel: row.channel,
      carrier: row.carrier,
      sku: row.sku,
      windowMinutes: row.window_minutes,
      minVolume: row.min_volume,
      warning: Number(row.warning),
      critical: Number(row.critical),
      controls: readJson<MonitorControl[]>(row.controls),
      notify: readJson(row.notify),
    };
    // The deprecated `measure` replaces the controls as a whole, as `controls` would.
    const base = definition.measure === undefined ? current : { ...current, controls: undefined };
    const parsed = monitorBody.safeParse({ ...base, ...definition });
    if (!parsed.success) throw fromZodIssues(parsed.error.issues);
    await checkCarrier(parsed.data);
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      await tx
        .updateTable('risk_monitors')
        .set({
          ...toColumns(parsed.data),
          ...(isEnabled === undefined ? {} : { is_enabled: isEnabled ? 1 : 0 }),
        })
        .where('id', '=', id)
        .execute();
      // A monitor switched off judges nothing more: its alerts would never resolve by themselves.
      if (isEnabled === false)
        await tx
          .updateTable('risk_alerts')
          .set({ status: 'resolved' })
          .where('monitor_id', '=', id)
          .where('status', '!=', 'resolved')
          .execute();
      await recordAudit(tx, actor, now, {
        action: 'monitor.changed',
        targetType: 'monitor',
        targetId: id,
        details: { change: changes, before: { ...current, isEnabled: row.is_enabled === 1 } },
      });
    });
    return getMonitor(id);
  }

  return { createMonitor, updateMonitor };
}
