import type { TimeRange } from '../../model/time';

/** Prometheus rejects a range query when floor((end - start) / step) exceeds this. */
export const MAX_POINTS_PER_SERIES = 11_000;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Steps people read easily on an axis; Grafana rounds its intervals to a similar ladder. */
const NICE_STEPS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500,
  SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 20 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY,
];

/** The smallest nice step at or above `ms`; beyond a week, whole weeks. */
export function roundUpToNiceStep(ms: number): number {
  for (const nice of NICE_STEPS_MS) if (nice >= ms) return nice;
  return Math.ceil(ms / (7 * DAY)) * 7 * DAY;
}

/**
 * The step to ask for: what the panel wants, but never finer than the scrape interval (finer steps only
 * repeat samples) nor so fine that the range holds more than 11,000 points, rounded up to a nice value.
 * With no wish, aims at about 1,000 points, a wide chart's worth.
 */
export function chooseStep(range: TimeRange, desiredStepMs: number | undefined, minStepMs: number): number {
  const spanMs = Math.max(0, range.to - range.from);
  const fewestAllowed = Math.ceil(spanMs / MAX_POINTS_PER_SERIES);
  const wanted = desiredStepMs !== undefined && desiredStepMs > 0 ? desiredStepMs : spanMs / 1000;
  return roundUpToNiceStep(Math.max(wanted, minStepMs, fewestAllowed, 1));
}

/**
 * Snaps both ends down to multiples of the step, as Grafana does, so consecutive refreshes evaluate at
 * the same instants and a chart does not shimmer as `now` moves. Never adds a point beyond the limit:
 * with step >= span / 11000 the aligned span holds at most 11,000 steps.
 */
export function alignRange(range: TimeRange, stepMs: number): TimeRange {
  return {
    from: Math.floor(range.from / stepMs) * stepMs,
    to: Math.floor(range.to / stepMs) * stepMs,
  };
}
