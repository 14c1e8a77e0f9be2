import type { LogLevel } from '../../model/logs';
import { levelFromValue } from '../../model/logsLevel';
import type { Labels, Series } from '../../model/series';
import { readOrThrow } from '../shared/errors';
import type { QueryCtx, RangeResult } from '../types';
import { read, SERVER, type LokiClient } from './client';
import { lokiDuration, metricStep, queryMetrics, secondsParam } from './metrics';

/** Bars the histogram wants across its width when the page does not give a step. */
const VOLUME_POINTS = 120;

/**
 * `sum by (level, detected_level) (count_over_time(<query> [step]))`: the query's own pipeline counts, so the
 * histogram matches the list. `detected_level` is what Loki 3 derives when streams carry no `level` label.
 * The range vector goes on its own line so a trailing `# comment` in the query cannot swallow it.
 */
export function volumeQuery(query: string, stepMs: number): string {
  return `sum by (level, detected_level) (count_over_time(${query.trim()}\n[${lokiDuration(stepMs)}]))`;
}

function levelOf(labels: Labels): LogLevel {
  for (const name of ['level', 'detected_level']) {
    const raw = labels[name];
    if (raw !== undefined && raw !== '') return levelFromValue(raw);
  }
  return 'unknown';
}

/** One series per level (`{level: "error"}`), series of the same level (`ERROR`, `error`, `err`) summed point by point. */
export function byLevel(series: readonly Series[]): Series[] {
  const groups = new Map<LogLevel, Series[]>();
  for (const s of series) {
    const level = levelOf(s.labels);
    const group = groups.get(level);
    if (group) group.push(s);
    else groups.set(level, [s]);
  }
  const out: Series[] = [];
  for (const [level, group] of groups) {
    if (group.length === 1) {
      out.push({ labels: { level }, times: group[0]!.times, values: group[0]!.values });
      continue;
    }
    const sums = new Map<number, number>();
    for (const s of group) for (let i = 0; i < s.times.length; i++) sums.set(s.times[i]!, (sums.get(s.times[i]!) ?? 0) + s.values[i]!);
    const times = Float64Array.from([...sums.keys()].sort((a, b) => a - b));
    out.push({ labels: { level }, times, values: times.map((t) => sums.get(t)!) });
  }
  return out;
}

export async function levelVolume(client: LokiClient, query: string, ctx: QueryCtx): Promise<RangeResult> {
  const stepMs = metricStep(ctx.range, ctx.stepMs, VOLUME_POINTS);
  const result = await queryMetrics(client, volumeQuery(query, stepMs), ctx, stepMs);
  return { ...result, series: byLevel(result.series) };
}

export interface StreamVolume {
  labels: Labels;
  bytes: number;
}

/**
 * `/loki/api/v1/index/volume`: bytes per stream (or per label with `aggregateBy=labels`) from the index, cheap
 * even over days. Through the query-frontend it is a Prometheus-style vector; a querier answers
 * `{"volumes":[{"name","volume"}]}` (reference §2.5). Both are read.
 */
export async function streamVolume(client: LokiClient, selector: string, ctx: QueryCtx, options: { targetLabels?: readonly string[]; limit?: number } = {}): Promise<StreamVolume[]> {
  const params: Array<[string, string]> = [
    ['query', selector],
    ['start', secondsParam(Math.floor(ctx.range.from / 1000) * 1000)],
    ['end', secondsParam(Math.ceil(ctx.range.to / 1000) * 1000)],
    ['limit', String(options.limit ?? 100)],
  ];
  if (options.targetLabels && options.targetLabels.length > 0) params.push(['targetLabels', options.targetLabels.join(','), ], ['aggregateBy', 'labels']);
  const body = await client.get('/loki/api/v1/index/volume', params, ctx.signal);
  return readOrThrow(() => {
    const root = read.asRecord(body, 'the response body');
    if (root.volumes !== undefined) {
      return read.asArray(root.volumes, 'volumes').map((raw, i) => {
        const item = read.asRecord(raw, `volumes[${i}]`);
        return { labels: { __name__: read.asString(item.name, `volumes[${i}].name`) }, bytes: read.asNumber(item.volume, `volumes[${i}].volume`) };
      });
    }
    const data = read.asRecord(root.data, 'data');
    return read.asArray(data.result, 'data.result').map((raw, i) => {
      const item = read.asRecord(raw, `data.result[${i}]`);
      const value = read.asArray(item.value, `data.result[${i}].value`);
      return { labels: read.asLabels(item.metric, `data.result[${i}].metric`), bytes: Number(read.asString(value[1], `data.result[${i}].value[1]`)) };
    });
  }, SERVER);
}
