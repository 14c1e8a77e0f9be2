import type { Alert, AlertGroup, AlertmanagerStatus, AlertRule, Silence } from '../model/alerts';
import type { LogCursor, LogLine, LogPage, TailHandlers, TailSubscription } from '../model/logs';
import type { Exemplar, Labels, Series } from '../model/series';
import type { TimeRange } from '../model/time';
import type { Trace, TraceSearch, TraceSummary } from '../model/trace';
import type { Unit } from '../model/units';

/** Everything a capability call depends on. The signal cancels it when the range or page changes. */
export interface QueryCtx {
  range: TimeRange;
  /** Desired resolution; the adapter may raise it to respect server limits and reports what it used. */
  stepMs?: number;
  signal: AbortSignal;
}

export interface RangeResult {
  series: Series[];
  warnings: string[];
  /** The step the server actually evaluated at. */
  stepMs: number;
}

export interface MetricsCapability {
  /** The finest step worth asking for (the scrape interval): a finer one only repeats samples. */
  readonly minStepMs?: number;
  queryRange(query: string, ctx: QueryCtx): Promise<RangeResult>;
  /** Instant query at `ctx.range.to`. */
  queryInstant?(query: string, ctx: QueryCtx): Promise<RangeResult>;
  exemplars?(query: string, ctx: QueryCtx): Promise<Exemplar[]>;
  labelNames?(ctx: QueryCtx, match?: readonly string[]): Promise<string[]>;
  labelValues?(label: string, ctx: QueryCtx, match?: string[]): Promise<string[]>;
  /** Label sets of the series any of `match` (at least one selector) selects in the range; editors complete from them. */
  series?(match: readonly string[], ctx: QueryCtx, limit?: number): Promise<Labels[]>;
  /** What the server knows of each metric name (type, help, unit); it is not kept per range. */
  metadata?(signal: AbortSignal, metric?: string): Promise<Record<string, MetricMetadata[]>>;
}

export interface MetricMetadata {
  /** counter, gauge, histogram, gaugehistogram, summary, info, stateset or unknown */
  type: string;
  help: string;
  unit: string;
}

export interface LogQueryCtx extends QueryCtx {
  /** Lines wanted; the adapter lowers it to the server's cap and says so (`LogPage.serverCap`, a warning). */
  limit: number;
  direction: 'forward' | 'backward';
  /** Continue after the last page (`LogPage.cursor`): "load older" in `backward`. */
  cursor?: LogCursor;
}

/** The query language a logs datasource speaks, so the page picks the editor language and the query builders. */
export type LogQueryLanguage = 'logql' | 'lucene';

export interface LogsCapability {
  readonly language: LogQueryLanguage;
  /** Where lines keep their service and trace context, when the datasource maps them (Elasticsearch `options.fields`), for cross-signal links. */
  readonly correlationFields?: { service: string; traceId: string; spanId: string };
  queryLogs(query: string, ctx: LogQueryCtx): Promise<LogPage>;
  /**
   * Line counts over the range by level (one series per level, `level` label; `unknown` when none), for the
   * volume histogram. Loki: `sum by (level) (count_over_time(<selector> [step]))`; Elasticsearch: a
   * `date_histogram` with a terms sub-aggregation.
   */
  volume?(query: string, ctx: QueryCtx): Promise<RangeResult>;
  /** A metric query over logs (LogQL `rate`, `count_over_time`, …). */
  queryMetrics?(query: string, ctx: QueryCtx): Promise<RangeResult>;
  /** Label names in the range; `selector` (a stream selector, `{job="x"}`) narrows them to the streams it selects. */
  labelNames?(ctx: QueryCtx, selector?: string): Promise<string[]>;
  labelValues?(label: string, ctx: QueryCtx, selector?: string): Promise<string[]>;
  /** Label sets of the streams any of `match` (stream selectors) selects in the range, for the label browser. */
  series?(match: readonly string[], ctx: QueryCtx): Promise<Labels[]>;
  /** Bytes per stream (or per `targetLabels` value) from the index, cheap over long ranges (Loki `index/volume`). */
  streamVolume?(selector: string, ctx: QueryCtx, options?: { targetLabels?: readonly string[]; limit?: number }): Promise<Array<{ labels: Labels; bytes: number }>>;
  /** The lines just before and after `line` in its own stream, like `grep -C`; both oldest first. */
  context?(line: LogLine, ctx: { before: number; after: number; signal: AbortSignal }): Promise<{ before: LogLine[]; after: LogLine[] }>;
  /** Live tail: Loki's websocket, or polling where that is unavailable. Ends when `signal` aborts or `close()`. */
  tail?(query: string, handlers: TailHandlers, signal: AbortSignal): TailSubscription;
}

export interface TracesCapability {
  getTrace(id: string, ctx: QueryCtx): Promise<Trace>;
  search?(q: TraceSearch, ctx: QueryCtx): Promise<TraceSummary[]>;
  /** Services that have traces in the range (the search form's first list). */
  services?(ctx: QueryCtx): Promise<string[]>;
  /** Span names (operations) of one service. */
  operations?(service: string, ctx: QueryCtx): Promise<string[]>;
  /** Attribute names for tag filters and query completion, in the server's own form (Tempo: `resource.service.name`). */
  tagNames?(ctx: QueryCtx): Promise<string[]>;
  /** Values seen for one of `tagNames`. */
  tagValues?(tag: string, ctx: QueryCtx): Promise<string[]>;
}

