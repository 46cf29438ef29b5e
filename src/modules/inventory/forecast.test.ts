import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forecastDemand } from './forecast.ts';

/** `week` repeated until `days` days, starting on its first element. */
const repeatWeek = (week: readonly number[], days: number) =>
  Array.from({ length: days }, (_, t) => week[t % week.length]);

const assertClose = (actual: readonly number[], expected: readonly number[], tolerance = 1e-9) => {
  assert.equal(actual.length, expected.length);
  for (const [i, value] of actual.entries())
    assert.ok(Math.abs(value - expected[i]) <= tolerance, `day ${i}: ${value} ≠ ${expected[i]}`);
};

const absErrorSum = (actual: readonly number[], predicted: readonly number[]) =>
  actual.reduce((sum, units, i) => sum + Math.abs(units - predicted[i]), 0);

describe('forecastDemand', () => {
  it('forecasts a constant series as that constant, with no spread and no back-test error', () => {
    const result = forecastDemand(Array(60).fill(5));
    assert.equal(result.method, 'holt_winters_weekly');
    assertClose(result.forecast, Array(28).fill(5));
    assert.equal(result.meanDaily, 5);
    assert.equal(result.stdDaily, 0);
    // Every pair fits perfectly, so the first (smoothest) grid point is kept.
    assert.deepEqual(result.params, { alpha: 0.05, gamma: 0.05 });
    assert.equal(result.backtest?.mae, 0);
    assert.equal(result.backtest?.wape, 0);
    assert.equal(result.backtest?.naiveWape, 0);
  });

  it('continues a pure weekly pattern on the right weekday and ties the seasonal-naive forecast', () => {
    const week = [10, 10, 10, 10, 10, 30, 30];
    // 82 days: the next day is day 82, and 82 % 7 = 5, the first 30.
    const result = forecastDemand(repeatWeek(week, 82), { horizonDays: 9 });
    assert.equal(result.method, 'holt_winters_weekly');
    assertClose(result.forecast, [30, 30, 10, 10, 10, 10, 10, 30, 30]);
    assert.equal(result.backtest?.wape, 0);
    assert.equal(result.backtest?.naiveWape, 0);
  });

  it('beats seasonal naive when the last week before the cut-off had a one-off spike', () => {
    const history = repeatWeek([10, 10, 10, 10, 10, 30, 30], 84);
    history[84 - 28 - 3] = 100; // a one-off order three days before the back-test starts
    const backtest = forecastDemand(history).backtest!;
    assert.ok(backtest.wape! < backtest.naiveWape!, `${backtest.wape} vs ${backtest.naiveWape}`);
  });

  it('switches to seasonal naive when the weekly shape changed and naive back-tests far better', () => {
    // Ten weeks peaking on the weekend, then five weeks peaking on Monday.
    const history = [...repeatWeek([5, 5, 5, 5, 5, 40, 40], 70), ...repeatWeek([40, 5, 5, 5, 5, 5, 5], 35)];
    const result = forecastDemand(history, { horizonDays: 7 });
    assert.equal(result.method, 'seasonal_naive');
    assert.equal(result.params, null);
    assert.deepEqual(result.forecast, [40, 5, 5, 5, 5, 5, 5]);
    assert.equal(result.backtest?.wape, 0);
    assert.equal(result.backtest?.naiveWape, 0);
  });

  it('keeps a slow mover on Holt-Winters even when naive back-tests better', () => {
    // 3 units every fourth day for 65 days, then 35 quiet days: naive (last week's zeros) would
    // back-test perfectly, but 76 of the last 90 days sold nothing, so it is not a candidate.
    const history = Array.from({ length: 100 }, (_, t) => (t < 65 && t % 4 === 0 ? 3 : 0));
    const result = forecastDemand(history);
    assert.equal(result.method, 'holt_winters_weekly');
    assert.equal(result.backtest?.naiveWape, null);
    assert.ok(result.forecast.some((units) => units > 0));
  });

  it('uses a flat mean under two weeks of history', () => {
    const result = forecastDemand([3, 5, 4], { horizonDays: 4 });
    assert.equal(result.method, 'mean');
    assert.deepEqual(result.forecast, [4, 4, 4, 4]);
    assert.equal(result.params, null);
    assert.equal(result.backtest, null);
    assert.equal(result.meanDaily, 4);
    assert.equal(result.stdDaily, 1); // √(((3−4)² + (5−4)² + 0) / 2)
  });

  it('forecasts zeros for a SKU that never sold, with wape undefined', () => {
    const result = forecastDemand(Array(100).fill(0));
    assert.equal(result.method, 'mean');
    assert.deepEqual(result.forecast, Array(28).fill(0));
    assert.deepEqual(result.backtest?.predicted, Array(28).fill(0));
    assert.equal(result.backtest?.mae, 0);
    assert.equal(result.backtest?.wape, null);
    assert.equal(result.backtest?.naiveWape, null);
  });

  it('handles an empty history as no demand', () => {
    const result = forecastDemand([], { horizonDays: 2 });
    assert.deepEqual(
      { method: result.method, forecast: result.forecast, mean: result.meanDaily, std: result.stdDaily },
      { method: 'mean', forecast: [0, 0], mean: 0, std: 0 },
    );
  });

  it('clips negative forecasts to zero', () => {
    // Two weeks [0×6, 70] give level 10 and indices −10 (×6) and +60, all fitting exactly. The
    // third week sells nothing: only its last day errs (e = −70), so every pair has SSE 4900 and
    // α = γ = 0.05 is kept. Then level = 10 − 70α = 6.5: weekdays 0–5 forecast 6.5 − 10 < 0,
    // and weekday 6 forecasts 6.5 + (60 − 70γ) = 63.
    const history = [...repeatWeek([0, 0, 0, 0, 0, 0, 70], 14), ...Array(7).fill(0)];
    const result = forecastDemand(history, { horizonDays: 7 });
    assert.equal(result.method, 'holt_winters_weekly');
    assert.deepEqual(result.params, { alpha: 0.05, gamma: 0.05 });
    assertClose(result.forecast, [0, 0, 0, 0, 0, 0, 63]);
  });

  it('computes mean and sample standard deviation over the last windowDays only', () => {
    const history = [...Array(16).fill(50), 2, 4, 4, 6];
    const result = forecastDemand(history, { windowDays: 4 });
    assert.equal(result.meanDaily, 4);
    assert.ok(Math.abs(result.stdDaily - Math.sqrt(8 / 3)) < 1e-12); // (4 + 0 + 0 + 4) / 3
  });

  it('back-tests on the last backtestDays and reports errors that match its own arrays', () => {
    const history = Array.from({ length: 60 }, (_, t) => 8 + ((t * 37) % 11) + (t % 7 === 5 ? 6 : 0));
    const backtest = forecastDemand(history, { backtestDays: 10 }).backtest!;
    assert.equal(backtest.days, 10);
    assert.deepEqual(backtest.actual, history.slice(50));
    assert.equal(backtest.predicted.length, 10);
    const errorSum = absErrorSum(backtest.actual, backtest.predicted);
    const actualSum = backtest.actual.reduce((sum, units) => sum + units, 0);
    assert.ok(Math.abs(backtest.mae - errorSum / 10) < 1e-12);
    assert.ok(Math.abs(backtest.wape! - errorSum / actualSum) < 1e-12);
    // Naive: the same weekday of the last week before the cut-off (days 43–49), repeated.
    const naive = Array.from({ length: 10 }, (_, h) => history[43 + (h % 7)]);
    assert.ok(Math.abs(backtest.naiveWape! - absErrorSum(backtest.actual, naive) / actualSum) < 1e-12);
  });

  it('back-tests only when two weeks remain before the cut-off', () => {
    const history = (days: number) => repeatWeek([1, 2, 3, 4, 5, 6, 7], days);
    assert.equal(forecastDemand(history(41)).backtest, null);
    assert.equal(forecastDemand(history(42)).backtest?.days, 28);
    assert.equal(forecastDemand(history(42), { backtestDays: 0 }).backtest, null);
  });

  it('returns horizonDays values', () => {
    assert.equal(forecastDemand(Array(30).fill(2), { horizonDays: 5 }).forecast.length, 5);
    assert.equal(forecastDemand(Array(30).fill(2), { horizonDays: 0 }).forecast.length, 0);
  });

  it('rejects unusable history and options', () => {
    assert.throws(() => forecastDemand([1, Number.NaN, 2]), RangeError);
    assert.throws(() => forecastDemand([1, -1, 2]), RangeError);
    assert.throws(() => forecastDemand([1, 2], { horizonDays: -1 }), RangeError);
    assert.throws(() => forecastDemand([1, 2], { windowDays: 0 }), RangeError);
    assert.throws(() => forecastDemand([1, 2], { backtestDays: 1.5 }), RangeError);
  });
});
