import type { z } from 'zod';
import type { newSeriesBody } from '../../contracts/review.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { writeJson } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Mailer } from '../../platform/mail.ts';
import { pageNewestFirst } from '../../platform/pagination.ts';
import { buildAgenda, type Department, type PlannedAgendaItem } from './agenda.ts';
import { invitationIcs } from './ics.ts';
import { meetingDetail, toMeetingSummary, toSeries } from './meeting-views.ts';
import { planNextWeek } from './next-week-plan.ts';
import { packPdf } from './pack-pdf.ts';
import type { ReviewPorts } from './ports.ts';
import { readParticipants, reviewRepository } from './review.repository.ts';
import type { ReviewRow } from './review.tables.ts';
import { meetingWeeks, nextStart, preparationOpensAt } from './schedule.ts';

export interface ReviewDeps {
  database: Database;
  clock: Clock;
  mailer: Mailer;
  ports: ReviewPorts;
}

const minuteMs = 60 * 1000;
/** The reminder goes out this long before the start. */
export const reminderLeadMs = 60 * minuteMs;

/** A sharing session's agenda: the lesson, questions, what to change. */
const sharingAgenda: PlannedAgendaItem[] = [
  { section: 'opening', title: 'opening', plannedMinutes: 2 },
  { section: 'solutions', title: 'sharing', plannedMinutes: 20 },
  { section: 'summary', title: 'summary', plannedMinutes: 8 },
];

