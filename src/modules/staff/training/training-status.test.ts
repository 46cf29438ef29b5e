import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gradeQuiz, reminderReason, requirementState } from './training-status.ts';

describe('training status', () => {
  const passed = '2026-01-01T10:00:00.000Z';

  it('is due until passed, valid, then expiring two weeks before the renewal, then expired', () => {
    assert.equal(requirementState(null, 30, new Date('2026-01-05')).status, 'due');
    assert.equal(requirementState(passed, 30, new Date('2026-01-10T00:00:00Z')).status, 'valid');
    const expiring = requirementState(passed, 30, new Date('2026-01-20T00:00:00Z'));
    assert.deepEqual(expiring, {
      status: 'expiring',
      passedAt: passed,
      expiresAt: '2026-01-31T10:00:00.000Z',
    });
    assert.equal(requirementState(passed, 30, new Date('2026-01-31T10:00:00Z')).status, 'expired');
    assert.equal(requirementState(passed, null, new Date('2036-01-01')).status, 'valid');
  });

  it('names each reminder by the pass it is about', () => {
    assert.equal(reminderReason(requirementState(null, 30, new Date())), 'due');
    assert.equal(reminderReason(requirementState(passed, 30, new Date('2026-01-10'))), null);
    assert.equal(reminderReason(requirementState(passed, 30, new Date('2026-01-20'))), 'expiring:2026-01-31');
    assert.equal(reminderReason(requirementState(passed, 30, new Date('2026-02-20'))), 'expired:2026-01-31');
  });

  it('grades a quiz in whole percent', () => {
    const quiz = [
      { question: 'a', options: ['x', 'y'], answer: 0 },
      { question: 'b', options: ['x', 'y'], answer: 1 },
      { question: 'c', options: ['x', 'y'], answer: 1 },
    ];
    assert.equal(gradeQuiz(quiz, [0, 1, 1]), 100);
    assert.equal(gradeQuiz(quiz, [0, 0, 1]), 66);
    assert.equal(gradeQuiz(quiz, []), 0);
  });
});
