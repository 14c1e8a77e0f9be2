import type { TimeRange } from '../../model/time';

/** Prometheus rejects a range query when floor((end - start) / step) exceeds this. */
export const MAX_POINTS_PER_SERIES = 11_000;

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
