import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildAgenda } from './agenda.ts';
import { actionState, dueReminder, isMinutesLate, verdict } from './follow-up.ts';

const deadlineAt = '2026-11-26T02:00:00.000Z';
const at = (iso: string) => new Date(iso);

describe('follow-up rules', () => {
  it('an open item past its deadline is late; done and dropped stay so', () => {
    assert.equal(actionState({ status: 'open', deadlineAt }, at('2026-11-26T01:59:59Z')), 'open');
    assert.equal(actionState({ status: 'open', deadlineAt }, at('2026-11-26T02:00:01Z')), 'late');
    assert.equal(actionState({ status: 'dropped', deadlineAt }, at('2026-12-30T00:00:00Z')), 'dropped');
  });

  it('reminds once a day before and once after the deadline', () => {
    const item = { status: 'open', deadlineAt, remindedBeforeAt: null, remindedAfterAt: null };
    assert.equal(dueReminder(item, at('2026-11-25T01:00:00Z')), null);
    assert.equal(dueReminder(item, at('2026-11-25T02:00:00Z')), 'before');
    assert.equal(dueReminder({ ...item, remindedBeforeAt: 'x' }, at('2026-11-25T12:00:00Z')), null);
    assert.equal(dueReminder({ ...item, remindedBeforeAt: 'x' }, at('2026-11-26T03:00:00Z')), 'after');
    assert.equal(dueReminder({ ...item, remindedAfterAt: 'x' }, at('2026-11-27T03:00:00Z')), null);
  });

  it('minutes are late when not sent within 24 hours of the close', () => {
    const closedAt = '2026-11-23T03:00:00.000Z';
    assert.equal(isMinutesLate({ closedAt, minutesSentAt: null }, at('2026-11-24T02:59:00Z')), false);
    assert.equal(isMinutesLate({ closedAt, minutesSentAt: null }, at('2026-11-24T03:01:00Z')), true);
    assert.equal(
      isMinutesLate({ closedAt, minutesSentAt: '2026-11-23T09:00:00.000Z' }, at('2026-12-01T00:00:00Z')),
      false,
    );
    assert.equal(
      isMinutesLate({ closedAt, minutesSentAt: '2026-11-24T05:00:00.000Z' }, at('2026-12-01T00:00:00Z')),
      true,
    );
  });

  it('judges a KPI in the direction from baseline to target', () => {
    assert.equal(verdict({ baseline: 0.08, target: 0.05, measured: 0.04 }), 'effective');
    assert.equal(verdict({ baseline: 0.08, target: 0.05, measured: 0.06 }), 'not_effective');
    assert.equal(verdict({ baseline: 0.9, target: 0.95, measured: 0.96 }), 'effective');
  });

  it('builds the agenda in the seed order, time shared by issue count', () => {
    const agenda = buildAgenda({ logistics: 3, customer_service: 1 }, 60);
    assert.deepEqual(
      agenda.map((a) => [a.title, a.plannedMinutes]),
      [
        ['opening', 3],
        ['data_report', 10],
        ['customer_service', 6],
        ['logistics', 19],
        ['solutions', 9],
        ['next_week', 7],
        ['summary', 5],
      ],
    );
  });
});
