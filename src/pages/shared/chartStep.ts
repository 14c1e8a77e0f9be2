import { roundUpToNiceStep, type TimeRange } from '../../model/time';

/** The demo and most Prometheus setups scrape every 15 s; a finer step only repeats samples. */
export const DEFAULT_MIN_STEP_MS = 15_000;

/**
 * About one point per pixel: the smallest round step ≥ max(minimum, span / points). The adapter still
 * raises it if the server's limits demand (11,000 points for Prometheus).
 */
export function chooseStepMs(range: TimeRange, points: number, minStepMs = DEFAULT_MIN_STEP_MS): number {
  const wanted = Math.max(minStepMs, (range.to - range.from) / Math.max(1, points));
  return roundUpToNiceStep(wanted);
}

/**
 * Points a dashboard chart asks for, from the window width at first render (two charts per row). It is
 * read once, not on every resize: a new width would mean new query keys and a refetch of every panel.
 */
export function dashboardPoints(windowWidth: number): number {
  return Math.min(1200, Math.max(200, Math.floor(windowWidth / 2)));
}
