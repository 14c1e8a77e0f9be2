/**
 * The correlation contract: which datasource a cross-signal link targets, and the link itself or why there
 * is none. Pages ask a `Correlator` (built once from config.json's `correlations` and the configured
 * datasources) and render what it answers; they never build cross-view URLs by hand.
 *
 * The defaults follow the OpenTelemetry semantic conventions, so standard data needs no configuration:
 * `service.name` in traces ↔ `service_name` in Loki and Prometheus (or the `service`/`job` label), and the
 * trace ID under `trace_id` / `traceID` / `traceId`. Overrides in config.json change one rule at a time.
 */
import type { Labels } from './series';

/** A window of time, epoch ms, from <= to. */
export interface TimeWindow {
  from: number;
  to: number;
}

/** A trace as a link target: the backend it lives in, its ID, when it was seen, and optionally one span. */
export interface TraceRef {
  /** The trace datasource's uid; absent = ask every trace datasource. */
  datasourceUid?: string;
  traceId: string;
  /** When it was seen (an exemplar's time, a log line's time): the trace backend searches around it. */
  timeMs?: number;
  /** The span to open selected. */
  spanId?: string;
}

/** What a link was built for, so a page can pick its icon and a test its link without matching text. */
export type CrossLinkKind =
  | 'exemplar-trace'
  | 'service-traces'
  | 'service-logs'
  | 'trace-logs'
  | 'span-logs'
  | 'service-signals'
  | 'log-trace';

/** A link offered to the user, or the reason it is not offered (rendered as disabled text, never hidden silently). */
export type CrossLink =
  | { available: true; kind: CrossLinkKind; label: string; href: string; datasourceUid: string; datasourceName: string }
  | { available: false; kind: CrossLinkKind; label: string; reason: string };

/** What the resolver knows of one configured datasource. */
export interface CorrelationSource {
  uid: string;
  name: string;
  kind: string;
  /** The capabilities it answers: `metrics`, `services`, `logs`, `traces`, `alerts`. */
  capabilities: readonly string[];
  /** Marked `default` in config.json: preferred among several of its capability when no rule names one. */
  isDefault?: boolean;
  /** A logs datasource's query language (absent: LogQL, as Loki speaks). */
  logLanguage?: 'logql' | 'lucene';
  /** Where a logs datasource keeps the service and the trace context (Elasticsearch's `options.fields`). */
  logFields?: { service?: string; traceId?: string; spanId?: string };
}

/** How a logs datasource is asked for one trace ID: a label/field filter (default) or a line filter (LogQL only). */
export type TraceIdMatch = 'label' | 'line';

/** Per logs datasource: where its service and trace ID are (LogQL label names or Lucene fields). */
export interface LogsCorrelation {
  /** The label (Loki) or field (Elasticsearch) naming the service; default `service_name` / `service.name`. */
  serviceLabel?: string;
  /** The label/structured metadata (Loki) or field (Elasticsearch) holding the trace ID; default `trace_id` / `trace.id`. */
  traceIdField?: string;
  /**
   * Loki only: `label` asks `| trace_id="<id>"` (structured metadata, as Loki's OTLP endpoint stores it),
   * `line` asks `|= "<id>"` (the ID written in the line text, for logs shipped without structured metadata).
   */
  traceIdMatch?: TraceIdMatch;
}

/**
 * config.json `correlations`. Every key is optional; what is absent comes from the conventions. Keys of
 * the records are datasource uids.
 */
export interface CorrelationsConfig {
  /** Per metrics datasource: the exemplar label holding the trace ID, and the trace datasource it names. */
  exemplars?: Readonly<Record<string, { traceIdLabel?: string; traceDatasource?: string }>>;
  /** Per trace datasource: its log datasource, the log label/field holding the trace ID, and the service label there. */
  traceToLogs?: Readonly<Record<string, { logsDatasource?: string; traceIdField?: string; serviceLabel?: string }>>;
  /** Per log datasource: the trace datasource its lines' trace IDs name. */
  logsToTraces?: Readonly<Record<string, { traceDatasource?: string }>>;
  /** The metrics datasource "Golden Signals for this service" opens (default: the default metrics datasource). */
  metricsDatasource?: string;
  /** Per logs datasource: where its service and trace ID are, for every link into it. */
  logs?: Readonly<Record<string, LogsCorrelation>>;
}

/** A span, as the links from it need it. */
export interface SpanForLinks {
  traceId: string;
  spanId: string;
  service: string;
  startMs: number;
  endMs: number;
}

export interface Correlator {
  /** An exemplar's trace, in the trace datasource its metrics datasource points at. */
  exemplarTrace(metricsUid: string, exemplar: { labels: Labels; time: number }): CrossLink;
  /** "Traces of <service> in this window": the search page pre-filled. */
  tracesOfService(service: string, window: TimeWindow, hints?: { errorsOnly?: boolean; minDurationMs?: number }): CrossLink;
  /** "Logs of <service> in this window". */
  logsOfService(service: string, window: TimeWindow): CrossLink;
  /** "Logs for this trace": the trace ID in its log datasource, the trace's window padded. */
  logsForTrace(trace: { datasourceUid: string; traceId: string; startMs: number; endMs: number }): CrossLink;
  /** "Logs for this span": the span's service and trace/span ID, its window padded. */
  logsForSpan(traceDatasourceUid: string, span: SpanForLinks): CrossLink;
  /** "Golden Signals for this service" around one moment. */
  signalsOfService(service: string, timeMs: number): CrossLink;
  /** A log line's trace, in the trace datasource its log datasource points at; undefined for a line with no trace ID. */
  traceOfLogLine(logsUid: string, line: { traceId?: string; timeMs: number }): CrossLink | undefined;
  /**
   * "Golden Signals for this service at this time" from a log line: its service from its labels (the
   * datasource's service label, then the OpenTelemetry and common spellings), ±15 minutes around the line.
   */
  signalsOfLogLine(logsUid: string, line: { labels: Labels; metadata?: Labels; timeMs: number }): CrossLink;
}
