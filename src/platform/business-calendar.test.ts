import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addWorkingHours,
  type BusinessCalendar,
  businessCalendarSchema,
  countingStart,
  defaultCalendar,
  endOfWorkingDay,
  isWorkingDay,
  workingDayHours,
  workingHoursBetween,
} from './business-calendar.ts';

// Shanghai is UTC+8 all year: 10:00 local = 02:00Z. 2026-11-16 is a Monday.
const shanghai = (local: string) => new Date(`${local}+08:00`);
const iso = (date: Date) => date.toISOString();

// Mon–Fri with a National-Day-style week off (Thu 10-01 … Wed 10-07) and two 调休 make-up
// days (Sun 09-27, Sat 10-10). The dates are examples, not the official schedule.
const monToFri: BusinessCalendar = {
  ...defaultCalendar,
  workingDays: [1, 2, 3, 4, 5],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  extraWorkingDays: ['2026-09-27', '2026-10-10'],
};

describe('business calendar: working days', () => {
  it('closes holidays, opens make-up days and otherwise follows the weekdays', () => {
    assert.equal(isWorkingDay(monToFri, '2026-11-16'), true); // Monday
    assert.equal(isWorkingDay(monToFri, '2026-11-21'), false); // Saturday, not in Mon–Fri
    assert.equal(isWorkingDay(defaultCalendar, '2026-11-21'), true); // Saturday, default is Mon–Sat
    assert.equal(isWorkingDay(monToFri, '2026-10-01'), false); // Thursday, holiday
    assert.equal(isWorkingDay(monToFri, '2026-09-27'), true); // Sunday, make-up day
    assert.equal(isWorkingDay(monToFri, '2026-02-30'), false); // not a date
  });

  it('knows the length of a working day', () => {
    assert.equal(workingDayHours(defaultCalendar), 9); // 18:00 − 09:00
    assert.equal(
      workingDayHours({ ...defaultCalendar, workingHours: { start: '08:30', end: '17:00' } }),
      8.5,
    );
  });
});

describe('business calendar: addWorkingHours', () => {
  it('adds inside one day', () => {
    // Mon 10:00 + 2.5 h = Mon 12:30 +08 = 04:30Z
    assert.equal(
      iso(addWorkingHours(defaultCalendar, shanghai('2026-11-16T10:00'), 2.5)),
      '2026-11-16T04:30:00.000Z',
    );
  });

  it('carries over a night', () => {
    // Mon 15:00 + 5 h: Mon 15→18 = 3 h, Tue 09:00 + 2 h = Tue 11:00 +08 = 03:00Z
    assert.equal(
      iso(addWorkingHours(defaultCalendar, shanghai('2026-11-16T15:00'), 5)),
      '2026-11-17T03:00:00.000Z',
    );
  });

  it('ends at the close, not the next opening, when the hours run out exactly there', () => {
    // Mon 15:00 + 3 h: Mon 15→18 = 3 h → Mon 18:00 +08 = 10:00Z
    assert.equal(
      iso(addWorkingHours(defaultCalendar, shanghai('2026-11-16T15:00'), 3)),
      '2026-11-16T10:00:00.000Z',
    );
  });

  it('skips a weekend', () => {
    // Mon–Fri: Fri 11-20 17:00 + 3 h: Fri 17→18 = 1 h, Sat+Sun closed, Mon 11-23 09:00 + 2 h = 11:00 +08 = 03:00Z
    assert.equal(iso(addWorkingHours(monToFri, shanghai('2026-11-20T17:00'), 3)), '2026-11-23T03:00:00.000Z');
    // Mon–Sat: Sat 11-21 17:00 + 3 h: Sat 1 h, Sun closed, Mon 11-23 09:00 + 2 h = 03:00Z
    assert.equal(
      iso(addWorkingHours(defaultCalendar, shanghai('2026-11-21T17:00'), 3)),
      '2026-11-23T03:00:00.000Z',
    );
  });

  it('works a make-up Sunday and skips a holiday week', () => {
    // Fri 09-25 17:00 + 3 h: Fri 1 h, Sat 09-26 closed, Sun 09-27 (make-up) 09:00 + 2 h = 11:00 +08 = 03:00Z
    assert.equal(iso(addWorkingHours(monToFri, shanghai('2026-09-25T17:00'), 3)), '2026-09-27T03:00:00.000Z');
    // Wed 09-30 16:00 + 21 h: Wed 2 h, Thu 10-01 … Wed 10-07 closed (holidays and the weekend),
    // Thu 10-08 9 h (11), Fri 10-09 9 h (20), Sat 10-10 (make-up) 09:00 + 1 h = 10:00 +08 = 02:00Z
    assert.equal(
      iso(addWorkingHours(monToFri, shanghai('2026-09-30T16:00'), 21)),
      '2026-10-10T02:00:00.000Z',
    );
  });

  it('starts from the next opening when called outside hours, and refuses negative hours', () => {
    // Mon 07:00 + 1 h = Mon 09:00 + 1 h = 10:00 +08 = 02:00Z
    assert.equal(
      iso(addWorkingHours(defaultCalendar, shanghai('2026-11-16T07:00'), 1)),
      '2026-11-16T02:00:00.000Z',
    );
    assert.throws(() => addWorkingHours(defaultCalendar, shanghai('2026-11-16T07:00'), -1), RangeError);
  });
});

