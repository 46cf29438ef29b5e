import type { Command } from 'commander';
import type { App } from '../app.ts';
import { ratioMetrics } from '../contracts/risk.ts';
import { printTable } from './table.ts';

type WithApp = (run: (app: App) => Promise<void>) => Promise<void>;
type Monitor = Awaited<ReturnType<App['risk']['monitors']['list']>>[number];

/** A share reads as a percentage, demand against the forecast as a multiple (as in the console). */
const formatValue = (metric: Monitor['metric'], value: number) =>
  ratioMetrics.includes(metric) ? `×${value.toFixed(2)}` : `${(value * 100).toFixed(1)}%`;

/** paused, or the highest level still alerting, or ok. */
function stateOf(m: Monitor): string {
  if (!m.isEnabled) return 'paused';
  const levels = m.openAlerts.map((a) => a.level);
  if (levels.includes('critical')) return 'critical';
  if (levels.includes('warning')) return 'warning';
  return 'ok';
}

/** A monitor's controls as kind@level, in their order (e.g. "notify_role@warning, notify@critical"). */
const controlsOf = (m: Monitor) => m.controls.map((c) => `${c.kind}@${c.level}`).join(', ') || '-';

/** `ordo monitors list`: name, metric, warning / critical level, last value, state, controls. */
export async function listMonitors(app: App): Promise<void> {
  const monitors = await app.risk.monitors.list();
  const rows = monitors.map((m) => {
    const last = m.samples.at(-1);
    return [
      m.name,
      m.metric,
      `${formatValue(m.metric, m.warning)} / ${formatValue(m.metric, m.critical)}`,
      last ? formatValue(m.metric, last.value) : '-',
      stateOf(m),
      controlsOf(m),
    ];
  });
  printTable([['NAME', 'METRIC', 'LEVEL', 'LAST VALUE', 'STATE', 'CONTROLS'], ...rows]);
  console.log(`${monitors.length} monitors`);
}

/** `ordo monitors check`: one evaluation cycle now (the worker's minute), printing the alerts it raised. */
export async function checkMonitors(app: App): Promise<void> {
  const cycle = await app.risk.monitors.evaluate();
  const byId = new Map((await app.risk.monitors.list()).map((m) => [m.id, m]));
  const raised = cycle.items.filter((item) => item.alertId !== null);
  for (const item of raised) {
    const m = byId.get(item.monitorId)!;
    console.log(
      `${item.level}\t${m.name}\t${m.metric} ${formatValue(m.metric, item.value)} over ${item.volume}`,
    );
  }
  console.log(
    `${cycle.items.length} monitors evaluated in ${cycle.elapsedMs} ms; ${raised.length} alerts raised`,
  );
}

/** `ordo monitors list|check` (docs/risk.md). */
export function addMonitorCommands(program: Command, withApp: WithApp): void {
  const monitors = program.command('monitors').description('risk monitors: thresholds over live metrics');
  monitors
    .command('list')
    .description('every monitor: name, metric, warning / critical level, last value, state, controls')
    .action(() => withApp(listMonitors));
  monitors
    .command('check')
    .description('run one evaluation cycle now and print the alerts it raised (measures are taken too)')
    .action(() => withApp(checkMonitors));
}
