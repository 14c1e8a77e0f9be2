import { dataSourceBaseUrl } from '../shared/baseUrl';
import { asDataSourceError, readOrThrow } from '../shared/errors';
import { fetchJson } from '../shared/fetchJson';
import type { Alert, AlertRule } from '../../model/alerts';
import type { Exemplar, Labels } from '../../model/series';
import { transformAlerts, transformRules } from './alerts';
import { chooseStep, type TimeRange } from '../../model/time';
import type { DataSourceConfig, FetchFn, QueryCtx, RangeResult } from '../types';
import { readEnvelope, type Envelope } from './envelope';
import { toPrometheusError } from './errors';
import { interpolateIntervals } from './intervals';
import type { PrometheusOptions } from './options';
import { buildRequest, escapeLabelNameForPath, formatPromSeconds, formatPromTime, type QueryParams } from './request';
import { asStringList } from './readers';
import { alignRange, MAX_POINTS_PER_SERIES } from './rangeStep';
import {
  transformBuildInfo,
  transformExemplars,
  transformLabelSets,
  transformMetadata,
  transformQueryData,
  type BuildInfo,
  type MetricMetadataEntry,
} from './transform';

const SERVER = 'Prometheus';

/** Every endpoint the adapter uses (reference §1.2), each taking the caller's AbortSignal. */
export interface PrometheusClient {
  queryRange(query: string, ctx: QueryCtx): Promise<RangeResult>;
  queryInstant(query: string, ctx: QueryCtx): Promise<RangeResult>;
  exemplars(query: string, ctx: QueryCtx): Promise<Exemplar[]>;
  labelNames(ctx: QueryCtx, match?: readonly string[]): Promise<string[]>;
  labelValues(label: string, ctx: QueryCtx, match?: readonly string[]): Promise<string[]>;
  series(match: readonly string[], ctx: QueryCtx, limit?: number): Promise<Labels[]>;
  metadata(signal: AbortSignal, metric?: string): Promise<Record<string, MetricMetadataEntry[]>>;
  buildInfo(signal: AbortSignal): Promise<BuildInfo>;
  alerts(signal: AbortSignal): Promise<Alert[]>;
  rules(signal: AbortSignal): Promise<AlertRule[]>;
}

export function createPrometheusClient(config: DataSourceConfig, fetchFn: FetchFn, options: PrometheusOptions): PrometheusClient {
  const baseUrl = dataSourceBaseUrl(config);

  async function call(path: string, params: QueryParams, allowPost: boolean, signal: AbortSignal): Promise<Envelope> {
    const request = buildRequest(baseUrl, path, params, allowPost);
    try {
      const response = await fetchJson(fetchFn, request.url, {
        method: request.method,
        signal,
        timeoutMs: options.timeoutMs,
        maxBodyBytes: options.maxResponseBytes,
        ...(request.body === undefined ? {} : { body: request.body }),
        ...(request.headers === undefined ? {} : { headers: request.headers }),
      });
      return readEnvelope(response.data);
    } catch (error) {
      throw asDataSourceError(toPrometheusError(error), SERVER);
    }
  }

  /** The step and aligned range a query runs at, and its text with the interval variables filled in. */
  function prepare(query: string, ctx: QueryCtx): { text: string; stepMs: number; aligned: TimeRange } {
    const stepMs = chooseStep(ctx.range, { stepMs: ctx.stepMs, minStepMs: options.scrapeIntervalMs, maxPoints: MAX_POINTS_PER_SERIES });
    const rangeMs = Math.max(0, ctx.range.to - ctx.range.from);
    const text = interpolateIntervals(query, { stepMs, scrapeIntervalMs: options.scrapeIntervalMs, rangeMs });
    return { text, stepMs, aligned: alignRange(ctx.range, stepMs) };
  }

  const window = (range: TimeRange): QueryParams => [
    ['start', formatPromTime(range.from)],
    ['end', formatPromTime(range.to)],
  ];
  const matchParams = (match: readonly string[] | undefined): QueryParams => (match ?? []).map((m) => ['match[]', m] as const);

  return {
    async queryRange(query, ctx) {
      const { text, stepMs, aligned } = prepare(query, ctx);
      const params: QueryParams = [['query', text], ...window(aligned), ['step', formatPromSeconds(stepMs)]];
      const envelope = await call('/api/v1/query_range', params, true, ctx.signal);
      const result = parseOrThrow(() => transformQueryData(envelope.data));
      return { series: result.series, warnings: [...envelope.warnings, ...result.warnings], stepMs };
    },

    async queryInstant(query, ctx) {
      const { text, stepMs } = prepare(query, ctx);
      const params: QueryParams = [['query', text], ['time', formatPromTime(ctx.range.to)]];
      const envelope = await call('/api/v1/query', params, true, ctx.signal);
      const result = parseOrThrow(() => transformQueryData(envelope.data));
      return { series: result.series, warnings: [...envelope.warnings, ...result.warnings], stepMs };
    },

    async exemplars(query, ctx) {
      const { text } = prepare(query, ctx);
      const envelope = await call('/api/v1/query_exemplars', [['query', text], ...window(ctx.range)], true, ctx.signal);
      return parseOrThrow(() => transformExemplars(envelope.data));
    },

    async labelNames(ctx, match) {
      const envelope = await call('/api/v1/labels', [...window(ctx.range), ...matchParams(match)], true, ctx.signal);
      return parseOrThrow(() => asStringList(envelope.data, 'data'));
    },

    async labelValues(label, ctx, match) {
      const path = `/api/v1/label/${encodeURIComponent(escapeLabelNameForPath(label))}/values`;
      const envelope = await call(path, [...window(ctx.range), ...matchParams(match)], false, ctx.signal);
      return parseOrThrow(() => asStringList(envelope.data, 'data'));
    },

    async series(match, ctx, limit) {
      const params: QueryParams = [...matchParams(match), ...window(ctx.range), ...(limit === undefined ? [] : [['limit', String(limit)] as const])];
      const envelope = await call('/api/v1/series', params, true, ctx.signal);
      return parseOrThrow(() => transformLabelSets(envelope.data));
    },

    async metadata(signal, metric) {
      const envelope = await call('/api/v1/metadata', metric === undefined ? [] : [['metric', metric]], false, signal);
      return parseOrThrow(() => transformMetadata(envelope.data));
    },

    async buildInfo(signal) {
      const envelope = await call('/api/v1/status/buildinfo', [], false, signal);
      return parseOrThrow(() => transformBuildInfo(envelope.data));
    },

    async alerts(signal) {
      const envelope = await call('/api/v1/alerts', [], false, signal);
      return parseOrThrow(() => transformAlerts(envelope.data));
    },

    async rules(signal) {
      const envelope = await call('/api/v1/rules', [], false, signal);
      return parseOrThrow(() => transformRules(envelope.data));
    },
  };
}

/** Transforms throw DataSourceError for bad shapes; anything else they throw is still reported, never leaked raw. */
function parseOrThrow<T>(transform: () => T): T {
  return readOrThrow(transform, SERVER);
}
