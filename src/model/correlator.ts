import type { CorrelationSource, CorrelationsConfig, Correlator, CrossLink, CrossLinkKind, LogsCorrelation, TimeWindow } from './correlations';
import { serviceAtTimeUrl, traceRefUrl, traceSearchAroundUrl } from './links';
import { logsExploreUrl } from './logLinks';
import type { Labels } from './series';
import { normalizeSpanId, normalizeTraceId } from './traceId';

/** Exemplar labels that carry a trace ID, in the spellings OpenTelemetry, Tempo and Jaeger exporters use. */
export const TRACE_ID_LABELS = ['trace_id', 'traceID', 'traceId'] as const;
const SPAN_ID_LABELS = ['span_id', 'spanID', 'spanId'];

/** Padding around a trace's or span's window, so a view of its logs is never a few ms wide (and empty). */
export const LOG_WINDOW_PAD_MS = 60_000;
/** "Golden Signals for this service": the dashboard centred on the moment, this much each side. */
export const SIGNALS_WINDOW_MS = 15 * 60_000;

/**
 * Where the service and the trace ID sit in a logs datasource when nothing says otherwise:
 * - Loki (LogQL): the `service_name` stream label (Loki 3 derives it from `service.name`) and `trace_id`
 *   structured metadata, which is where Loki's OTLP endpoint and the OpenTelemetry Collector's
 *   `otlphttp` exporter put a log record's trace context. A label filter `| trace_id="…"` reads structured
 *   metadata, stream labels and parsed labels alike.
 * - Elasticsearch / OpenSearch (Lucene): ECS `service.name`, and the trace ID under ECS `trace.id`, the
 *   OpenTelemetry exporter's `trace_id` or Data Prepper's `traceId` (asked together; a field an index lacks
 *   matches nothing and is no error).
 */
export const LOGQL_SERVICE_LABEL = 'service_name';
export const LOGQL_TRACE_ID_LABEL = 'trace_id';
export const LUCENE_SERVICE_FIELD = 'service.name';
export const LUCENE_TRACE_ID_FIELDS = ['trace.id', 'trace_id', 'traceId'] as const;

/**
 * Labels a log line's service is found under, in order: OpenTelemetry (`service_name` in Loki,
 * `service.name` as an attribute), then the Prometheus/Loki `service` and `job` labels and common
 * Kubernetes ones. A `job` of `namespace/name` (Prometheus' OTLP translation) names the service `name`.
 */
const LOG_SERVICE_LABELS = ['service_name', 'service.name', 'service', 'job', 'app', 'application'];

/**
 * A trace ID worth linking: 16 or 32 hex digits (64- or 128-bit, as W3C trace context and Zipkin write them)
 * and not all zeros. Anything else (wrong length, non-hex) is not linked.
 */
export function linkableTraceId(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const id = raw.trim();
  if (!/^(?:[0-9a-fA-F]{16}|[0-9a-fA-F]{32})$/.test(id)) return undefined;
  return normalizeTraceId(id);
}

/** A 64-bit trace ID padded to 32 digits is also written in its 16-digit form (Zipkin, Jaeger clients): both are asked. */
function traceIdSpellings(id: string): string[] {
  return id.startsWith('0000000000000000') ? [id, id.slice(16)] : [id];
}

/** A LogQL string literal: Go's double-quoted syntax, whose escapes JSON's are a subset of. */
function logqlString(value: string): string {
  return JSON.stringify(value);
}

/** A Lucene phrase: `"` and `\` escaped, so a hostile service name stays one term. */
function luceneString(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** The service a log line names, by the given label first, then the conventions; undefined when none. */
export function serviceOfLogLabels(labels: Labels, metadata: Labels | undefined, preferred?: string): string | undefined {
  const names = preferred !== undefined ? [preferred, ...LOG_SERVICE_LABELS] : LOG_SERVICE_LABELS;
  for (const name of names) {
    const raw = labels[name] ?? metadata?.[name];
    if (raw === undefined || raw.trim() === '') continue;
    // Prometheus writes `job` as `<service.namespace>/<service.name>` for OTLP data.
    return name === 'job' && raw.includes('/') ? raw.slice(raw.lastIndexOf('/') + 1) : raw;
  }
  return undefined;
}

/** A window no narrower than `halfMs` each side of its centre: a click on one point must not open a zero-width view. */
function atLeast(window: TimeWindow, halfMs: number): TimeWindow | undefined {
  if (!Number.isFinite(window.from) || !Number.isFinite(window.to)) return undefined;
  const from = Math.min(window.from, window.to);
  const to = Math.max(window.from, window.to);
  if (to - from >= 2 * halfMs) return { from: Math.floor(from), to: Math.ceil(to) };
  const mid = (from + to) / 2;
  return { from: Math.floor(mid - halfMs), to: Math.ceil(mid + halfMs) };
}

/** A trace's or span's window padded by LOG_WINDOW_PAD_MS on each side; undefined for a time that is not a number. */
function padded(startMs: number, endMs: number): TimeWindow | undefined {
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) return undefined;
  const from = Math.min(startMs, endMs);
  const to = Math.max(startMs, endMs);
  return { from: Math.floor(from - LOG_WINDOW_PAD_MS), to: Math.ceil(to + LOG_WINDOW_PAD_MS) };
}

