import type { Attrs, Span, SpanEvent, SpanKind } from '../../model/trace';
import { CLIENT_TIMEOUT_S, type DemoTraceDescription, type Hop } from '../simulator';

/** The instrumentation scope every demo span reports (OTLP `scope`, Jaeger `otel.scope.name`). */
export const DEMO_SCOPE = { name: 'watchfloor.demo.simulator', version: '1' } as const;

const US_PER_S = 1_000_000;

/** Epoch µs of an instant `offsetS` seconds after the trace's start (integer ms), rounded to whole µs. */
export function usAfter(startMs: number, offsetS: number): number {
  return startMs * 1000 + Math.round(offsetS * US_PER_S);
}

/** A span's duration in whole µs, at least 1 (Zipkin's floor; a span never lasts nothing). */
export function durationUs(durationS: number): number {
  return Math.max(1, Math.round(durationS * US_PER_S));
}

export function resourceOf(service: string): Attrs {
  // The same instance the metrics label the service with (topology.instanceOf).
  return { 'service.name': service, 'service.namespace': 'watchfloor-demo', 'service.instance.id': `${service}-0:8080` };
}

/** OpenTelemetry HTTP semantics: a server span errs on 5xx, a client span on any 4xx or 5xx. */
function isError(hop: Hop): boolean {
  const code = Number(hop.status);
  return hop.kind === 'server' ? code >= 500 : code >= 400;
}

function attributesOf(hop: Hop): Attrs {
  const code = Number(hop.status);
  const out: Record<string, string | number> = { 'http.request.method': hop.method };
  if (hop.kind === 'server') {
    out['http.route'] = hop.route;
    out['url.path'] = hop.route;
  } else {
    const peer = hop.peer ?? '';
    out['server.address'] = peer;
    out['server.port'] = 8080;
    out['url.full'] = `http://${peer}:8080${hop.route}`;
    out['peer.service'] = peer;
  }
  out['http.response.status_code'] = code;
  if (hop.timedOut) out['error.type'] = 'timeout';
  else if (isError(hop)) out['error.type'] = hop.status;
  return out;
}

function statusMessageOf(hop: Hop): string | undefined {
  if (hop.timedOut) return `${hop.peer ?? 'callee'} did not answer within ${CLIENT_TIMEOUT_S} s`;
  if (!isError(hop)) return undefined;
  return hop.kind === 'server' ? `${hop.method} ${hop.route} answered ${hop.status}` : `${hop.peer ?? 'callee'} answered ${hop.status}`;
}

/**
 * The spans of a simulated request, one per hop of its template, in pre-order: the same services,
 * routes, statuses and timings that feed the metrics (and the exemplars, whose value is a span's
 * duration and whose timestamp is its end). A timed-out call carries a `timeout` event at its end.
 */
export function spansFromDescription(traceId: string, d: DemoTraceDescription): Span[] {
  const startMs = d.parts.startMs;
  return d.hops.map((hop, i): Span => {
    const timing = d.timings[i] ?? { startS: 0, durationS: 0 };
    const startUs = usAfter(startMs, timing.startS);
    const spanDurationUs = durationUs(timing.durationS);
    const events: SpanEvent[] = [];
    if (hop.timedOut) {
      events.push({
        timeUs: startUs + spanDurationUs,
        name: 'timeout',
        attributes: { 'exception.type': 'TimeoutError', 'exception.message': statusMessageOf(hop) ?? '', 'timeout.s': CLIENT_TIMEOUT_S },
      });
    } else if (hop.kind === 'server' && isError(hop) && hop.service === d.outcome.target) {
      events.push({
        timeUs: startUs + spanDurationUs,
        name: 'exception',
        attributes: { 'exception.type': 'InternalServerError', 'exception.message': statusMessageOf(hop) ?? '' },
      });
    }
    const parentSpanId = hop.parent >= 0 ? d.spanIds[hop.parent] : undefined;
    const message = statusMessageOf(hop);
    const kind: SpanKind = hop.kind;
    return {
      traceId,
      spanId: d.spanIds[i] ?? '',
      ...(parentSpanId === undefined ? {} : { parentSpanId }),
      name: `${hop.method} ${hop.route}`,
      service: hop.service,
      kind,
      startUs,
      durationUs: spanDurationUs,
      status: isError(hop) ? 'error' : 'unset',
      ...(message === undefined ? {} : { statusMessage: message }),
      attributes: attributesOf(hop),
      resource: resourceOf(hop.service),
      events,
      links: [],
    };
  });
}
