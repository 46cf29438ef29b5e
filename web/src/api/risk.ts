// Typed calls for risk cases, playbooks, monitors and incidents; shapes are the server's zod
// contracts, imported as types only.
import type { z } from 'zod';
import type { alert, casePage, monitorList, riskCase } from '../../../src/contracts/risk.ts';
import { get, id, type PageParams, post } from './client';

export type RiskCase = z.output<typeof riskCase>;
export type RiskCaseSummary = z.output<typeof casePage>['items'][number];
export type RiskMonitor = z.output<typeof monitorList>['items'][number];
export type RiskAlert = z.output<typeof alert>;

export const riskApi = {
  cases: {
    list: (params: PageParams & { status?: 'open' | 'closed' | 'all' }) =>
      get<z.output<typeof casePage>>('/risk/cases', params),
    get: (caseId: string) => get<RiskCase>(`/risk/cases/${id(caseId)}`),
    completeStep: (caseId: string) => post<RiskCase>(`/risk/cases/${id(caseId)}/steps/complete`, {}),
  },
  monitors: {
    list: () => get<z.output<typeof monitorList>>('/risk/monitors'),
    undo: (measureId: string) => post(`/risk/measures/${id(measureId)}/undo`),
    acknowledge: (alertId: string, note: string) =>
      post<RiskAlert>(`/risk/alerts/${id(alertId)}/acknowledge`, { note }),
  },
};
