// Typed calls for risk cases, playbooks, monitors and incidents; shapes are the server's zod
// contracts, imported as types only.
import type { z } from 'zod';
import type {
  alert,
  CaseType,
  casePage,
  closeCaseBody,
  incident,
  incidentActionBody,
  incidentActionResult,
  incidentBody,
  incidentPage,
  incidentSelection,
  monitorBody,
  monitorChanges,
  monitorList,
  playbook,
  playbookBody,
  preview,
  riskCase,
  StepAction,
} from '../../../src/contracts/risk.ts';
import { get, id, type PageParams, patch, post, put } from './client';

export type RiskCase = z.output<typeof riskCase>;
export type { StepAction };
export type CaseOutcome = z.input<typeof closeCaseBody>;
export type RiskCaseSummary = z.output<typeof casePage>['items'][number];
export type RiskMonitor = z.output<typeof monitorList>['items'][number];
export type RiskAlert = z.output<typeof alert>;
export type MonitorInput = z.input<typeof monitorBody>;
export type MonitorChanges = z.input<typeof monitorChanges>;
export type Playbook = z.output<typeof playbook>;
export type PlaybookInput = z.input<typeof playbookBody>;
export type Incident = z.output<typeof incident>;
export type IncidentSummary = z.output<typeof incidentPage>['items'][number];
export type IncidentSelection = z.input<typeof incidentSelection>;
export type IncidentInput = z.input<typeof incidentBody>;
export type IncidentAction = z.input<typeof incidentActionBody>;
export type IncidentPreview = z.output<typeof preview>;

export const riskApi = {
  cases: {
    list: (params: PageParams & { status?: 'open' | 'closed' | 'all' }) =>
      get<z.output<typeof casePage>>('/risk/cases', params),
    get: (caseId: string) => get<RiskCase>(`/risk/cases/${id(caseId)}`),
    completeStep: (caseId: string) => post<RiskCase>(`/risk/cases/${id(caseId)}/steps/complete`, {}),
    takeAction: (caseId: string, action: StepAction) =>
      post<RiskCase>(`/risk/cases/${id(caseId)}/actions`, { action }),
    assign: (caseId: string, ownerId: string | null) =>
      post<RiskCase>(`/risk/cases/${id(caseId)}/assign`, { ownerId }),
    close: (caseId: string, input: CaseOutcome) => post<RiskCase>(`/risk/cases/${id(caseId)}/close`, input),
  },
  playbooks: {
    list: () => get<{ items: Playbook[] }>('/risk/playbooks'),
    versions: (caseType: CaseType) => get<{ items: Playbook[] }>(`/risk/playbooks/${id(caseType)}/versions`),
    save: (caseType: CaseType, input: PlaybookInput) =>
      put<Playbook>(`/risk/playbooks/${id(caseType)}`, input),
    drill: (caseType: CaseType) => post<RiskCase>('/risk/drills', { caseType }),
  },
  incidents: {
    list: (params: PageParams) => get<z.output<typeof incidentPage>>('/risk/incidents', params),
    get: (incidentId: string) => get<Incident>(`/risk/incidents/${id(incidentId)}`),
    preview: (selection: IncidentSelection) => post<IncidentPreview>('/risk/incidents/preview', selection),
    declare: (input: IncidentInput) => post<Incident>('/risk/incidents', input),
    act: (incidentId: string, input: IncidentAction) =>
      post<z.output<typeof incidentActionResult>>(`/risk/incidents/${id(incidentId)}/actions`, input),
    log: (incidentId: string, text: string) =>
      post<Incident>(`/risk/incidents/${id(incidentId)}/log`, { text }),
    close: (incidentId: string, review: string) =>
      post<Incident>(`/risk/incidents/${id(incidentId)}/close`, { review }),
  },
  monitors: {
    list: () => get<z.output<typeof monitorList>>('/risk/monitors'),
    setEnabled: (monitorId: string, isEnabled: boolean) =>
      patch<RiskMonitor>(`/risk/monitors/${id(monitorId)}`, { isEnabled }),
    create: (input: MonitorInput) => post<RiskMonitor>('/risk/monitors', input),
    update: (monitorId: string, changes: MonitorChanges) =>
      patch<RiskMonitor>(`/risk/monitors/${id(monitorId)}`, changes),
    undo: (measureId: string) => post(`/risk/measures/${id(measureId)}/undo`),
    acknowledge: (alertId: string, note: string) =>
      post<RiskAlert>(`/risk/alerts/${id(alertId)}/acknowledge`, { note }),
  },
};
