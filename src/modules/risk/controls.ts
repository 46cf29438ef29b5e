import type { alertLevels, MonitorControl } from '../../contracts/risk.ts';
import { noticeMeasures } from '../../contracts/risk.ts';
import { readJson, writeJson } from '../../platform/db/dialect.ts';
import type { Row } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { createMeasureActions, MeasureParams } from './measures.ts';
import { monitorsRepository as repo } from './monitors.repository.ts';
import type { RiskDeps } from './ports.ts';

type Level = (typeof alertLevels)[number];
/** A measure record as the choice of controls reads it. */
type Taken = { kind: string; params: MeasureParams };

export const levelRank: Record<Level, number> = { warning: 1, critical: 2 };

/** Whether a measure was taken for this control (records before migration 027 name no level). */
const standsFor = (taken: Taken, control: MonitorControl) =>
  taken.kind === control.kind && (taken.params.level ?? control.level) === control.level;

/**
 * The controls a new alert at `level` takes (pure): every one of its level or below. A notice
 * repeats on every new alert; a control that changes something waits while its earlier measure
 * stands (is not undone), so a warning's pause is not taken again when the critical alert opens.
 */
export function controlsToTake(
  controls: readonly MonitorControl[],
  level: Level,
  standing: readonly Taken[],
): MonitorControl[] {
  return controls.filter(
    (c) =>
      levelRank[level] >= levelRank[c.level] &&
      (noticeMeasures.includes(c.kind) || !standing.some((taken) => standsFor(taken, c))),
  );
}

/** Taking a monitor's controls when an alert opens, each recorded as its own measure. */
export function createControlTaking(deps: RiskDeps, actions: ReturnType<typeof createMeasureActions>) {
  const { database } = deps;

  async function takeControls(
    m: Row<'risk_monitors'>,
    alertId: string,
    level: Level,
    now: Date,
    alertText: { subject: string; text: string },
  ) {
    const controls = readJson<MonitorControl[]>(m.controls);
    if (controls.length === 0) return;
    const standing = (await repo.activeMeasures(database.db, m.id)).map((row) => ({
      kind: row.kind,
      params: readJson<MeasureParams>(row.params),
    }));
    for (const control of controlsToTake(controls, level, standing)) {
      let params: MeasureParams;
      try {
        params = await actions.apply(m, control, alertText);
      } catch (error) {
        // A measure that cannot be carried out (carrier gone, channel not connected) is recorded
        // as failed; the alert stands and says the rest.
        params = { error: error instanceof Error ? error.message : String(error) };
      }
      await database.db
        .insertInto('risk_measures')
        .values({
          id: uuidv7(now.getTime()),
          monitor_id: m.id,
          alert_id: alertId,
          kind: control.kind,
          // The control's level tells two controls of one kind apart (a warning's and a critical's).
          params: writeJson({ level: control.level, ...params }),
          applied_at: now.toISOString(),
        })
        .execute();
    }
  }

  return { takeControls };
}
