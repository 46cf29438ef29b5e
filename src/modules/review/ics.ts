/**
 * A one-event iCalendar invitation (RFC 5545), written by hand: a VEVENT needs a dozen lines and
 * no package is installed for it. Times are UTC (`Z`), so no VTIMEZONE block is needed.
 */
export interface Invitation {
  uid: string;
  startsAt: Date;
  endsAt: Date;
  stampAt: Date;
  title: string;
  description: string;
  url: string | null;
  organizer: { name: string; email: string };
  attendees: readonly { name: string; email: string }[];
  /** Minutes before the start for the calendar's own reminder. */
  alarmMinutes: number;
}

const utc = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Escapes TEXT values (RFC 5545 §3.3.11). */
const text = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Folds lines longer than 75 octets (§3.1): continuation lines start with one space. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (Buffer.byteLength(current + char, 'utf8') > limit) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function invitationIcs(invite: Invitation): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ordo//Weekly meeting//EN',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    `UID:${invite.uid}`,
    `DTSTAMP:${utc(invite.stampAt)}`,
    `DTSTART:${utc(invite.startsAt)}`,
    `DTEND:${utc(invite.endsAt)}`,
    `SUMMARY:${text(invite.title)}`,
    `DESCRIPTION:${text(invite.description)}`,
    ...(invite.url ? [`URL:${invite.url}`, `LOCATION:${text(invite.url)}`] : []),
    `ORGANIZER;CN=${text(invite.organizer.name)}:mailto:${invite.organizer.email}`,
    ...invite.attendees.map(
      (a) => `ATTENDEE;CN=${text(a.name)};ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:${a.email}`,
    ),
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${text(invite.title)}`,
    `TRIGGER:-PT${invite.alarmMinutes}M`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
