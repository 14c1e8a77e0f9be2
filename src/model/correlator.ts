import type { CorrelationSource, CorrelationsConfig, Correlator, CrossLink, CrossLinkKind, TimeWindow } from './correlations';
import { logsExploreUrl, serviceAtTimeUrl, traceRefUrl, traceSearchAroundUrl } from './links';
import { normalizeSpanId, normalizeTraceId } from './traceId';

/** Exemplar labels that carry a trace ID, in the spellings OpenTelemetry, Tempo and Jaeger exporters use. */
const TRACE_ID_LABELS = ['trace_id', 'traceID', 'traceId'];
const SPAN_ID_LABELS = ['span_id', 'spanID', 'spanId'];

/** Padding around a trace's or span's window, so a view of its logs is never a few ms wide (and empty). */
export const LOG_WINDOW_PAD_MS = 60_000;
/** "Golden Signals for this service": the dashboard centred on the moment, this much each side. */
export const SIGNALS_WINDOW_MS = 15 * 60_000;

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

function lokiString(value: string): string {
  return JSON.stringify(value);
}

/**
 * The correlator from the OpenTelemetry conventions and config.json's `correlations` overrides. Each link
 * names the datasource it targets; a link with no possible target says why.
 */
export function createCorrelator(sources: readonly CorrelationSource[], config: CorrelationsConfig = {}): Correlator {
  const has = (cap: string) => sources.filter((s) => s.capabilities.includes(cap));
  const byUid = (uid: string | undefined) => (uid === undefined ? undefined : sources.find((s) => s.uid === uid));
  const pick = (cap: string, preferred: string | undefined): CorrelationSource | undefined => {
    const chosen = byUid(preferred);
    if (chosen && chosen.capabilities.includes(cap)) return chosen;
    return has(cap)[0];
  };
  const none = (kind: CrossLinkKind, label: string, reason: string): CrossLink => ({ available: false, kind, label, reason });
  const link = (kind: CrossLinkKind, label: string, href: string, ds: CorrelationSource): CrossLink => ({
    available: true, kind, label, href, datasourceUid: ds.uid, datasourceName: ds.name,
  });
  const padded = (startMs: number, endMs: number): TimeWindow => ({ from: Math.floor(startMs - LOG_WINDOW_PAD_MS), to: Math.ceil(endMs + LOG_WINDOW_PAD_MS) });
  const logsQuery = (ds: CorrelationSource, service: string | undefined, traceId?: string): string => {
    const serviceLabel = config.traceToLogs?.[ds.uid]?.serviceLabel ?? 'service_name';
    const selector = service !== undefined ? `{${serviceLabel}=${lokiString(service)}}` : `{${serviceLabel}=~".+"}`;
    return traceId !== undefined ? `${selector} |= ${lokiString(traceId)}` : selector;
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
      return link('exemplar-trace', label, traceRefUrl({ datasourceUid: ds.uid, traceId, timeMs: exemplar.time, ...(spanId ? { spanId } : {}) }), ds);
    },
    tracesOfService(service, window, hints = {}) {
      const label = `Traces of ${service} in this window`;
      const ds = pick('traces', undefined);
      if (!ds) return none('service-traces', label, 'no trace datasource configured');
      return link('service-traces', label, traceSearchAroundUrl({ ds: ds.uid, service, errorsOnly: hints.errorsOnly ?? false, ...(hints.minDurationMs !== undefined ? { minDurationMs: hints.minDurationMs } : {}) }, window), ds);
    },
    logsOfService(service, window) {
      const label = `Logs of ${service} in this window`;
      const ds = pick('logs', undefined);
      if (!ds) return none('service-logs', label, 'no log datasource configured');
      return link('service-logs', label, logsExploreUrl({ ds: ds.uid, query: logsQuery(ds, service) }, { from: String(window.from), to: String(window.to) }), ds);
    },
    logsForTrace(trace) {
      const label = 'Logs for this trace';
      const ds = pick('logs', config.traceToLogs?.[trace.datasourceUid]?.logsDatasource);
      if (!ds) return none('trace-logs', label, 'no log datasource configured');
      const w = padded(trace.startMs, trace.endMs);
      return link('trace-logs', label, logsExploreUrl({ ds: ds.uid, query: logsQuery(ds, undefined, trace.traceId) }, { from: String(w.from), to: String(w.to) }), ds);
    },
    logsForSpan(traceDatasourceUid, span) {
      const label = 'Logs for this span';
      const ds = pick('logs', config.traceToLogs?.[traceDatasourceUid]?.logsDatasource);
      if (!ds) return none('span-logs', label, 'no log datasource configured');
      const w = padded(span.startMs, span.endMs);
      return link('span-logs', label, logsExploreUrl({ ds: ds.uid, query: logsQuery(ds, span.service, span.traceId) }, { from: String(w.from), to: String(w.to) }), ds);
    },
    signalsOfService(service, timeMs) {
      const label = 'Golden Signals for this service';
      const ds = pick('metrics', config.metricsDatasource);
      if (!ds) return none('service-signals', label, 'no metrics datasource configured');
      return link('service-signals', label, serviceAtTimeUrl(service, timeMs, SIGNALS_WINDOW_MS), ds);
    },
    traceOfLogLine(logsUid, line) {
      if (line.traceId === undefined || line.traceId === '') return undefined;
      const label = 'Open trace';
      const traceId = linkableTraceId(line.traceId);
      if (traceId === undefined) return none('log-trace', label, `not a trace ID: ${line.traceId}`);
      const ds = pick('traces', config.logsToTraces?.[logsUid]?.traceDatasource);
      if (!ds) return none('log-trace', label, 'no trace datasource configured');
      return link('log-trace', label, traceRefUrl({ datasourceUid: ds.uid, traceId, timeMs: line.timeMs }), ds);
    },
  };
}
