import type { z } from 'zod';
import type { actionItemChangesBody, actionItemQuery } from '../../contracts/review.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { pageByKeys } from '../../platform/pagination.ts';
import { dueReminder, isMinutesLate } from './follow-up.ts';
import { toActionItem } from './meeting-views.ts';
import type { ReviewDeps } from './meetings.ts';
import { readParticipants, reviewRepository } from './review.repository.ts';

/** After the meeting: minutes to everyone, late minutes flagged, action items and their reminders. */
export function createFollowUps(deps: Pick<ReviewDeps, 'database' | 'clock' | 'mailer'>) {
  const { database, clock, mailer } = deps;

  /** Mails the stored minutes to every participant and records when. */
  async function sendMinutes(meetingId: string) {
    const row = await reviewRepository.meetingById(database.db, meetingId);
    if (!row) throw notFound('meeting', meetingId);
    if (row.status !== 'closed' || !row.minutes)
      throw new AppError('INVALID_TRANSITION', 'minutes are sent after the meeting is closed', {
        status: row.status,
      });
    const series = (await reviewRepository.seriesById(database.db, row.series_id))!;
    for (const p of readParticipants(series.participants)) {
      if (p.email) await mailer.send({ to: p.email, subject: `Minutes: ${row.title}`, text: row.minutes });
    }
    const now = clock.now();
    await reviewRepository.updateMeeting(database.db, meetingId, {
      minutes_sent_at: now.toISOString(),
      ...(isMinutesLate({ closedAt: row.closed_at, minutesSentAt: now.toISOString() }, now)
        ? { minutes_late_at: now.toISOString() }
        : {}),
    });
    return { meetingId, sentAt: now.toISOString() };
  }

  /** Flags closed meetings whose minutes did not go out within 24 hours; each once. */
  async function flagLateMinutes() {
    const now = clock.now();
    const flagged: string[] = [];
    for (const row of await reviewRepository.closedWithoutMinutesSent(database.db)) {
      if (!isMinutesLate({ closedAt: row.closed_at, minutesSentAt: row.minutes_sent_at }, now)) continue;
      await reviewRepository.updateMeeting(database.db, row.id, { minutes_late_at: now.toISOString() });
      flagged.push(row.id);
    }
    return flagged;
  }

  /** Mails owners a day before an item's deadline and once after it has passed. */
  async function remindOwners() {
    const now = clock.now();
    const sent: { id: string; reminder: 'before' | 'after' }[] = [];
    for (const row of await reviewRepository.openActionItems(database.db)) {
      const reminder = dueReminder(
        {
          status: row.status,
          deadlineAt: row.deadline_at,
          remindedBeforeAt: row.reminded_before_at,
          remindedAfterAt: row.reminded_after_at,
        },
        now,
      );
      if (!reminder) continue;
      if (row.owner_email) {
        await mailer.send({
          to: row.owner_email,
          subject: reminder === 'before' ? `Due soon: ${row.title}` : `Overdue: ${row.title}`,
          text: `${row.title}\nDeadline: ${row.deadline_at}\n`,
        });
      }
      await reviewRepository.updateActionItem(
        database.db,
        row.id,
        reminder === 'before'
          ? { reminded_before_at: now.toISOString() }
          : { reminded_after_at: now.toISOString() },
      );
      sent.push({ id: row.id, reminder });
    }
    return sent;
  }

  /** Action items, e.g. one owner's task list; open ones by deadline. */
  async function listActionItems(query: z.output<typeof actionItemQuery>) {
    let q = reviewRepository.actionItemsQuery(database.db);
    if (query.owner)
      q = q.where((eb) => eb.or([eb('owner_name', '=', query.owner!), eb('owner_email', '=', query.owner!)]));
    if (query.status) q = q.where('status', '=', query.status);
    const now = clock.now();
    return pageByKeys(
      q,
      ['deadline_at', 'id'],
      query,
      (row) => toActionItem(row, now),
      (row) => [row.deadline_at, row.id],
    );
  }

  /** Marks an item done, or dropped with its reason: its owner does, or a manager (review:manage). */
  async function changeActionItem(
    by: { actor: Actor; permissions: readonly string[] },
    id: string,
    body: z.output<typeof actionItemChangesBody>,
  ) {
    const row = await reviewRepository.actionItemById(database.db, id);
    if (!row) throw notFound('action item', id);
    const isOwner = row.owner_user_id !== null && by.actor.id === row.owner_user_id;
    if (!isOwner && !by.permissions.includes('review:manage'))
      throw new AppError('NOT_ACTION_OWNER', 'only the owner or a manager changes this action item', {
        ownerName: row.owner_name,
      });
    if (body.status === 'dropped' && !body.dropReason) throw invalidField('dropReason', 'dropNeedsReason');
    const now = clock.now().toISOString();
    await reviewRepository.updateActionItem(database.db, id, {
      status: body.status,
      done_at: body.status === 'done' ? now : null,
      drop_reason: body.status === 'dropped' ? body.dropReason! : null,
    });
    return toActionItem((await reviewRepository.actionItemById(database.db, id))!, clock.now());
  }

  return { sendMinutes, flagLateMinutes, remindOwners, listActionItems, changeActionItem };
}
