/**
 * Daily demand forecast for one SKU (pure: numbers in, numbers out).
 *
 * The model is additive Holt-Winters with a level and a weekly season and no trend, written in
 * error-correction form (ETS(A,N,A); Hyndman & Athanasopoulos, "Forecasting: Principles and
 * Practice", 3rd ed., §8.3):
 *   e_t = y_t − (ℓ + s_{t mod 7});  ℓ ← ℓ + α·e_t;  s_{t mod 7} ← s_{t mod 7} + γ·e_t
 * No trend term: replenishment looks a few weeks ahead, and on noisy daily SKU demand a trend
 * mostly extrapolates noise; a level with α up to 0.5 already follows real shifts within days.
 *
 * Under two weeks of history, or when the SKU never sold, the forecast is the flat mean. Otherwise
 * Holt-Winters, unless the back-test shows seasonal naive (last week repeated) clearly better: the
 * weekly shape has just changed and the smoothed indices have not caught up yet.
 */

export interface DemandForecast {
  method: 'holt_winters_weekly' | 'seasonal_naive' | 'mean';
  /** Average daily demand over the last `windowDays` days of history (all of it if shorter). */
  meanDaily: number;
  /** Sample standard deviation of daily demand over the same window. */
  stdDaily: number;
  /** The next `horizonDays` days; index 0 is the day after the last history day. Never negative. */
  forecast: number[];
  /** Smoothing parameters chosen; null for the non-Holt-Winters methods. */
  params: { alpha: number; gamma: number } | null;
  /** The chosen method refitted on history minus the last `backtestDays`, forecasting those days. */
  backtest: {
    days: number;
    actual: number[];
    predicted: number[];
    mae: number;
    /** sum|error| / sum(actual); null when nothing was sold in those days. */
    wape: number | null;
    /** The same for the seasonal-naive forecast made at the same cut-off, for comparison. */
    naiveWape: number | null;
  } | null;
}

export interface ForecastOptions {
  horizonDays?: number;
  backtestDays?: number;
  windowDays?: number;
}

type Method = DemandForecast['method'];
type Params = NonNullable<DemandForecast['params']>;
type Backtest = NonNullable<DemandForecast['backtest']>;

const WEEK = 7;
/** Two full weeks: the least that gives every weekday two observations for its seasonal index. */
const MIN_SEASONAL_DAYS = 2 * WEEK;
// A small grid rather than an optimiser: eight passes over the history are cheap and predictable
// (10,000 SKUs × 730 days must fit in seconds), and finer values barely change daily forecasts.
// γ ≤ 1 − α for every pair, which keeps ETS(A,N,A) within its usual admissible region.
const ALPHAS = [0.05, 0.15, 0.3, 0.5] as const;
const GAMMAS = [0.05, 0.2] as const;
// A later candidate replaces an earlier one only when its back-test squared error is at least a
// quarter lower. One 28-day back-test is noisy: on stable demand seasonal naive errs about twice
// as much as Holt-Winters, yet still wins ~2% of single back-tests by chance; a real change of
// weekly shape, where naive is needed, beats the model by far more than this margin. Squared
// rather than absolute error because replenishment needs the mean of demand, which squared
// error rewards, not the median, which absolute error rewards and which under-orders.
const SWITCH_MARGIN = 0.75;

export function forecastDemand(history: readonly number[], options: ForecastOptions = {}): DemandForecast {
  const horizonDays = options.horizonDays ?? 28;
  const backtestDays = options.backtestDays ?? 28;
  const windowDays = options.windowDays ?? 90;
  assertValidInput(history, horizonDays, backtestDays, windowDays);
  const n = history.length;
  const { mean, std } = windowStats(history, n, windowDays);
  const candidates = candidateMethods(history, windowDays);
  const tested = backtestCandidates(history, candidates, backtestDays, windowDays);
  const final = fitAndForecast(tested?.method ?? candidates[0], history, n, horizonDays, windowDays);
  return {
    method: final.method,
    meanDaily: mean,
    stdDaily: std,
    forecast: final.forecast,
    params: final.params,
    backtest: tested?.backtest ?? null,
  };
}

