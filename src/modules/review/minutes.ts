import type { MeetingDetail } from './meeting-views.ts';

const minutesOf = (seconds: number) => Math.round(seconds / 60);

/** The minutes as plain text, from what the meeting recorded (pure). */
export function writeMinutes(meeting: MeetingDetail): string {
  const lines = [
    `Minutes: ${meeting.title}`,
    `Held ${meeting.startedAt ?? meeting.startsAt} – ${meeting.closedAt ?? ''} (${meeting.timeZone}); chair ${meeting.chair}`,
    `Participants: ${meeting.participants.map((p) => p.name).join(', ')}`,
    '',
    'Agenda (planned / used minutes):',
    ...meeting.agenda.map(
      (a) =>
        `  ${a.position}. ${a.title}: ${a.plannedMinutes} / ${minutesOf(a.usedSeconds)}${a.isOvertime ? ' (over time)' : ''}`,
    ),
    '',
    'Last meeting’s action items:',
    ...(meeting.previousActionItems.length === 0
      ? ['  none']
      : meeting.previousActionItems.map(
          (a) => `  - ${a.title} (${a.ownerName}): ${a.state}${a.dropReason ? ` — ${a.dropReason}` : ''}`,
        )),
    '',
    'Issues:',
    ...meeting.issues.map((i) => `  - [${i.department}] ${i.title} (${i.status})`),
    '',
    'Decisions:',
    ...(meeting.decisions.length === 0 ? ['  none'] : meeting.decisions.map((d) => `  - ${d.text}`)),
    '',
    'Action items:',
    ...(meeting.actionItems.length === 0
      ? ['  none']
      : meeting.actionItems.map(
          (a) =>
            `  - ${a.title} — ${a.ownerName}, by ${a.deadlineAt}${a.link ? ` [${a.link.type} ${a.link.ref}]` : ''}`,
        )),
  ];
  return `${lines.join('\n')}\n`;
}
