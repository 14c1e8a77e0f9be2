import type { AttrValue, SpanKind, Trace } from '../../model/trace';
import { normalizeSpanId, normalizeTraceId } from '../../model/traceId';
import { finishTrace, type DraftSpan } from '../shared/finishTrace';
import type { ShapeReaders } from '../shared/shape';

/** One Zipkin v2 span as sent (reference §5), IDs already canonical. */
interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId: string | undefined;
  kind: string | undefined;
  name: string;
  timestamp: number | undefined;
  duration: number | undefined;
  service: string | undefined;
  local: Record<string, AttrValue>;
  remote: Record<string, AttrValue>;
  annotations: { timestamp: number; value: string }[];
  tags: Record<string, string>;
  shared: boolean;
}

/**
 * A Zipkin v2 trace (`[Span, …]`) → the canonical Trace.
 *
 * Zipkin's shared-span model: an RPC may arrive as a CLIENT span and a SERVER span with the same `id` (the
 * server half marked `shared: true`), recorded by two processes on two clocks. They are kept as two spans,
 * the server half a child of the client half, the way Jaeger's SpanIDDeduper and Zipkin's own SpanNode do:
 * merging them into one would lose one side's service, timing and tags, and the gap between the two bars is
 * the network and queueing time a user is looking for. The client half keeps the wire ID; the server half
 * gets the next unused 64-bit ID (its wire ID stays in the `zipkin.shared_span_id` attribute), and the
 * spans whose parent was the shared ID hang under the server half, whose process made them.
 * `path` is where the span list sits in the response (`''` for a whole body, `[3]` for a search's 4th trace).
 * Reports of the same half (same ID, side and service: late annotations, retransmissions) are merged first.
 */
export function parseZipkinTrace(raw: unknown, path: string, read: ShapeReaders, traceId?: string): Trace {
  const spans = read.asArray(raw, path === '' ? 'the response body' : path).map((s, i) => parseSpan(s, `${path}[${i}]`, read));
  const id = traceId ?? longestTraceId(spans);
  return finishTrace(id, splitSharedSpans(mergeReports(spans)).map((s) => toDraft(s, id)), []);
}

/**
 * Zipkin v2 spans of one or several traces (a file: `/api/v2/traces` saved, or spans of many traces in one
 * list) → one Trace per trace, in the order they first appear. Each span's error names its own index.
 * Spans are grouped by the low 64 bits of their trace ID, so a trace mixing 64- and 128-bit IDs stays one.
 */
export function parseZipkinTraces(raw: unknown, path: string, read: ShapeReaders): Trace[] {
  const spans = read.asArray(raw, path === '' ? 'the body' : path).map((s, i) => parseSpan(s, `${path}[${i}]`, read));
  const groups = new Map<string, ZipkinSpan[]>();
  for (const span of spans) {
    const key = span.traceId.slice(16);
    const group = groups.get(key);
    if (group) group.push(span);
    else groups.set(key, [span]);
  }
  return [...groups.values()].map((group) => {
    const id = longestTraceId(group);
    return finishTrace(id, splitSharedSpans(mergeReports(group)).map((s) => toDraft(s, id)), []);
  });
}

