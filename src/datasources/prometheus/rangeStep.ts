import { roundUpToNiceStep, type TimeRange } from '../../model/time';

/** Prometheus rejects a range query when floor((end - start) / step) exceeds this. */
export const MAX_POINTS_PER_SERIES = 11_000;

export { roundUpToNiceStep };

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
