// Typed calls for the weekly meeting: series, meetings and meeting mode, action items, corrective
// actions, the knowledge base. Shapes are the server's zod contracts, imported as types only.
import type { z } from 'zod';
import type {
  actionItem,
  actionOwners,
  article,
  calendarDayBody,
  corrective,
  kpiChoices,
  meeting,
  meetingSummary,
  newActionItemBody,
  newArticleBody,
  newCorrectiveBody,
  newSeriesBody,
  series,
} from '../../../src/contracts/review.ts';
import { fileUrl, get, id, type Page, type PageParams, patch, post, put } from './client';

export type Meeting = z.output<typeof meeting>;
export type MeetingSummary = z.output<typeof meetingSummary>;
export type MeetingSeries = z.output<typeof series>;
export type ActionItem = z.output<typeof actionItem>;
export type ActionItemInput = z.input<typeof newActionItemBody>;
export type CorrectiveAction = z.output<typeof corrective>;
export type Article = z.output<typeof article>;
export type SeriesInput = z.input<typeof newSeriesBody>;
export type CorrectiveInput = z.input<typeof newCorrectiveBody>;
export type ArticleInput = z.input<typeof newArticleBody>;
export type CalendarDay = z.output<typeof calendarDayBody>;
export type KpiChoice = z.output<typeof kpiChoices>['items'][number];
export type ActionOwner = z.output<typeof actionOwners>['items'][number];

const page = (params: PageParams) => ({ limit: params.limit, cursor: params.cursor ?? undefined });

export const reviewApi = {
  series: {
    list: () => get<{ items: MeetingSeries[] }>('/meeting-series'),
    create: (input: SeriesInput) => post<MeetingSeries>('/meeting-series', input),
    update: (seriesId: string, input: SeriesInput) =>
      put<MeetingSeries>(`/meeting-series/${id(seriesId)}`, input),
    archive: (seriesId: string) => post<MeetingSeries>(`/meeting-series/${id(seriesId)}/archive`),
    prepare: (seriesId: string) => post<Meeting>(`/meeting-series/${id(seriesId)}/prepare`),
  },
  meetings: {
    list: (params: PageParams) => get<Page<MeetingSummary>>('/meetings', page(params)),
    get: (meetingId: string) => get<Meeting>(`/meetings/${id(meetingId)}`),
    packUrl: (meetingId: string) => fileUrl(`/meetings/${id(meetingId)}/pack.pdf`),
    saveAgendaItem: (meetingId: string, itemId: string, title: string, plannedMinutes: number) =>
      put<Meeting>(`/meetings/${id(meetingId)}/agenda/${id(itemId)}`, { title, plannedMinutes }),
    runItem: (meetingId: string, itemId: string | null) =>
      post<Meeting>(`/meetings/${id(meetingId)}/timer`, { itemId }),
    addDecision: (meetingId: string, text: string, issueId: string | null) =>
      post<Meeting>(`/meetings/${id(meetingId)}/decisions`, { text, issueId }),
    addActionItem: (meetingId: string, input: ActionItemInput) =>
      post<Meeting>(`/meetings/${id(meetingId)}/action-items`, input),
    addFeedback: (meetingId: string, rating: number, comment: string | null) =>
      post<Meeting>(`/meetings/${id(meetingId)}/feedback`, { rating, comment }),
    close: (meetingId: string) => post<Meeting>(`/meetings/${id(meetingId)}/close`),
    sendMinutes: (meetingId: string) => post<{ sentAt: string }>(`/meetings/${id(meetingId)}/minutes/send`),
  },
  actionItems: {
    list: (params: PageParams & { owner?: string; status?: string }) =>
      get<Page<ActionItem>>('/action-items', { ...page(params), owner: params.owner, status: params.status }),
    change: (itemId: string, status: 'open' | 'done' | 'dropped', dropReason?: string) =>
      patch<ActionItem>(`/action-items/${id(itemId)}`, { status, dropReason }),
  },
  issues: {
    raise: (department: string, title: string) => post<{ id: string }>('/issues', { department, title }),
  },
  corrective: {
    list: (params: PageParams) => get<Page<CorrectiveAction>>('/corrective-actions', page(params)),
    create: (input: CorrectiveInput) => post<CorrectiveAction>('/corrective-actions', input),
  },
  knowledge: {
    search: (params: PageParams & { q?: string }) =>
      get<Page<Article>>('/knowledge', { ...page(params), q: params.q || undefined }),
    create: (input: ArticleInput) => post<Article>('/knowledge', input),
    update: (articleId: string, input: ArticleInput) => put<Article>(`/knowledge/${id(articleId)}`, input),
    archive: (articleId: string) => post<Article>(`/knowledge/${id(articleId)}/archive`),
  },
  kpis: () => get<{ items: KpiChoice[] }>('/review-kpis'),
  owners: () => get<{ items: ActionOwner[] }>('/action-owners'),
  calendar: {
    list: (from: string, to: string) => get<{ items: CalendarDay[] }>('/planning-calendar', { from, to }),
    save: (day: CalendarDay) => put<CalendarDay>('/planning-calendar', day),
  },
};
