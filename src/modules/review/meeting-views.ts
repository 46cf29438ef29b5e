import type { Executor } from '../../platform/db/database.ts';
import { readJson } from '../../platform/db/dialect.ts';
import { usedSeconds } from './agenda.ts';
import { actionState, isMinutesLate } from './follow-up.ts';
import { type Participant, readParticipants, reviewRepository } from './review.repository.ts';
import type { ReviewRow } from './review.tables.ts';

/** Rows as the API and the console show them. */

export function toActionItem(
  row: ReviewRow<'meeting_action_items'>,
  now: Date,
  kpiNow: number | null = null,
) {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    issueId: row.issue_id,
    title: row.title,
    ownerName: row.owner_name,
    ownerEmail: row.owner_email,
    ownerUserId: row.owner_user_id,
    /** The KPI the item aims at: its value when the item was recorded, and now (when measured). */
    kpi: row.kpi
      ? {
          name: row.kpi,
          before: row.kpi_baseline === null ? null : Number(row.kpi_baseline),
          after: kpiNow,
        }
      : null,
    deadlineAt: row.deadline_at,
    link: row.link_type && row.link_ref ? { type: row.link_type, ref: row.link_ref } : null,
    status: row.status,
    state: actionState({ status: row.status, deadlineAt: row.deadline_at }, now),
    dropReason: row.drop_reason,
    doneAt: row.done_at,
    createdAt: row.created_at,
  };
}
export type ActionItem = ReturnType<typeof toActionItem>;

export function toSeries(row: ReviewRow<'meeting_series'>) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    chair: row.chair,
    participants: readParticipants(row.participants),
    weekday: row.weekday,
    startTime: row.start_time,
    durationMinutes: row.duration_minutes,
    timeZone: row.time_zone,
    onlineLink: row.online_link,
    archivedAt: row.archived_at,
  };
}
export type Series = ReturnType<typeof toSeries>;

export function toMeetingSummary(row: ReviewRow<'meetings'>, now: Date) {
  return {
    id: row.id,
    seriesId: row.series_id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    preparedAt: row.prepared_at,
    noticeSentAt: row.notice_sent_at,
    reminderSentAt: row.reminder_sent_at,
    startedAt: row.started_at,
    closedAt: row.closed_at,
    minutesSentAt: row.minutes_sent_at,
    isMinutesLate: isMinutesLate({ closedAt: row.closed_at, minutesSentAt: row.minutes_sent_at }, now),
  };
}

/** Measures a KPI now (the ports' `kpiValue`); without it last meeting's items show no effect. */
export type KpiMeasure = (kpi: string) => Promise<number | null>;

/**
 * The whole meeting: agenda with timers, issues, decisions, action items, and last meeting's
 * items with their state and, measured now, the KPI each aimed at.
 */
export async function meetingDetail(
  db: Executor,
  row: ReviewRow<'meetings'>,
  now: Date,
  measure?: KpiMeasure,
) {
  const [series, agenda, issues, decisions, actions, feedback, previous] = await Promise.all([
    reviewRepository.seriesById(db, row.series_id),
    reviewRepository.agenda(db, row.id),
    reviewRepository.issues(db, row.id),
    reviewRepository.decisions(db, row.id),
    reviewRepository.actionItems(db, row.id),
    reviewRepository.feedback(db, row.id),
    row.previous_meeting_id ? reviewRepository.actionItems(db, row.previous_meeting_id) : Promise.resolve([]),
  ]);
  return {
    ...toMeetingSummary(row, now),
    timeZone: series?.time_zone ?? 'UTC',
    onlineLink: series?.online_link ?? null,
    chair: series?.chair ?? '',
    participants: series ? readParticipants(series.participants) : ([] as Participant[]),
    previousMeetingId: row.previous_meeting_id,
    pack: row.pack === null ? null : readJson<Record<string, unknown>>(row.pack),
    plan: row.plan === null ? null : readJson<Record<string, unknown>>(row.plan),
    agenda: agenda.map((a) => {
      const used = usedSeconds({ usedSeconds: Number(a.used_seconds), startedAt: a.started_at }, now);
      return {
        id: a.id,
        position: Number(a.position),
        section: a.section,
        title: a.title,
        plannedMinutes: Number(a.planned_minutes),
        usedSeconds: used,
        isRunning: a.started_at !== null,
        isOvertime: used > Number(a.planned_minutes) * 60,
      };
    }),
    issues: issues.map((i) => ({
      id: i.id,
      department: i.department,
      source: i.source,
      title: i.title,
      detail: i.detail,
      status: i.status,
      raisedBy: i.raised_by,
    })),
    decisions: decisions.map((d) => ({
      id: d.id,
      issueId: d.issue_id,
      text: d.text,
      createdAt: d.created_at,
    })),
    actionItems: actions.map((a) => toActionItem(a, now)),
    previousActionItems: await Promise.all(
      previous.map(async (a) => toActionItem(a, now, a.kpi && measure ? await measure(a.kpi) : null)),
    ),
    feedback: feedback.map((f) => ({
      id: f.id,
      rating: Number(f.rating),
      comment: f.comment,
      author: f.author,
    })),
    minutes: row.minutes,
  };
}
export type MeetingDetail = Awaited<ReturnType<typeof meetingDetail>>;