const timeParams = (w: TimeWindow) => ({ from: String(w.from), to: String(w.to) });

/**
 * The correlator from the OpenTelemetry conventions and config.json's `correlations` overrides. Each link
 * names the datasource it targets; a link with no possible target says why.
 */
export function createCorrelator(sources: readonly CorrelationSource[], config: CorrelationsConfig = {}): Correlator {
  const byUid = (uid: string | undefined) => (uid === undefined ? undefined : sources.find((s) => s.uid === uid));
  /** The datasource a rule names, else the one marked default, else the first in config order. */
  const pick = (cap: string, preferred: string | undefined): CorrelationSource | undefined => {
    const chosen = byUid(preferred);
    if (chosen && chosen.capabilities.includes(cap)) return chosen;
    const able = sources.filter((s) => s.capabilities.includes(cap));
    return able.find((s) => s.isDefault) ?? able[0];
  };
  const none = (kind: CrossLinkKind, label: string, reason: string): CrossLink => ({ available: false, kind, label, reason });
  const link = (kind: CrossLinkKind, label: string, href: string, ds: CorrelationSource): CrossLink => ({
    available: true, kind, label, href, datasourceUid: ds.uid, datasourceName: ds.name,
  });

  /** A logs datasource's rule for one link: the trace datasource's `traceToLogs` over its own `logs` entry. */
  const logsRule = (ds: CorrelationSource, traceUid?: string): LogsCorrelation => {
    const own = config.logs?.[ds.uid] ?? {};
    const fromTrace = traceUid === undefined ? {} : (config.traceToLogs?.[traceUid] ?? {});
    return { ...own, ...(fromTrace.serviceLabel ? { serviceLabel: fromTrace.serviceLabel } : {}), ...(fromTrace.traceIdField ? { traceIdField: fromTrace.traceIdField } : {}) };
  };

  /** The query for a service's lines and/or one trace's lines, in the datasource's language. */
  const logsQuery = (ds: CorrelationSource, rule: LogsCorrelation, service: string | undefined, traceId?: string): string => {
    if (ds.logLanguage === 'lucene') {
      const serviceField = rule.serviceLabel ?? ds.logFields?.service ?? LUCENE_SERVICE_FIELD;
      const explicitField = rule.traceIdField ?? (ds.logFields?.traceId !== undefined && ds.logFields.traceId !== LUCENE_TRACE_ID_FIELDS[0] ? ds.logFields.traceId : undefined);
      const fields = explicitField !== undefined ? [explicitField] : [...LUCENE_TRACE_ID_FIELDS];
      const parts: string[] = [];
      if (service !== undefined) parts.push(`${serviceField}:${luceneString(service)}`);
      if (traceId !== undefined) {
        const values = traceIdSpellings(traceId).map(luceneString);
        const terms = fields.flatMap((f) => values.map((v) => `${f}:${v}`));
        parts.push(terms.length === 1 || parts.length === 0 ? terms.join(' OR ') : `(${terms.join(' OR ')})`);
      }
      return parts.join(' AND ');
    }
    const serviceLabel = rule.serviceLabel ?? LOGQL_SERVICE_LABEL;
    const selector = service !== undefined ? `{${serviceLabel}=${logqlString(service)}}` : `{${serviceLabel}=~".+"}`;
    if (traceId === undefined) return selector;
    const spellings = traceIdSpellings(traceId);
    if (rule.traceIdMatch === 'line') return `${selector} |= ${logqlString(spellings[spellings.length - 1]!)}`;
    const field = rule.traceIdField ?? LOGQL_TRACE_ID_LABEL;
    if (spellings.length === 1) return `${selector} | ${field}=${logqlString(traceId)}`;
    return `${selector} | ${field}=~${logqlString(`(0{16})?${spellings[1]}`)}`;
  };

  const signalsLink = (label: string, service: string, timeMs: number): CrossLink => {
    const ds = pick('services', config.metricsDatasource);
    if (!ds) return none('service-signals', label, 'no metrics datasource configured');
    if (service.trim() === '') return none('service-signals', label, 'no service name');
    if (!Number.isFinite(timeMs)) return none('service-signals', label, 'no time to centre on');
    const url = serviceAtTimeUrl(service, timeMs, SIGNALS_WINDOW_MS);
    // The dashboard opens the default metrics datasource; another one is named in the link.
    const fallback = pick('services', undefined);
    return link('service-signals', label, fallback && ds.uid !== fallback.uid ? `${url}&ds=${encodeURIComponent(ds.uid)}` : url, ds);
  };

  return {
    exemplarTrace(metricsUid, exemplar) {
      const rule = config.exemplars?.[metricsUid];
      const labels = rule?.traceIdLabel ? [rule.traceIdLabel] : TRACE_ID_LABELS;
      const label = 'Open trace';
      const raw = labels.map((l) => exemplar.labels[l]).find((v) => v !== undefined);
      const traceId = linkableTraceId(raw);
      if (traceId === undefined) return none('exemplar-trace', label, raw === undefined ? `no ${labels.join(' / ')} label` : `not a trace ID: ${raw}`);
      const ds = pick('traces', rule?.traceDatasource);
      if (!ds) return none('exemplar-trace', label, 'no trace datasource configured');
      const spanRaw = SPAN_ID_LABELS.map((l) => exemplar.labels[l]).find((v) => v !== undefined);
      const spanId = spanRaw === undefined ? undefined : normalizeSpanId(spanRaw);
      const timeMs = Number.isFinite(exemplar.time) ? exemplar.time : undefined;
      return link('exemplar-trace', label, traceRefUrl({ datasourceUid: ds.uid, traceId, ...(timeMs !== undefined ? { timeMs } : {}), ...(spanId ? { spanId } : {}) }), ds);
    },
    tracesOfService(service, window, hints = {}) {
      const label = `Traces of ${service} in this window`;
      const ds = pick('traces', undefined);
      if (!ds) return none('service-traces', label, 'no trace datasource configured');
      const w = atLeast(window, LOG_WINDOW_PAD_MS);
      if (!w) return none('service-traces', label, 'no time window');
      const filters = { ds: ds.uid, service, errorsOnly: hints.errorsOnly ?? false, ...(hints.minDurationMs !== undefined ? { minDurationMs: hints.minDurationMs } : {}) };
      return link('service-traces', label, traceSearchAroundUrl(filters, w), ds);
    },
    logsOfService(service, window) {
      const label = `Logs of ${service} in this window`;
      const ds = pick('logs', undefined);
      if (!ds) return none('service-logs', label, 'no log datasource configured');
      const w = atLeast(window, LOG_WINDOW_PAD_MS);
      if (!w) return none('service-logs', label, 'no time window');
      return link('service-logs', label, logsExploreUrl({ ds: ds.uid, query: logsQuery(ds, logsRule(ds), service) }, timeParams(w)), ds);
    },
    logsForTrace(trace) {
      const label = 'Logs for this trace';
      const ds = pick('logs', config.traceToLogs?.[trace.datasourceUid]?.logsDatasource);
      if (!ds) return none('trace-logs', label, 'no log datasource configured');
      const traceId = linkableTraceId(trace.traceId);
      if (traceId === undefined) return none('trace-logs', label, `not a trace ID: ${trace.traceId}`);
      const w = padded(trace.startMs, trace.endMs);
      if (!w) return none('trace-logs', label, 'the trace has no start or end time');
      return link('trace-logs', label, logsExploreUrl({ ds: ds.uid, query: logsQuery(ds, logsRule(ds, trace.datasourceUid), undefined, traceId) }, timeParams(w)), ds);
    },
    logsForSpan(traceDatasourceUid, span) {
      const label = 'Logs for this span';
      const ds = pick('logs', config.traceToLogs?.[traceDatasourceUid]?.logsDatasource);
      if (!ds) return none('span-logs', label, 'no log datasource configured');
      const traceId = linkableTraceId(span.traceId);
      if (traceId === undefined) return none('span-logs', label, `not a trace ID: ${span.traceId}`);
      const w = padded(span.startMs, span.endMs);
      if (!w) return none('span-logs', label, 'the span has no start or end time');
      // The span's service and trace, not its span ID: a span's lines are often written by its parent or
      // children (a client's timeout, a server's access log), and only the service and trace find them all.
      const service = span.service.trim() === '' ? undefined : span.service;
      return link('span-logs', label, logsExploreUrl({ ds: ds.uid, query: logsQuery(ds, logsRule(ds, traceDatasourceUid), service, traceId) }, timeParams(w)), ds);
    },
    signalsOfService(service, timeMs) {
      return signalsLink('Golden Signals for this service', service, timeMs);
    },
    traceOfLogLine(logsUid, line) {
      if (line.traceId === undefined || line.traceId === '') return undefined;
      const label = 'Open trace';
      const traceId = linkableTraceId(line.traceId);
      if (traceId === undefined) return none('log-trace', label, `not a trace ID: ${line.traceId}`);
      const ds = pick('traces', config.logsToTraces?.[logsUid]?.traceDatasource);
      if (!ds) return none('log-trace', label, 'no trace datasource configured');
      const timeMs = Number.isFinite(line.timeMs) ? line.timeMs : undefined;
      return link('log-trace', label, traceRefUrl({ datasourceUid: ds.uid, traceId, ...(timeMs !== undefined ? { timeMs } : {}) }), ds);
    },
    signalsOfLogLine(logsUid, line) {
      const label = 'Golden Signals for this service at this time';
      const service = serviceOfLogLabels(line.labels, line.metadata, config.logs?.[logsUid]?.serviceLabel ?? byUid(logsUid)?.logFields?.service);
      if (service === undefined) return none('service-signals', label, 'the line names no service');
      return signalsLink(label, service, line.timeMs);
    },
  };
}
