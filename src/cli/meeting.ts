import type { App } from '../app.ts';

/**
 * `ordo meeting prepare [series]`: prepares the given series' next meeting now (pack, issue
 * lists, agenda, plan, notice), or every series whose Friday preparation is due.
 */
export async function prepareMeetings(app: App, seriesId: string | undefined): Promise<void> {
  if (seriesId) {
    const meeting = await app.review.meetings.prepare(seriesId);
    console.log(
      `${meeting.id}\t${meeting.startsAt}\t${meeting.issues.length} issues\tnotice ${meeting.noticeSentAt ?? 'not sent'}`,
    );
    return;
  }
  const { prepared } = await app.review.runScheduled();
  console.log(prepared.length === 0 ? 'nothing due' : prepared.join('\n'));
}

/** `ordo meeting follow-up`: the scheduled pass once (reminders, late minutes, KPI checks). */
export async function followUpMeetings(app: App): Promise<void> {
  const result = await app.review.runScheduled();
  console.log(JSON.stringify(result, null, 2));
}
