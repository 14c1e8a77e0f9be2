import type { Exemplar, Labels, Series } from '../../model/series';
import { normalizeTraceId } from '../../model/traceId';
import { asArray, asLabels, asNumber, asRecord, asString, shapeError } from './readers';

/** Beyond this many series a chart is unreadable and the browser struggles; the rest are dropped with a warning. */
export const MAX_SERIES = 10_000;

export interface QueryData {
  series: Series[];
  warnings: string[];
}

/** Sample values arrive as strings because JSON has no NaN or infinities; this is the one place they are read. */
export function parseSampleValue(raw: unknown, path: string): number {
  if (typeof raw !== 'string') throw shapeError(path, 'a sample value string', raw);
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
  if (raw.trim() === '' || Number.isNaN(value)) throw shapeError(path, 'a number in a string', raw);
  return value;
}

/** Prometheus timestamps are float seconds with millisecond precision; the model works in ms. */
function parseTimestamp(raw: unknown, path: string): number {
  return Math.round(asNumber(raw, path) * 1000);
}

function readPair(raw: unknown, path: string): [time: number, value: number] {
  const pair = asArray(raw, path);
  if (pair.length !== 2) throw shapeError(path, 'a [time, "value"] pair', raw);
  return [parseTimestamp(pair[0], `${path}[0]`), parseSampleValue(pair[1], `${path}[1]`)];
}

function pointSeries(labels: Labels, time: number, value: number): Series {
  return { labels, times: Float64Array.of(time), values: Float64Array.of(value) };
}

/**
 * The `data` of `query` or `query_range` as columnar series. Matrix, vector and scalar become series
 * (a vector or scalar gives one point each); a string result has nothing to draw and says so.
 */
export function transformQueryData(data: unknown, maxSeries: number = MAX_SERIES): QueryData {
  const root = asRecord(data, 'data');
  const resultType = asString(root.resultType, 'data.resultType');
  switch (resultType) {
    case 'matrix':
    case 'vector':
      return transformSeriesList(resultType, asArray(root.result, 'data.result'), maxSeries);
    case 'scalar': {
      const [time, value] = readPair(root.result, 'data.result');
      return { series: [pointSeries({}, time, value)], warnings: [] };
    }
    case 'string':
      asArray(root.result, 'data.result');
      return { series: [], warnings: ['The query returned a string, which cannot be drawn as a series.'] };
    default:
      throw shapeError('data.resultType', 'one of matrix, vector, scalar, string', resultType);
  }
}

function transformSeriesList(resultType: 'matrix' | 'vector', result: unknown[], maxSeries: number): QueryData {
  const warnings: string[] = [];
  const kept = result.length > maxSeries ? result.slice(0, maxSeries) : result;
  if (kept.length < result.length) {
    const dropped = result.length - kept.length;
    warnings.push(
      `The query returned ${result.length.toLocaleString('en-US')} series; showing the first ${kept.length.toLocaleString('en-US')} and dropping ${dropped.toLocaleString('en-US')}. Aggregate (sum by …) or add label matchers to see them all.`,
    );
  }
  let nativeHistograms = 0;
  const series: Series[] = new Array<Series>(kept.length);
  for (let i = 0; i < kept.length; i++) {
    const path = `data.result[${i}]`;
    const item = asRecord(kept[i], path);
    const labels = asLabels(item.metric, `${path}.metric`);
    if (resultType === 'vector') {
      if (item.value === undefined && item.histogram !== undefined) {
        nativeHistograms++;
        series[i] = { labels, times: new Float64Array(0), values: new Float64Array(0) };
      } else {
        const [time, value] = readPair(item.value, `${path}.value`);
        series[i] = pointSeries(labels, time, value);
      }
      continue;
    }
    if (item.values === undefined && item.histograms !== undefined) nativeHistograms++;
    const points = item.values === undefined && item.histograms !== undefined ? [] : asArray(item.values, `${path}.values`);
    const times = new Float64Array(points.length);
    const values = new Float64Array(points.length);
    for (let j = 0; j < points.length; j++) {
      const [time, value] = readPair(points[j], `${path}.values[${j}]`);
      times[j] = time;
      values[j] = value;
    }
    series[i] = { labels, times, values };
  }
  if (nativeHistograms > 0) {
    warnings.push(`${nativeHistograms} series hold native histograms, which this panel does not draw; use histogram_quantile or histogram_count.`);
  }
  return { series, warnings };
}

/** `query_exemplars` data as a flat list, trace IDs in canonical form (Tempo strips leading zeros). */
export function transformExemplars(data: unknown): Exemplar[] {
  const groups = asArray(data, 'data');
  const out: Exemplar[] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = asRecord(groups[i], `data[${i}]`);
    const seriesLabels = asLabels(group.seriesLabels, `data[${i}].seriesLabels`);
    const exemplars = asArray(group.exemplars, `data[${i}].exemplars`);
    for (let j = 0; j < exemplars.length; j++) {
      const path = `data[${i}].exemplars[${j}]`;
      const ex = asRecord(exemplars[j], path);
      const labels = asLabels(ex.labels, `${path}.labels`);
      const rawTraceId = labels.trace_id ?? labels.traceID ?? labels.traceId;
      const traceId = rawTraceId === undefined ? undefined : normalizeTraceId(rawTraceId);
      out.push({
        seriesLabels,
        labels,
        time: parseTimestamp(ex.timestamp, `${path}.timestamp`),
        value: parseSampleValue(ex.value, `${path}.value`),
        ...(traceId === undefined ? {} : { traceId }),
      });
    }
  }
  return out;
}

/** `series` data: one label set per series. */
export function transformLabelSets(data: unknown): Labels[] {
  const list = asArray(data, 'data');
  return list.map((item, i) => asLabels(item, `data[${i}]`));
}

export interface BuildInfo {
  version: string;
  revision?: string;
}

export function transformBuildInfo(data: unknown): BuildInfo {
  const root = asRecord(data, 'data');
  const version = asString(root.version, 'data.version');
  return typeof root.revision === 'string' ? { version, revision: root.revision } : { version };
}

export interface MetricMetadataEntry {
  type: string;
  help: string;
  unit: string;
}

/** `metadata` data: metric name → its (possibly several) type/help/unit entries. */
export function transformMetadata(data: unknown): Record<string, MetricMetadataEntry[]> {
  const root = asRecord(data, 'data');
  const out: Record<string, MetricMetadataEntry[]> = {};
  for (const name of Object.keys(root)) {
    const entries = asArray(root[name], `data.${name}`);
    out[name] = entries.map((entry, i) => {
      const path = `data.${name}[${i}]`;
      const record = asRecord(entry, path);
      return {
        type: asString(record.type, `${path}.type`),
        help: typeof record.help === 'string' ? record.help : '',
        unit: typeof record.unit === 'string' ? record.unit : '',
      };
    });
  }
  return out;
}
