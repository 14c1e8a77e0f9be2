import { formatDuration } from '../../model/time';

export interface IntervalContext {
  stepMs: number;
  scrapeIntervalMs: number;
  rangeMs: number;
}

/**
 * Grafana's `$__rate_interval`: wide enough that a rate window always spans at least four scrapes (so
 * one missed scrape does not empty it) and at least one step plus a scrape (so no sample falls between
 * windows).
 */
export function rateIntervalMs(stepMs: number, scrapeIntervalMs: number): number {
  return Math.max(stepMs + scrapeIntervalMs, 4 * scrapeIntervalMs);
}

const VARIABLE = /\$\{__(rate_interval|interval_ms|interval|range_ms|range_s|range)\}|\$__(rate_interval|interval_ms|interval|range_ms|range_s|range)\b/g;

/** Replaces Grafana's interval variables (`$__interval`, `${__interval}`, …) before a query is sent. */
export function interpolateIntervals(query: string, ctx: IntervalContext): string {
  const rangeSeconds = Math.max(1, Math.round(ctx.rangeMs / 1000));
  const values: Readonly<Record<string, string>> = {
    interval: formatDuration(ctx.stepMs),
    interval_ms: String(ctx.stepMs),
    rate_interval: formatDuration(rateIntervalMs(ctx.stepMs, ctx.scrapeIntervalMs)),
    range: formatDuration(rangeSeconds * 1000),
    range_s: String(rangeSeconds),
    range_ms: String(Math.round(ctx.rangeMs)),
  };
  return query.replace(VARIABLE, (whole, braced: string | undefined, bare: string | undefined) => values[braced ?? bare ?? ''] ?? whole);
}
