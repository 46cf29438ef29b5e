import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invitationIcs } from './ics.ts';

describe('meeting invitation (.ics)', () => {
  const ics = invitationIcs({
    uid: 'm1@ordo',
    startsAt: new Date('2026-11-23T02:00:00Z'),
    endsAt: new Date('2026-11-23T03:00:00Z'),
    stampAt: new Date('2026-11-20T01:00:00Z'),
    title: '周会; weekly, orders',
    description: `1. opening\n2. ${'data report '.repeat(10)}`,
    url: 'https://meet.example.com/w',
    organizer: { name: 'Chair', email: 'chair@example.com' },
    attendees: [{ name: 'Li', email: 'li@example.com' }],
    alarmMinutes: 60,
  });

  it('is one VEVENT in UTC with the link, escaped text and CRLF lines of at most 75 octets', () => {
    const lines = ics.split('\r\n');
    assert.ok(ics.endsWith('\r\n'));
    assert.ok(lines.every((line) => Buffer.byteLength(line, 'utf8') <= 75));
    const unfolded = ics.replace(/\r\n /g, '');
    assert.match(unfolded, /\r\nDTSTART:20261123T020000Z\r\nDTEND:20261123T030000Z\r\n/);
    assert.match(unfolded, /\r\nSUMMARY:周会\\; weekly\\, orders\r\n/);
    assert.match(unfolded, /\r\nDESCRIPTION:1\. opening\\n2\. data report/);
    assert.match(unfolded, /\r\nURL:https:\/\/meet\.example\.com\/w\r\n/);
    assert.match(unfolded, /\r\nATTENDEE;CN=Li;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:li@example\.com\r\n/);
    assert.match(unfolded, /\r\nTRIGGER:-PT60M\r\n/);
    assert.equal(unfolded.match(/BEGIN:VEVENT/g)?.length, 1);
  });
});
