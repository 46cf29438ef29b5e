import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quietHoursEnd } from './quiet-hours.ts';

const hours = {
  isEnabled: true,
  start: '21:00',
  end: '08:00',
  timeZone: 'Asia/Shanghai',
  deferredChannels: ['sms' as const],
};

describe('quiet hours', () => {
  it('ends at the next local end time when now is inside hours that wrap midnight', () => {
    // 23:30 in Shanghai (UTC+8) → quiet until 08:00 local = 00:00 UTC next day.
    assert.equal(
      quietHoursEnd(hours, new Date('2026-11-20T15:30:00Z'))?.toISOString(),
      '2026-11-21T00:00:00.000Z',
    );
    // 06:15 local → 08:00 local the same morning.
    assert.equal(
      quietHoursEnd(hours, new Date('2026-11-20T22:15:00Z'))?.toISOString(),
      '2026-11-21T00:00:00.000Z',
    );
  });

  it('is null in the day, when switched off, or when start equals end', () => {
    assert.equal(quietHoursEnd(hours, new Date('2026-11-20T04:00:00Z')), null);
    assert.equal(quietHoursEnd({ ...hours, isEnabled: false }, new Date('2026-11-20T15:30:00Z')), null);
    assert.equal(quietHoursEnd({ ...hours, end: '21:00' }, new Date('2026-11-20T15:30:00Z')), null);
  });

  it('handles hours within one day', () => {
    const lunch = { ...hours, start: '12:00', end: '13:30', timeZone: 'UTC' };
    assert.equal(
      quietHoursEnd(lunch, new Date('2026-11-20T12:10:30Z'))?.toISOString(),
      '2026-11-20T13:30:00.000Z',
    );
    assert.equal(quietHoursEnd(lunch, new Date('2026-11-20T13:30:00Z')), null);
  });
});