/** Meeting series and the generated preparation: pack, issue lists, agenda, plan, notice. */
export function createMeetings(deps: ReviewDeps) {
  const { database, clock, mailer, ports } = deps;
  const measure = (kpi: string) => ports.kpiValue(kpi, clock.now());

  async function createSeries(actor: Actor, body: z.output<typeof newSeriesBody>) {
    const now = clock.now().toISOString();
    const id = uuidv7(clock.now().getTime());
    await reviewRepository.insertSeries(database.db, {
      id,
      name: body.name,
      kind: body.kind,
      chair: body.chair || actor.name,
      participants: body.participants,
      weekday: body.weekday,
      start_time: body.startTime,
      duration_minutes: body.durationMinutes,
      time_zone: body.timeZone,
      online_link: body.onlineLink ?? null,
      created_at: now,
      updated_at: now,
    });
    return toSeries((await reviewRepository.seriesById(database.db, id))!);
  }

  async function listSeries() {
    return { items: (await reviewRepository.series(database.db)).map(toSeries) };
  }

  function listMeetings(query: { limit: number; cursor?: string }) {
    const now = clock.now();
    return pageNewestFirst(
      reviewRepository.meetingsPage(database.db),
      'id',
      query,
      (r) => toMeetingSummary(r, now),
      (r) => r.id,
    );
  }

  async function getMeeting(id: string) {
    const row = await reviewRepository.meetingById(database.db, id);
    if (!row) throw notFound('meeting', id);
    return meetingDetail(database.db, row, clock.now(), measure);
  }

  /**
   * Prepares the series' next meeting: the data pack, each department's issues (Ordo's signals
   * and what was filed since the last meeting), the agenda, next week's plan; then the notice.
   * Preparing again returns the meeting already prepared.
   */
  async function prepareMeeting(seriesId: string) {
    const series = await reviewRepository.seriesById(database.db, seriesId);
    if (!series) throw notFound('meeting series', seriesId);
    if (series.archived_at)
      throw new AppError('INVALID_TRANSITION', 'the meeting series is archived', { field: 'id' });
    const now = clock.now();
    const timing = {
      weekday: series.weekday,
      startTime: series.start_time,
      durationMinutes: series.duration_minutes,
      timeZone: series.time_zone,
    };
    const startsAt = nextStart(timing, now);
    const existing = await reviewRepository.meetingAt(database.db, series.id, startsAt.toISOString());
    if (existing) return meetingDetail(database.db, existing, now, measure);
    const weeks = meetingWeeks(startsAt, series.time_zone);
    const isWeekly = series.kind === 'weekly';
    const [pack, signals, stockRisks] = isWeekly
      ? await Promise.all([
          ports.dataPack(weeks.reviewFrom, weeks.reviewTo, series.time_zone),
          ports.departmentSignals(weeks.reviewFrom, weeks.reviewTo),
          ports.stockRisks(),
        ])
      : [null, [], []];
    const plan = isWeekly
      ? await planNextWeek(database.db, { startsAt, timeZone: series.time_zone, stockRisks })
      : null;
    const id = uuidv7(now.getTime());
    await inTransaction(database, async (tx) => {
      const previous = await reviewRepository.lastClosed(tx, series.id, startsAt.toISOString());
      await reviewRepository.insertMeeting(tx, {
        id,
        series_id: series.id,
        kind: series.kind,
        title: `${series.name} ${weeks.planDays[0]}`,
        status: 'prepared',
        starts_at: startsAt.toISOString(),
        ends_at: new Date(startsAt.getTime() + series.duration_minutes * minuteMs).toISOString(),
        pack: pack === null ? null : writeJson(pack),
        plan: plan === null ? null : writeJson(plan),
        previous_meeting_id: previous?.id ?? null,
        prepared_at: now.toISOString(),
        created_at: now.toISOString(),
      });
      for (const signal of signals) {
        await reviewRepository.insertIssue(tx, {
          id: uuidv7(now.getTime()),
          meeting_id: id,
          department: signal.department,
          source: 'data',
          title: signal.title,
          detail: signal.detail,
          signal_key: signal.key,
          status: 'open',
          raised_by: 'Ordo',
          created_at: now.toISOString(),
        });
      }
      // Problems filed since the last preparation land in this meeting's lists.
      await reviewRepository.assignIssues(tx, id);
      const issues = await reviewRepository.issues(tx, id);
      const counts: Partial<Record<Department, number>> = {};
      for (const issue of issues)
        counts[issue.department as Department] = (counts[issue.department as Department] ?? 0) + 1;
      const agenda = isWeekly ? buildAgenda(counts, series.duration_minutes) : sharingAgenda;
      await reviewRepository.insertAgenda(
        tx,
        agenda.map((item, i) => ({
          id: uuidv7(now.getTime()),
          meeting_id: id,
          position: i + 1,
          section: item.section,
          title: item.title,
          planned_minutes: item.plannedMinutes,
          started_at: null,
          used_seconds: 0,
        })),
      );
    });
    await sendNotice(id);
    return getMeeting(id);
  }

  /** The scheduled pass: prepares every series whose next meeting's preparation has opened. */
  async function prepareDue() {
    const now = clock.now();
    const prepared: string[] = [];
    for (const series of await reviewRepository.series(database.db)) {
      if (series.archived_at) continue;
      const startsAt = nextStart(
        {
          weekday: series.weekday,
          startTime: series.start_time,
          durationMinutes: series.duration_minutes,
          timeZone: series.time_zone,
        },
        now,
      );
      if (now < preparationOpensAt(startsAt, series.time_zone)) continue;
      if (await reviewRepository.meetingAt(database.db, series.id, startsAt.toISOString())) continue;
      prepared.push((await prepareMeeting(series.id)).id);
    }
    return prepared;
  }

  async function mailParticipants(
    meeting: ReviewRow<'meetings'>,
    mail: (p: { name: string; email: string }) => Parameters<Mailer['send']>[0],
  ) {
    const series = (await reviewRepository.seriesById(database.db, meeting.series_id))!;
    const to = readParticipants(series.participants).filter(
      (p): p is typeof p & { email: string } => !!p.email,
    );
    for (const participant of to) await mailer.send(mail(participant));
    return series;
  }

  /** The notice: agenda and link in the text, the .ics invitation and the pack as PDF attached. */
  async function sendNotice(meetingId: string) {
    const row = (await reviewRepository.meetingById(database.db, meetingId))!;
    const detail = await meetingDetail(database.db, row, clock.now());
    const pdf = await packPdf(detail);
    const agendaText = detail.agenda
      .map((a) => `${a.position}. ${a.title} (${a.plannedMinutes} min)`)
      .join('\n');
    const link = detail.onlineLink ? `Online: ${detail.onlineLink}\n` : '';
    const attendees = detail.participants
      .filter((p) => p.email)
      .map((p) => ({ name: p.name, email: p.email! }));
    const ics = invitationIcs({
      uid: `${row.id}@ordo`,
      startsAt: new Date(row.starts_at),
      endsAt: new Date(row.ends_at),
      stampAt: clock.now(),
      title: row.title,
      description: `${agendaText}\n${link}`,
      url: detail.onlineLink,
      organizer: { name: detail.chair, email: attendees[0]?.email ?? 'ordo@localhost' },
      attendees,
      alarmMinutes: reminderLeadMs / minuteMs,
    });
    await mailParticipants(row, (p) => ({
      to: p.email,
      subject: `Notice: ${row.title}`,
      text: `${row.title}\n${row.starts_at} (${detail.timeZone})\n${link}\nAgenda:\n${agendaText}\n\nIssues:\n${detail.issues
        .map((i) => `[${i.department}] ${i.title}`)
        .join('\n')}\n`,
      attachments: [
        {
          filename: 'invitation.ics',
          content: ics,
          contentType: 'text/calendar; method=REQUEST; charset=utf-8',
        },
        { filename: 'pack.pdf', content: pdf, contentType: 'application/pdf' },
      ],
    }));
    await reviewRepository.updateMeeting(database.db, row.id, { notice_sent_at: clock.now().toISOString() });
  }

  /** The scheduled pass: reminds participants of a prepared meeting within the hour before it. */
  async function remindDue() {
    const now = clock.now();
    const sent: string[] = [];
    for (const row of await reviewRepository.meetingsWhere(database.db, ['prepared'])) {
      if (row.reminder_sent_at || now.getTime() < Date.parse(row.starts_at) - reminderLeadMs) continue;
      if (now.getTime() > Date.parse(row.ends_at)) continue;
      await mailParticipants(row, (p) => ({
        to: p.email,
        subject: `Reminder: ${row.title} at ${row.starts_at}`,
        text: `${row.title} starts at ${row.starts_at}.\n`,
      }));
      await reviewRepository.updateMeeting(database.db, row.id, { reminder_sent_at: now.toISOString() });
      sent.push(row.id);
    }
    return sent;
  }

  /** Agenda edits before or during the meeting: title and planned minutes, or a new item at the end. */
  async function saveAgendaItem(
    meetingId: string,
    item: { id?: string; title: string; plannedMinutes: number },
  ) {
    const row = await reviewRepository.meetingById(database.db, meetingId);
    if (!row) throw notFound('meeting', meetingId);
    if (row.status === 'closed')
      throw new AppError('INVALID_TRANSITION', 'the meeting is closed', { status: row.status });
    const agenda = await reviewRepository.agenda(database.db, meetingId);
    if (item.id) {
      if (!agenda.some((a) => a.id === item.id)) throw notFound('agenda item', item.id);
      await reviewRepository.updateAgendaItem(database.db, item.id, {
        title: item.title,
        planned_minutes: item.plannedMinutes,
      });
    } else {
      await reviewRepository.insertAgenda(database.db, [
        {
          id: uuidv7(clock.now().getTime()),
          meeting_id: meetingId,
          position: agenda.length + 1,
          section: 'solutions',
          title: item.title,
          planned_minutes: item.plannedMinutes,
          started_at: null,
          used_seconds: 0,
        },
      ]);
    }
    return getMeeting(meetingId);
  }

  return {
    createSeries,
    listSeries,
    listMeetings,
    getMeeting,
    prepareMeeting,
    prepareDue,
    remindDue,
    saveAgendaItem,
    packPdf: async (id: string) => packPdf(await getMeeting(id)),
  };
}

export type MeetingsArea = ReturnType<typeof createMeetings>;