export interface AlertsCapability {
  /** Alertmanager: every alert it holds (active, suppressed, unprocessed); Prometheus: pending and firing. */
  listAlerts(signal: AbortSignal): Promise<Alert[]>;
  /** Alertmanager's alert groups, by route. */
  groups?(signal: AbortSignal): Promise<AlertGroup[]>;
  silences?(signal: AbortSignal): Promise<Silence[]>;
  status?(signal: AbortSignal): Promise<AlertmanagerStatus>;
  /** Prometheus' alerting and recording rules. */
  rules?(signal: AbortSignal): Promise<AlertRule[]>;
}

/** The named Golden Signals a service dashboard draws. */
export type SignalName =
  | 'requestRate'
  | 'errorRatio'
  | 'latencyP50'
  | 'latencyP95'
  | 'latencyP99'
  | 'latencyHeatmap'
  | 'trafficByRoute'
  | 'trafficByStatus'
  | 'saturation'
  | 'downstreamRate'
  | 'downstreamErrorRatio'
  | 'downstreamLatencyP99';

export interface SignalQuery {
  /** Query text in the datasource's own language; may hold `$__rate_interval`, `$__interval`, `$__range`. */
  query: string;
  unit: Unit;
  /** Label whose value names each series in a legend (`http_route`, `le`, `peer_service`). */
  legendLabel?: string;
  /**
   * Where the requests behind this signal leave exemplars (a histogram's buckets; for an error signal,
   * the failed requests' buckets), when that is not `query` itself, and the unit of their values.
   */
  exemplars?: { query: string; unit: Unit };
}

export type MetricConvention = 'otel' | 'classic';

export interface ServiceSignals {
  service: string;
  convention: MetricConvention;
  queries: Partial<Record<SignalName, SignalQuery>>;
}

/** A query that yields one series per service, so an overview of N services costs one request per signal. */
export interface OverviewQuery extends SignalQuery {
  signal: SignalName;
  /** The label whose value is the service name in this query's result. */
  serviceLabel: string;
}

/**
 * Knows how a datasource names services and their Golden Signals, so pages never write query text.
 * Prometheus implements it from templates for the OTel and classic client conventions.
 */
export interface ServicesCapability {
  listServices(ctx: QueryCtx): Promise<string[]>;
  signals(service: string, ctx: QueryCtx): Promise<ServiceSignals>;
  /** Queries grouped by service for the overview; one entry per signal and convention present. */
  overviewQueries(ctx: QueryCtx): Promise<OverviewQuery[]>;
}

export interface HealthResult {
  ok: boolean;
  message?: string;
}

export interface DataSource {
  uid: string;
  kind: string;
  name: string;
  /** Set on the embedded demo's datasources: what they answer is invented, and every page must say so. */
  simulated?: boolean;
  metrics?: MetricsCapability;
  services?: ServicesCapability;
  logs?: LogsCapability;
  traces?: TracesCapability;
  alerts?: AlertsCapability;
  health(signal: AbortSignal): Promise<HealthResult>;
}

export type { AdapterTransport, DataSourceConfig, FetchFn, OpenSocket, SocketLike } from '../model/datasourceConfig';
import type { AdapterTransport, DataSourceConfig, FetchFn } from '../model/datasourceConfig';
export type DataSourceFactory = (config: DataSourceConfig, fetchFn: FetchFn) => DataSource;

/** The capability fields a DataSource may carry. */
export type CapabilityName = 'metrics' | 'services' | 'logs' | 'traces' | 'alerts';

/**
 * One datasource kind, as the registry, config validation and the README's kind table all know it
 * (the one list is `kinds.ts`). `parseOptions` validates the entry's `options` (throwing ConfigError
 * naming the field relative to the entry, e.g. `options.scrapeInterval`); `create` builds the datasource.
 */
export interface DataSourcePlugin<Options = unknown> {
  readonly kind: string;
  /** What this kind's datasources answer; for a kind not in this build, what its adapter will answer. */
  readonly capabilities: readonly CapabilityName[];
  /** False for a kind declared ahead of its adapter: accepted in config.json, listed, and its health says so. */
  readonly inBuild: boolean;
  /** One line for the README's kind table: the servers this kind speaks to. */
  readonly servers: string;
  // Method syntax on purpose: it lets plugins with their own Options type sit in one DataSourcePlugin[] list,
  // and the registry always hands `create` exactly what the same plugin's `parseOptions` returned.
  parseOptions(options: Readonly<Record<string, unknown>> | undefined): Options;
  /** `transport` carries what streams need beyond `fetchFn` (a socket opener for live tail); adapters without streams ignore it. */
  create(config: DataSourceConfig, fetchFn: FetchFn, options: Options, transport?: AdapterTransport): DataSource;
}