describe('business calendar: cut-off', () => {
  it('counts an order from receipt up to the cut-off, else from the next working opening', () => {
    const start = (local: string) => iso(countingStart(monToFri, shanghai(local)));
    assert.equal(start('2026-11-16T15:59'), '2026-11-16T07:59:00.000Z'); // in hours, before 16:00: itself
    assert.equal(start('2026-11-16T16:00'), '2026-11-16T08:00:00.000Z'); // at the cut-off: still today
    assert.equal(start('2026-11-16T16:01'), '2026-11-17T01:00:00.000Z'); // after: Tue 09:00 +08
    assert.equal(start('2026-11-16T23:30'), '2026-11-17T01:00:00.000Z'); // after close: Tue 09:00
    assert.equal(start('2026-11-16T07:00'), '2026-11-16T01:00:00.000Z'); // before opening: Mon 09:00
    assert.equal(start('2026-11-21T10:00'), '2026-11-23T01:00:00.000Z'); // Saturday: Mon 09:00
  });

  it('finds the close of the Nth working day from where the order counts', () => {
    const close = (local: string, daysAhead?: number) =>
      iso(endOfWorkingDay(monToFri, shanghai(local), daysAhead));
    assert.equal(close('2026-11-16T15:00'), '2026-11-16T10:00:00.000Z'); // Mon before cut-off → Mon 18:00 +08
    assert.equal(close('2026-11-16T16:30'), '2026-11-17T10:00:00.000Z'); // after cut-off → Tue 18:00
    assert.equal(close('2026-11-16T10:00', 2), '2026-11-18T10:00:00.000Z'); // Mon + 2 working days → Wed 18:00
    assert.equal(close('2026-11-20T16:30'), '2026-11-23T10:00:00.000Z'); // Fri after cut-off → Mon 18:00
    assert.equal(close('2026-11-20T16:30', 1), '2026-11-24T10:00:00.000Z'); // … + 1 → Tue 18:00
  });
});

describe('business calendar: workingHoursBetween', () => {
  it('counts working time both ways', () => {
    // Mon 15:00 → Tue 11:00: Mon 3 h + Tue 2 h = 5
    assert.equal(
      workingHoursBetween(defaultCalendar, shanghai('2026-11-16T15:00'), shanghai('2026-11-17T11:00')),
      5,
    );
    assert.equal(
      workingHoursBetween(defaultCalendar, shanghai('2026-11-17T11:00'), shanghai('2026-11-16T15:00')),
      -5,
    );
    // Fri 17:00 → Mon 10:00 (Mon–Fri): Fri 1 h + Mon 1 h = 2
    assert.equal(
      workingHoursBetween(monToFri, shanghai('2026-11-20T17:00'), shanghai('2026-11-23T10:00')),
      2,
    );
  });

  it('reads 0 (not −0) across closed time, and inverts addWorkingHours', () => {
    const saturday = shanghai('2026-11-21T10:00');
    const sunday = shanghai('2026-11-22T10:00');
    assert.equal(workingHoursBetween(monToFri, saturday, sunday), 0);
    assert.equal(workingHoursBetween(monToFri, sunday, saturday), 0);
    // Wed 09-30 16:00 + 21 h lands on the make-up Saturday; the count back is the same 21.
    const from = shanghai('2026-09-30T16:00');
    assert.equal(workingHoursBetween(monToFri, from, addWorkingHours(monToFri, from, 21)), 21);
  });
});

