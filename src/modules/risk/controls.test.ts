import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MonitorControl } from '../../contracts/risk.ts';
import { controlsToTake } from './controls.ts';

const notifyOps: MonitorControl = { kind: 'notify_role', level: 'warning', role: 'ops_manager' };
const reviewAbove: MonitorControl = {
  kind: 'force_review_above_amount',
  level: 'critical',
  amountMinor: 200_000,
};
const pauseAtWarning: MonitorControl = { kind: 'pause_channel_auto_approval', level: 'warning' };
const pauseAtCritical: MonitorControl = {
  kind: 'pause_channel_auto_approval',
  level: 'critical',
  channel: 'mall',
};

describe('controls a new alert takes', () => {
  it('takes the controls of its level and below', () => {
    const controls = [notifyOps, reviewAbove, pauseAtWarning];
    assert.deepEqual(controlsToTake(controls, 'warning', []), [notifyOps, pauseAtWarning]);
    assert.deepEqual(controlsToTake(controls, 'critical', []), controls);
  });

  it('repeats a notice but not a change whose measure still stands', () => {
    const standing = [
      { kind: 'notify_role', params: { level: 'warning', role: 'ops_manager', mailed: 1 } },
      { kind: 'pause_channel_auto_approval', params: { level: 'warning', channel: 'web' } },
    ];
    assert.deepEqual(controlsToTake([notifyOps, pauseAtWarning, reviewAbove], 'critical', standing), [
      notifyOps,
      reviewAbove,
    ]);
  });

  it('tells two controls of one kind apart by their level', () => {
    const standing = [{ kind: 'pause_channel_auto_approval', params: { level: 'warning', channel: 'web' } }];
    assert.deepEqual(controlsToTake([pauseAtWarning, pauseAtCritical], 'critical', standing), [
      pauseAtCritical,
    ]);
  });

  it('counts a measure recorded before controls had levels as standing for its kind', () => {
    const standing = [{ kind: 'pause_channel_auto_approval', params: { channel: 'web' } }];
    assert.deepEqual(controlsToTake([pauseAtWarning, pauseAtCritical], 'critical', standing), []);
  });
});