function parseSpan(raw: unknown, path: string, read: ShapeReaders): ZipkinSpan {
  const span = read.asRecord(raw, path);
  const local = span.localEndpoint === undefined ? undefined : read.asRecord(span.localEndpoint, `${path}.localEndpoint`);
  const remote = span.remoteEndpoint === undefined ? undefined : read.asRecord(span.remoteEndpoint, `${path}.remoteEndpoint`);
  const serviceName = local?.serviceName === undefined ? undefined : read.asString(local.serviceName, `${path}.localEndpoint.serviceName`);
  const parentId = span.parentId === undefined ? undefined : normalizeSpanId(read.asString(span.parentId, `${path}.parentId`));
  return {
    traceId: idAt(span.traceId, `${path}.traceId`, normalizeTraceId, 'a trace ID of 16 or 32 hex digits', read),
    id: idAt(span.id, `${path}.id`, normalizeSpanId, 'a span ID of 16 hex digits', read),
    parentId,
    kind: span.kind === undefined ? undefined : read.asString(span.kind, `${path}.kind`),
    name: span.name === undefined ? '' : read.asString(span.name, `${path}.name`),
    timestamp: span.timestamp === undefined ? undefined : read.asNumber(span.timestamp, `${path}.timestamp`),
    duration: span.duration === undefined ? undefined : read.asNumber(span.duration, `${path}.duration`),
    service: serviceName === '' ? undefined : serviceName,
    local: endpoint(local, 'net.host', `${path}.localEndpoint`, read),
    remote: endpoint(remote, 'net.peer', `${path}.remoteEndpoint`, read),
    annotations: (span.annotations === undefined ? [] : read.asArray(span.annotations, `${path}.annotations`)).map((a, j) => {
      const annotation = read.asRecord(a, `${path}.annotations[${j}]`);
      return { timestamp: read.asNumber(annotation.timestamp, `${path}.annotations[${j}].timestamp`), value: read.asString(annotation.value, `${path}.annotations[${j}].value`) };
    }),
    tags: span.tags === undefined ? {} : { ...read.asLabels(span.tags, `${path}.tags`) },
    shared: span.shared === true,
  };
}

function idAt(value: unknown, path: string, normalize: (raw: string) => string | undefined, expected: string, read: ShapeReaders): string {
  const id = normalize(read.asString(value, path));
  if (id === undefined) throw read.shapeError(path, expected, value);
  return id;
}

function endpoint(value: Record<string, unknown> | undefined, prefix: string, path: string, read: ShapeReaders): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  if (value === undefined) return out;
  const ip = value.ipv4 ?? value.ipv6;
  if (ip !== undefined) out[`${prefix}.ip`] = read.asString(ip, `${path}.${value.ipv4 === undefined ? 'ipv6' : 'ipv4'}`);
  if (value.port !== undefined) out[`${prefix}.port`] = read.asNumber(value.port, `${path}.port`);
  if (prefix === 'net.peer' && value.serviceName !== undefined) out['peer.service'] = read.asString(value.serviceName, `${path}.serviceName`);
  return out;
}

/** A 128-bit ID wins over its 64-bit form when a trace mixes them (instrumentation mid-upgrade). */
function longestTraceId(spans: readonly ZipkinSpan[]): string {
  let best = spans[0]?.traceId ?? '';
  for (const s of spans) if (best.startsWith('0000000000000000') && !s.traceId.startsWith('0000000000000000')) best = s.traceId;
  return best;
}

/** A server half: marked shared, or a SERVER span next to a non-SERVER span of the same ID (older tracers). */
function isServerHalf(span: ZipkinSpan, group: readonly ZipkinSpan[]): boolean {
  return span.shared || (span.kind === 'SERVER' && group.some((other) => other.kind !== 'SERVER'));
}

function byId(spans: readonly ZipkinSpan[]): Map<string, ZipkinSpan[]> {
  const groups = new Map<string, ZipkinSpan[]>();
  for (const span of spans) {
    const group = groups.get(span.id);
    if (group) group.push(span);
    else groups.set(span.id, [span]);
  }
  return groups;
}

/** Several reports of one half become one span: earliest start, latest end, every tag and annotation. */
function mergeReports(spans: readonly ZipkinSpan[]): ZipkinSpan[] {
  const out: ZipkinSpan[] = [];
  for (const group of byId(spans).values()) {
    const halves = new Map<string, ZipkinSpan>();
    for (const span of group) {
      const key = `${isServerHalf(span, group) ? 'server' : 'client'}|${span.service ?? ''}`;
      const seen = halves.get(key);
      halves.set(key, seen === undefined ? span : mergeTwo(seen, span));
    }
    out.push(...halves.values());
  }
  return out;
}