function assertValidInput(history: readonly number[], horizon: number, backtest: number, window: number) {
  if (!Number.isInteger(horizon) || horizon < 0) throw new RangeError('horizonDays must be an integer ≥ 0');
  if (!Number.isInteger(backtest) || backtest < 0)
    throw new RangeError('backtestDays must be an integer ≥ 0');
  if (!Number.isInteger(window) || window < 1) throw new RangeError('windowDays must be an integer ≥ 1');
  // One bad day (NaN from a failed parse, a negative correction) would silently skew every number.
  for (const units of history)
    if (!Number.isFinite(units) || units < 0) throw new RangeError('history must be finite units ≥ 0');
}

/** Mean and sample standard deviation of the `window` days ending before index `end`. */
function windowStats(history: readonly number[], end: number, window: number): { mean: number; std: number } {
  const start = Math.max(0, end - window);
  const count = end - start;
  if (count === 0) return { mean: 0, std: 0 };
  let sum = 0;
  for (let t = start; t < end; t++) sum += history[t];
  const mean = sum / count;
  // Two passes rather than Σx² − n·x̄², which loses precision when demand is large and steady.
  let squares = 0;
  for (let t = start; t < end; t++) squares += (history[t] - mean) ** 2;
  return { mean, std: count < 2 ? 0 : Math.sqrt(squares / (count - 1)) };
}

/** In order of preference: a back-test replaces the first only with a clearly better one. */
function candidateMethods(history: readonly number[], windowDays: number): readonly Method[] {
  // Under two weeks there is no weekly shape to learn; a SKU that never sold has nothing to model.
  if (history.length < MIN_SEASONAL_DAYS || history.every((units) => units === 0)) return ['mean'];
  // For a slow mover (no sale on most days) last week's few sales say nothing about next week's,
  // and a quiet back-test would switch it to a forecast of zeros that never reorders.
  if (zeroDayShare(history, windowDays) > 0.5) return ['holt_winters_weekly'];
  return ['holt_winters_weekly', 'seasonal_naive'];
}

function zeroDayShare(history: readonly number[], windowDays: number): number {
  const start = Math.max(0, history.length - windowDays);
  let zeroDays = 0;
  for (let t = start; t < history.length; t++) if (history[t] === 0) zeroDays++;
  return zeroDays / (history.length - start);
}

function backtestCandidates(
  history: readonly number[],
  candidates: readonly Method[],
  days: number,
  windowDays: number,
): { method: Method; backtest: Backtest } | null {
  const cut = history.length - days;
  if (days === 0 || cut < MIN_SEASONAL_DAYS) return null;
  const actual = history.slice(cut);
  let best = fitAndForecast(candidates[0], history, cut, days, windowDays);
  let bestError = squaredErrorSum(actual, best.forecast);
  for (const method of candidates.slice(1)) {
    const fit = fitAndForecast(method, history, cut, days, windowDays);
    const error = squaredErrorSum(actual, fit.forecast);
    if (error < SWITCH_MARGIN * bestError) [best, bestError] = [fit, error];
  }
  // The naive forecast uses the same information as the model (nothing after the cut), so
  // naiveWape is a fair yardstick for wape.
  const naive = fitAndForecast('seasonal_naive', history, cut, days, windowDays).forecast;
  return { method: best.method, backtest: summariseBacktest(actual, best.forecast, naive) };
}

function summariseBacktest(actual: number[], predicted: number[], naive: number[]): Backtest {
  const errorSum = absoluteErrorSum(actual, predicted);
  const actualSum = actual.reduce((sum, units) => sum + units, 0);
  return {
    days: actual.length,
    actual,
    predicted,
    mae: errorSum / actual.length,
    wape: actualSum === 0 ? null : errorSum / actualSum,
    naiveWape: actualSum === 0 ? null : absoluteErrorSum(actual, naive) / actualSum,
  };
}

