import type { z } from 'zod';
import type { newActionItemBody } from '../../contracts/review.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { usedSeconds } from './agenda.ts';
import { knownKpi } from './improvement.ts';
import { meetingDetail } from './meeting-views.ts';
import type { ReviewDeps } from './meetings.ts';
import { writeMinutes } from './minutes.ts';
import { reviewRepository } from './review.repository.ts';

/** The meeting as it runs: timers per agenda item, decisions, action items, feedback, closing. */
export function createMeetingMode(deps: Pick<ReviewDeps, 'database' | 'clock' | 'ports'>) {
  const { database, clock, ports } = deps;

  async function openMeeting(tx: Executor, id: string) {
    const row = await reviewRepository.meetingById(tx, id);
    if (!row) throw notFound('meeting', id);
    if (row.status === 'closed')
      throw new AppError('INVALID_TRANSITION', 'the meeting is closed', { status: row.status });
    return row;
  }

  /** Banks the running item's time and stops it; one item runs at a time. */
  async function stopRunning(tx: Executor, meetingId: string, now: Date) {
    for (const item of await reviewRepository.agenda(tx, meetingId)) {
      if (!item.started_at) continue;
      const used = usedSeconds({ usedSeconds: Number(item.used_seconds), startedAt: item.started_at }, now);
      await reviewRepository.updateAgendaItem(tx, item.id, { started_at: null, used_seconds: used });
    }
  }

  const view = async (id: string) =>
    meetingDetail(database.db, (await reviewRepository.meetingById(database.db, id))!, clock.now(), (kpi) =>
      ports.kpiValue(kpi, clock.now()),
    );

  /** Starts an agenda item's timer (and the meeting, on its first item); `itemId` null stops the timer. */
  async function runItem(meetingId: string, itemId: string | null) {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      const meeting = await openMeeting(tx, meetingId);
      const agenda = await reviewRepository.agenda(tx, meetingId);
      if (itemId && !agenda.some((a) => a.id === itemId)) throw notFound('agenda item', itemId);
      await stopRunning(tx, meetingId, now);
      if (itemId) await reviewRepository.updateAgendaItem(tx, itemId, { started_at: now.toISOString() });
      if (meeting.status !== 'running')
        await reviewRepository.updateMeeting(tx, meetingId, {
          status: 'running',
          started_at: meeting.started_at ?? now.toISOString(),
        });
    });
    return view(meetingId);
  }

  async function addDecision(meetingId: string, body: { text: string; issueId?: string | null }) {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      await openMeeting(tx, meetingId);
      if (body.issueId) await issueOf(tx, meetingId, body.issueId);
      await reviewRepository.insertDecision(tx, {
        id: uuidv7(now.getTime()),
        meeting_id: meetingId,
        issue_id: body.issueId ?? null,
        text: body.text,
        created_at: now.toISOString(),
      });
      if (body.issueId) await reviewRepository.updateIssue(tx, body.issueId, { status: 'discussed' });
    });
    return view(meetingId);
  }

  async function issueOf(tx: Executor, meetingId: string, issueId: string) {
    const issue = (await reviewRepository.issues(tx, meetingId)).find((i) => i.id === issueId);
    if (!issue) throw invalidField('issueId', 'notMeetingIssue', {}, { issueId });
    return issue;
  }

  /**
   * Records an action item. Its owner is an active user (named by username, display name or
   * e-mail); a KPI it aims at is measured now, so the next meeting sees the effect.
   */
  async function addActionItem(meetingId: string, body: z.output<typeof newActionItemBody>) {
    const now = clock.now();
    const owner = await reviewRepository.activeUserNamed(
      database.db,
      body.ownerName,
      body.ownerEmail ?? null,
    );
    if (!owner)
      throw new AppError('UNKNOWN_USER', `ownerName: "${body.ownerName}" is not an active user`, {
        field: 'ownerName',
      });
    if (body.kpi) await knownKpi(ports, body.kpi, 'kpi');
    const baseline = body.kpi ? await ports.kpiValue(body.kpi, now) : null;
    await inTransaction(database, async (tx) => {
      await openMeeting(tx, meetingId);
      if (body.issueId) await issueOf(tx, meetingId, body.issueId);
      await reviewRepository.insertActionItem(tx, {
        id: uuidv7(now.getTime()),
        meeting_id: meetingId,
        issue_id: body.issueId ?? null,
        title: body.title,
        owner_name: owner.display_name,
        owner_email: body.ownerEmail ?? owner.email,
        owner_user_id: owner.id,
        kpi: body.kpi ?? null,
        kpi_baseline: baseline,
        deadline_at: new Date(body.deadlineAt).toISOString(),
        link_type: body.link?.type ?? null,
        link_ref: body.link?.ref ?? null,
        status: 'open',
        created_at: now.toISOString(),
      });
    });
    return view(meetingId);
  }

  async function addFeedback(
    actor: Actor,
    meetingId: string,
    body: { rating: number; comment?: string | null },
  ) {
    const now = clock.now();
    const row = await reviewRepository.meetingById(database.db, meetingId);
    if (!row) throw notFound('meeting', meetingId);
    await reviewRepository.insertFeedback(database.db, {
      id: uuidv7(now.getTime()),
      meeting_id: meetingId,
      rating: body.rating,
      comment: body.comment ?? null,
      author: actor.name,
      created_at: now.toISOString(),
    });
    return view(meetingId);
  }

  /** Closes the meeting: the timer stops and the minutes are written from what was recorded. */
  async function closeMeeting(meetingId: string) {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      await openMeeting(tx, meetingId);
      await stopRunning(tx, meetingId, now);
      await reviewRepository.updateMeeting(tx, meetingId, { status: 'closed', closed_at: now.toISOString() });
      const row = (await reviewRepository.meetingById(tx, meetingId))!;
      const minutes = writeMinutes(await meetingDetail(tx, row, now));
      await reviewRepository.updateMeeting(tx, meetingId, { minutes });
    });
    return view(meetingId);
  }

  return { runItem, addDecision, addActionItem, addFeedback, closeMeeting };
}
