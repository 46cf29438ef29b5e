// Typed calls for reports (docs/reports.md). The shapes are the server's own zod contracts,
// imported as types only so no server code reaches the bundle.
import type { z } from 'zod';
import type { periodReport, weeklyReport } from '../../../src/contracts/reports.ts';
import { fileUrl, get, type Query } from './client';

export type PeriodReport = z.output<typeof periodReport>;
export type WeeklyReport = z.output<typeof weeklyReport>;
export type StageKey = keyof PeriodReport['stageHours'];

const withQuery = (path: string, query: Query) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const qs = params.toString();
  return fileUrl(qs ? `${path}?${qs}` : path);
};

export const reportsApi = {
  weekly: (query: { week?: string; tz?: string }) => get<WeeklyReport>('/reports/weekly', query),
  period: (query: { from: string; to: string; tz?: string }) => get<PeriodReport>('/reports/period', query),
  weeklyPdfUrl: (query: { week?: string; tz?: string }) => withQuery('/reports/weekly/pdf', query),
  weeklyCsvUrl: (query: { week?: string; tz?: string }) => withQuery('/reports/weekly/csv', query),
  periodCsvUrl: (query: { from: string; to: string; tz?: string }) => withQuery('/reports/period/csv', query),
};