function mergeTwo(a: ZipkinSpan, b: ZipkinSpan): ZipkinSpan {
  const start = a.timestamp === undefined ? b.timestamp : b.timestamp === undefined ? a.timestamp : Math.min(a.timestamp, b.timestamp);
  const endOf = (s: ZipkinSpan) => (s.timestamp === undefined || s.duration === undefined ? undefined : s.timestamp + s.duration);
  const ends = [endOf(a), endOf(b)].filter((e): e is number => e !== undefined);
  const seen = new Set(a.annotations.map((x) => `${x.timestamp}|${x.value}`));
  return {
    ...a,
    parentId: a.parentId ?? b.parentId,
    kind: a.kind ?? b.kind,
    name: a.name !== '' && a.name !== 'unknown' ? a.name : b.name,
    timestamp: start,
    duration: start !== undefined && ends.length > 0 ? Math.max(...ends) - start : (a.duration ?? b.duration),
    local: { ...b.local, ...a.local },
    remote: { ...b.remote, ...a.remote },
    annotations: [...a.annotations, ...b.annotations.filter((x) => !seen.has(`${x.timestamp}|${x.value}`))],
    tags: { ...b.tags, ...a.tags },
    shared: a.shared || b.shared,
  };
}

/** The server half of each shared ID becomes a child of the client half, under a new unused ID. */
function splitSharedSpans(spans: readonly ZipkinSpan[]): (ZipkinSpan & { sharedId?: string })[] {
  const used = new Set(spans.map((s) => s.id));
  const movedTo = new Map<string, string>();
  const out: (ZipkinSpan & { sharedId?: string })[] = [];
  for (const group of byId(spans).values()) {
    const client = group.find((s) => !isServerHalf(s, group));
    for (const span of group) {
      if (client === undefined || span === client) {
        out.push(span);
        continue;
      }
      const newId = nextUnusedId(span.id, used);
      used.add(newId);
      if (!movedTo.has(span.id)) movedTo.set(span.id, newId);
      out.push({ ...span, id: newId, parentId: client.id, sharedId: span.id });
    }
  }
  return out.map((s) => (s.sharedId === undefined && s.parentId !== undefined && movedTo.has(s.parentId) ? { ...s, parentId: movedTo.get(s.parentId) } : s));
}

function nextUnusedId(id: string, used: ReadonlySet<string>): string {
  let n = BigInt(`0x${id}`);
  for (;;) {
    n = (n + 1n) & 0xffffffffffffffffn;
    const candidate = n.toString(16).padStart(16, '0');
    if (n !== 0n && !used.has(candidate)) return candidate;
  }
}

const KINDS: Readonly<Record<string, SpanKind>> = { CLIENT: 'client', SERVER: 'server', PRODUCER: 'producer', CONSUMER: 'consumer' };

function toDraft(span: ZipkinSpan & { sharedId?: string }, traceId: string): DraftSpan {
  const service = span.service ?? 'unknown';
  const attributes: Record<string, AttrValue> = { ...span.tags, ...span.remote };
  if (span.sharedId !== undefined) attributes['zipkin.shared_span_id'] = span.sharedId;
  const code = span.tags['otel.status_code'];
  return {
    traceId,
    spanId: span.id,
    ...(span.parentId === undefined ? {} : { parentSpanId: span.parentId }),
    name: span.name,
    service,
    kind: (span.kind === undefined ? undefined : KINDS[span.kind]) ?? 'unspecified',
    startUs: span.timestamp,
    durationUs: span.duration,
    // Zipkin marks failure with an `error` tag, whatever its value (often the message, sometimes "").
    status: span.tags.error !== undefined || code === 'ERROR' ? 'error' : code === 'OK' ? 'ok' : 'unset',
    attributes,
    resource: { 'service.name': service, ...span.local },
    events: span.annotations.map((a) => ({ timeUs: a.timestamp, name: a.value, attributes: {} })),
    links: [],
  };
}
