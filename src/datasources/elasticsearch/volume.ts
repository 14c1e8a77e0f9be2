import type { LogLevel } from '../../model/logs';
import { levelFromValue } from '../../model/logsLevel';
import type { Series } from '../../model/series';
import { chooseStep } from '../../model/time';
import { readOrThrow } from '../shared/errors';
import type { QueryCtx, RangeResult } from '../types';
import type { EsClient } from './client';
import { searchFilter, shardWarnings } from './search';

const VOLUME_POINTS = 120;
/** Elasticsearch refuses more than `search.max_buckets` (65,536) buckets; levels × bars stays far below. */
const MAX_BARS = 2_000;

/** `fixed_interval` as Elasticsearch writes durations: `30s`, `250ms`. */
export function fixedInterval(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${Math.round(ms)}ms`;
}

/**
 * Line counts by level: a `date_histogram` on the time field (`min_doc_count: 0` and `extended_bounds` so empty
 * bars are zeros, not gaps) with a `terms` sub-aggregation on the level field (`missing` → unknown). Levels
 * spelled differently (`ERROR`, `error`, `err`) are summed into one series.
 */
export async function esVolume(client: EsClient, query: string, ctx: QueryCtx): Promise<RangeResult> {
  const stepMs = chooseStep(ctx.range, { ...(ctx.stepMs === undefined ? {} : { stepMs: ctx.stepMs }), points: VOLUME_POINTS, minStepMs: 1000, maxPoints: MAX_BARS });
  const from = Math.floor(ctx.range.from / stepMs) * stepMs;
  const body = {
    size: 0,
    track_total_hits: false,
    query: searchFilter(client, query, ctx.range),
    aggs: {
      histogram: {
        date_histogram: { field: client.options.timeField, fixed_interval: fixedInterval(stepMs), min_doc_count: 0, extended_bounds: { min: from, max: ctx.range.to }, format: 'epoch_millis' },
        aggs: { levels: { terms: { field: client.options.levelField, size: 20, missing: 'unknown' } } },
      },
    },
  };
  const response = await client.search(body, ctx.signal);
  return readOrThrow(() => {
    const { read } = client;
    const aggs = read.asRecord(response.aggregations, 'aggregations');
    const buckets = read.asArray(read.asRecord(aggs.histogram, 'aggregations.histogram').buckets, 'aggregations.histogram.buckets');
    const times = new Float64Array(buckets.length);
    const byLevel = new Map<LogLevel, Float64Array>();
    buckets.forEach((raw, i) => {
      const at = `aggregations.histogram.buckets[${i}]`;
      const bucket = read.asRecord(raw, at);
      times[i] = read.asNumber(bucket.key, `${at}.key`);
      const levels = read.asArray(read.asRecord(bucket.levels, `${at}.levels`).buckets, `${at}.levels.buckets`);
      levels.forEach((rawLevel, j) => {
        const level = read.asRecord(rawLevel, `${at}.levels.buckets[${j}]`);
        const key = level.key;
        const name = levelFromValue(typeof key === 'string' || typeof key === 'number' ? key : '');
        let values = byLevel.get(name);
        if (!values) byLevel.set(name, (values = new Float64Array(buckets.length)));
        values[i]! += read.asNumber(level.doc_count, `${at}.levels.buckets[${j}].doc_count`);
      });
    });
    const series: Series[] = [...byLevel].map(([level, values]) => ({ labels: { level }, times, values }));
    return { series, warnings: shardWarnings(client, response), stepMs };
  }, client.serverName);
}
