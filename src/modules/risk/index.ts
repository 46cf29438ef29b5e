import { createCases } from './cases.ts';
import { createIncidents } from './incidents.ts';
import { createMonitors } from './monitors.ts';
import { createPlaybooks } from './playbooks.ts';
import type { RiskDeps } from './ports.ts';

export type { NotifyCustomer, RiskDeps, SystemFigures } from './ports.ts';
export { riskRoutes } from './risk.routes.ts';

/** The risk module, grouped by area: playbooks, cases, monitors, incidents. */
export function createRisk(deps: RiskDeps) {
  const playbooks = createPlaybooks(deps);
  const cases = createCases(deps);
  const monitors = createMonitors(deps);
  const incidents = createIncidents(deps);
  return {
    playbooks: {
      list: playbooks.listPlaybooks,
      versions: playbooks.playbookVersions,
      save: playbooks.savePlaybook,
    },
    cases: {
      openFromException: cases.openFromException,
      open: cases.openByHand,
      openChargeback: cases.openChargeback,
      startDrill: cases.startDrill,
      get: cases.getCase,
      list: cases.listCases,
      completeStep: cases.completeStep,
      takeAction: cases.takeAction,
      assign: cases.assign,
      close: cases.closeCase,
      escalateOverdue: cases.escalateOverdue,
    },
    monitors: {
      create: monitors.createMonitor,
      update: monitors.updateMonitor,
      get: monitors.getMonitor,
      list: monitors.listMonitors,
      evaluate: monitors.evaluateMonitors,
      undoMeasure: monitors.undoMeasure,
      acknowledge: monitors.acknowledgeAlert,
      alerts: monitors.listAlerts,
      healthAlerts: monitors.healthAlerts,
    },
    incidents: {
      preview: incidents.previewSelection,
      declare: incidents.declareIncident,
      act: incidents.actOnIncident,
      log: incidents.logCommunication,
      close: incidents.closeIncident,
      get: incidents.getIncident,
      list: incidents.listIncidents,
    },
    /** Closing reviews of incidents, for the knowledge base. */
    lessons: incidents.lessons,
  };
}

export type Risk = ReturnType<typeof createRisk>;