function squaredErrorSum(actual: readonly number[], predicted: readonly number[]): number {
  let sum = 0;
  for (let t = 0; t < actual.length; t++) sum += (actual[t] - predicted[t]) ** 2;
  return sum;
}

function absoluteErrorSum(actual: readonly number[], predicted: readonly number[]): number {
  let sum = 0;
  for (let t = 0; t < actual.length; t++) sum += Math.abs(actual[t] - predicted[t]);
  return sum;
}

/** Fits `method` on history[0, end) and forecasts the `horizon` days from `end` on. */
function fitAndForecast(
  method: Method,
  history: readonly number[],
  end: number,
  horizon: number,
  windowDays: number,
): { method: Method; params: Params | null; forecast: number[] } {
  if (method === 'mean') {
    const { mean } = windowStats(history, end, windowDays);
    return { method, params: null, forecast: Array.from({ length: horizon }, () => mean) };
  }
  if (method === 'seasonal_naive') {
    // The same weekday in the last observed week, repeated.
    const forecast = Array.from({ length: horizon }, (_, h) => history[end - WEEK + (h % WEEK)]);
    return { method, params: null, forecast };
  }
  const fit = fitHoltWinters(history, end);
  // Demand cannot be negative; a fallen level plus a low-weekday index can be.
  const forecast = Array.from({ length: horizon }, (_, h) =>
    Math.max(0, fit.level + fit.seasonal[(end + h) % WEEK]),
  );
  return { method, params: { alpha: fit.alpha, gamma: fit.gamma }, forecast };
}

interface HoltWintersFit extends Params {
  level: number;
  /** seasonal[k] is the index of the days t with t % 7 === k. */
  seasonal: Float64Array;
}

/** Grid search for the parameters with the least in-sample one-step-ahead squared error. */
function fitHoltWinters(history: readonly number[], end: number): HoltWintersFit {
  const scratch = new Float64Array(WEEK);
  const best: HoltWintersFit = { alpha: 0, gamma: 0, level: 0, seasonal: new Float64Array(WEEK) };
  let bestSse = Number.POSITIVE_INFINITY;
  // Ascending grids and a strict `<`: on equal error the smoother (smaller) parameters win.
  for (const alpha of ALPHAS) {
    for (const gamma of GAMMAS) {
      const { level, sse } = smooth(history, end, alpha, gamma, scratch);
      if (sse >= bestSse) continue;
      bestSse = sse;
      best.alpha = alpha;
      best.gamma = gamma;
      best.level = level;
      best.seasonal.set(scratch);
    }
  }
  return best;
}

/** Runs the recursions over history[0, end), leaving the final indices in `seasonal`. */
function smooth(
  history: readonly number[],
  end: number,
  alpha: number,
  gamma: number,
  seasonal: Float64Array,
): { level: number; sse: number } {
  let level = initialise(history, seasonal);
  let sse = 0;
  // Smoothing starts at day 0 (not 14), as in FPP's classical set-up: the first two weeks then
  // count in the error too, instead of being fitted by construction.
  for (let t = 0, k = 0; t < end; t++) {
    const error = history[t] - (level + seasonal[k]);
    sse += error * error;
    level += alpha * error;
    seasonal[k] += gamma * error;
    k = k === WEEK - 1 ? 0 : k + 1;
  }
  return { level, sse };
}

/** Level = mean of the first two weeks; each weekday's index = its two-week average minus that. */
function initialise(history: readonly number[], seasonal: Float64Array): number {
  let sum = 0;
  for (let t = 0; t < MIN_SEASONAL_DAYS; t++) sum += history[t];
  const level = sum / MIN_SEASONAL_DAYS;
  for (let k = 0; k < WEEK; k++) seasonal[k] = (history[k] + history[k + WEEK]) / 2 - level;
  return level;
}