describe('business calendar: daylight saving time (Europe/Berlin)', () => {
  const berlin: BusinessCalendar = {
    ...monToFri,
    timeZone: 'Europe/Berlin',
    holidays: [],
    extraWorkingDays: [],
  };

  it('opens at 09:00 local on both sides of the spring change (Sun 2026-03-29)', () => {
    // Fri 03-27 17:00 CET (+01) = 16:00Z. + 3 h: Fri 17→18 = 1 h; Mon 03-30 opens 09:00 CEST (+02)
    // = 07:00Z, + 2 h = 09:00Z. Keeping Friday's +01 offset would wrongly give 10:00Z.
    assert.equal(
      iso(addWorkingHours(berlin, new Date('2026-03-27T16:00:00Z'), 3)),
      '2026-03-30T09:00:00.000Z',
    );
    assert.equal(
      workingHoursBetween(berlin, new Date('2026-03-27T16:00:00Z'), new Date('2026-03-30T09:00:00Z')),
      3,
    );
  });

  it('counts the real hours of a shift that spans the change', () => {
    const sundayNights: BusinessCalendar = {
      ...berlin,
      workingDays: [7],
      workingHours: { start: '01:00', end: '04:00' },
      cutoffTime: '03:00',
    };
    // Spring: 01:00 CET = 00:00Z to 04:00 CEST = 02:00Z; 02:00–03:00 never happens → 2 h, not 3
    assert.equal(
      workingHoursBetween(sundayNights, new Date('2026-03-28T12:00:00Z'), new Date('2026-03-30T12:00:00Z')),
      2,
    );
    // Autumn (Sun 10-25): 01:00 CEST = 23:00Z on 10-24 to 04:00 CET = 03:00Z; 02:00–03:00 twice → 4 h
    assert.equal(
      workingHoursBetween(sundayNights, new Date('2026-10-24T12:00:00Z'), new Date('2026-10-26T12:00:00Z')),
      4,
    );
    // An opening inside the gap moves forward: 02:30 does not exist on 03-29, so the shift opens
    // at 03:30 CEST = 01:30Z and closes 04:00 CEST = 02:00Z → 0.5 h
    const gapOpening = { ...sundayNights, workingHours: { start: '02:30', end: '04:00' } };
    assert.equal(
      workingHoursBetween(gapOpening, new Date('2026-03-28T12:00:00Z'), new Date('2026-03-30T12:00:00Z')),
      0.5,
    );
  });
});

describe('business calendar: schema', () => {
  const issuesOf = (input: unknown) => {
    const result = businessCalendarSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  it('accepts the default calendar and one with holidays and make-up days', () => {
    assert.deepEqual(issuesOf(defaultCalendar), []);
    assert.deepEqual(issuesOf(monToFri), []);
  });

  it('refuses bad input, naming the field', () => {
    assert.deepEqual(issuesOf({ ...defaultCalendar, timeZone: 'Mars/Olympus' }), ['timeZone']);
    assert.deepEqual(issuesOf({ ...defaultCalendar, workingDays: [] }), ['workingDays']);
    assert.deepEqual(issuesOf({ ...defaultCalendar, workingDays: [1, 8] }), ['workingDays.1']);
    assert.deepEqual(issuesOf({ ...defaultCalendar, workingHours: { start: '9:00', end: '18:00' } }), [
      'workingHours.start',
    ]);
    assert.deepEqual(issuesOf({ ...defaultCalendar, workingHours: { start: '18:00', end: '09:00' } }), [
      'workingHours.end',
    ]);
    assert.deepEqual(issuesOf({ ...defaultCalendar, cutoffTime: '19:00' }), ['cutoffTime']);
    assert.deepEqual(issuesOf({ ...defaultCalendar, holidays: ['2026-02-30'] }), ['holidays.0']);
    assert.deepEqual(
      issuesOf({ ...defaultCalendar, holidays: ['2026-10-01'], extraWorkingDays: ['2026-10-01'] }),
      ['extraWorkingDays.0'],
    );
  });
});
