import type { Series } from '../../model/series';
import { chooseStep, type TimeRange } from '../../model/time';
import { readOrThrow } from '../shared/errors';
import type { QueryCtx, RangeResult } from '../types';
import { read, SERVER, type LokiClient } from './client';

/** Loki refuses a range query with more than this many points per series, as Prometheus does (reference §2.1). */
export const MAX_POINTS = 11_000;

/** Metric sample values are strings in Prometheus' number formatting: `"137.95"`, `"NaN"`, `"+Inf"`, `"-Inf"`. */
export function parseSample(raw: unknown, path: string): number {
  if (typeof raw !== 'string') throw read.shapeError(path, 'a sample value string', raw);
  switch (raw) {
    case 'NaN':
      return NaN;
    case '+Inf':
    case 'Inf':
      return Infinity;
    case '-Inf':
      return -Infinity;
  }
  const value = Number(raw);
  if (raw.trim() === '' || Number.isNaN(value)) throw read.shapeError(path, 'a number in a string', raw);
  return value;
}

/** `[<unix seconds, number>, "<value>"]`: Loki prints seconds with only the decimals needed (`1588889221.5`). */
function readPoint(raw: unknown, path: string): [number, number] {
  const pair = read.asArray(raw, path);
  if (pair.length !== 2) throw read.shapeError(path, 'a [time, "value"] pair', raw);
  return [Math.round(read.asNumber(pair[0], `${path}[0]`) * 1000), parseSample(pair[1], `${path}[1]`)];
}

/** A `matrix` (query_range, volume_range) or `vector` (index/volume) result as series. */
export function readSeriesResult(data: unknown): Series[] {
  const root = read.asRecord(data, 'data');
  const resultType = read.asString(root.resultType, 'data.resultType');
  if (resultType !== 'matrix' && resultType !== 'vector') {
    throw read.shapeError('data.resultType', resultType === 'streams' ? '"matrix" for a metric query (this is a log query: run it as one)' : '"matrix" or "vector"', resultType);
  }
  const result = read.asArray(root.result, 'data.result');
  return result.map((raw, i) => {
    const at = `data.result[${i}]`;
    const item = read.asRecord(raw, at);
    const labels = read.asLabels(item.metric, `${at}.metric`);
    const points = resultType === 'vector' ? [item.value] : read.asArray(item.values, `${at}.values`);
    const times = new Float64Array(points.length);
    const values = new Float64Array(points.length);
    for (let j = 0; j < points.length; j++) {
      const [t, v] = readPoint(points[j], resultType === 'vector' ? `${at}.value` : `${at}.values[${j}]`);
      times[j] = t;
      values[j] = v;
    }
    return { labels, times, values };
  });
}

/** The step for a metric query: the page's, raised to Loki's 11,000-point limit, at least 1 s, on the shared ladder. */
export function metricStep(range: TimeRange, stepMs: number | undefined, points = 250): number {
  return chooseStep(range, { ...(stepMs === undefined ? {} : { stepMs }), points, minStepMs: 1000, maxPoints: MAX_POINTS });
}

/** Loki's `step` and range-vector durations: whole seconds or ms (`15s`, `500ms`). */
export function lokiDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${Math.round(ms)}ms`;
}

/** Epoch ms as Loki's float seconds (`1700000000.5`); a whole second is 10 digits, which Loki reads as seconds. */
export function secondsParam(ms: number): string {
  return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(3);
}

/** Start and end snapped down to the step, so refreshes evaluate at the same instants (as the Prometheus adapter does). */
function aligned(range: TimeRange, stepMs: number): TimeRange {
  return { from: Math.floor(range.from / stepMs) * stepMs, to: Math.floor(range.to / stepMs) * stepMs };
}

export async function queryMetrics(client: LokiClient, query: string, ctx: QueryCtx, stepMs: number): Promise<RangeResult> {
  const range = aligned(ctx.range, stepMs);
  const body = await client.get(
    '/loki/api/v1/query_range',
    [
      ['query', query],
      ['start', secondsParam(range.from)],
      // `end` is exclusive in Loki; one ms more keeps the step at `to`.
      ['end', secondsParam(range.to + 1)],
      ['step', lokiDuration(stepMs)],
    ],
    ctx.signal,
  );
  return readOrThrow(() => {
    const root = read.asRecord(body, 'the response body');
    const warnings = root.warnings === undefined ? [] : read.asStringList(root.warnings, 'warnings');
    return { series: readSeriesResult(root.data), warnings, stepMs };
  }, SERVER);
}
