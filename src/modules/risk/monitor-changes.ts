import type { z } from 'zod';
import {
  figureMetrics,
  type MonitorMetric,
  type monitorChangeBody,
  ratioMetrics,
} from '../../contracts/risk.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import { writeJson } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import type { RiskDeps } from './ports.ts';

type MonitorChange = z.output<typeof monitorChangeBody>;

/**
 * Changes to a monitor after it was made: switched off or on (a default health monitor an
 * installation does not want; its open alerts resolve), other levels, other addresses. Audited
 * with what was before.
 */
export function createMonitorChanges(deps: Pick<RiskDeps, 'database' | 'clock'>) {
  async function changeMonitor(actor: Actor, id: string, change: MonitorChange): Promise<void> {
    const { database, clock } = deps;
    const row = await database.db
      .selectFrom('risk_monitors')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('monitor', id);
    const metric = row.metric as MonitorMetric;
    const warning = change.warning ?? Number(row.warning);
    const critical = change.critical ?? Number(row.critical);
    const limit = figureMetrics.includes(metric) ? Infinity : ratioMetrics.includes(metric) ? 1000 : 1;
    if (warning > critical || critical > limit)
      throw invalidField(change.critical !== undefined ? 'critical' : 'warning', 'levelsDoNotFit', {
        warning,
        critical,
        metric,
      });
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      await tx
        .updateTable('risk_monitors')
        .set({
          warning,
          critical,
          ...(change.isEnabled === undefined ? {} : { is_enabled: change.isEnabled ? 1 : 0 }),
          ...(change.notify ? { notify: writeJson(change.notify) } : {}),
        })
        .where('id', '=', id)
        .execute();
      // A monitor switched off judges nothing more: its alerts would never resolve by themselves.
      if (change.isEnabled === false)
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
        details: {
          change,
          before: {
            isEnabled: row.is_enabled === 1,
            warning: Number(row.warning),
            critical: Number(row.critical),
          },
        },
      });
    });
  }
  return { changeMonitor };
}
