import type { AttrValue, Attrs, SpanEvent, SpanKind, SpanLink } from '../../model/trace';
import { normalizeSpanId, normalizeTraceId } from '../../model/traceId';
import type { Trace } from '../../model/trace';
import { finishTrace, type DraftSpan } from '../shared/finishTrace';
import type { ShapeReaders } from '../shared/shape';

/**
 * Jaeger's v1 JSON trace (reference §3.1, `internal/uimodel`) → the canonical Trace. Times are µs already.
 * - The parent is the first CHILD_OF reference within the trace; with none, the first FOLLOWS_FROM (as Jaeger
 *   UI draws it). Every other reference, and a FOLLOWS_FROM parent too, is kept as a link whose
 *   `opentracing.ref_type` says which kind it was, so "follows from" is shown, not flattened into "child of".
 * - Tags keep their types; an int64 beyond 2^53 stays the decimal string Jaeger sends, binary stays base64.
 * - `span.kind`, `error` and `otel.status_code` tags give the kind and status; the tags themselves stay.
 * - Logs become events named by their `event` (else `message`) field.
 * - `processes[processID]` (or an inline `process`) gives the service and the resource attributes.
 * - Server `warnings` (trace- and span-level) are kept as the trace's warnings.
 */
export function parseV1Trace(raw: unknown, path: string, read: ShapeReaders): Trace {
  const trace = read.asRecord(raw, path);
  const traceId = traceIdAt(trace.traceID, `${path}.traceID`, read);
  const processes = trace.processes === undefined || trace.processes === null ? {} : read.asRecord(trace.processes, `${path}.processes`);
  const warnings = stringsOrNull(trace.warnings, `${path}.warnings`, read);
  const drafts = read.asArray(trace.spans, `${path}.spans`).map((rawSpan, i) => {
    const spanPath = `${path}.spans[${i}]`;
    const { span, warnings: spanWarnings } = parseSpan(rawSpan, spanPath, processes, `${path}.processes`, read);
    for (const w of spanWarnings) warnings.push(`${span.name} (${span.spanId}): ${w}`);
    return span;
  });
  return finishTrace(traceId, drafts, warnings);
}

function parseSpan(raw: unknown, path: string, processes: Record<string, unknown>, processesPath: string, read: ShapeReaders): { span: DraftSpan; warnings: string[] } {
  const span = read.asRecord(raw, path);
  const traceId = traceIdAt(span.traceID, `${path}.traceID`, read);
  const spanId = spanIdAt(span.spanID, `${path}.spanID`, read);
  // A span without an operation name is still a span: the trace model names it "(no name)" and warns.
  const name = span.operationName === undefined || span.operationName === null ? '' : read.asString(span.operationName, `${path}.operationName`);
  const process = processOf(span, path, processes, processesPath, read);
  const attributes = tagsAt(span.tags, `${path}.tags`, read);
  const { parentSpanId, links } = referencesAt(span.references, `${path}.references`, traceId, read);
  const events = (span.logs === undefined || span.logs === null ? [] : read.asArray(span.logs, `${path}.logs`)).map((rawLog, j): SpanEvent => {
    const logPath = `${path}.logs[${j}]`;
    const log = read.asRecord(rawLog, logPath);
    const fields = tagsAt(log.fields, `${logPath}.fields`, read);
    const label = fields.event ?? fields.message;
    return { timeUs: read.asNumber(log.timestamp, `${logPath}.timestamp`), name: typeof label === 'string' ? label : 'log', attributes: fields };
  });
  return {
    span: {
      traceId,
      spanId,
      ...(parentSpanId === undefined ? {} : { parentSpanId }),
      name,
      service: process.service,
      kind: kindOf(attributes['span.kind']),
      startUs: optionalNumber(span.startTime, `${path}.startTime`, read),
      durationUs: optionalNumber(span.duration, `${path}.duration`, read),
      status: statusOf(attributes),
      attributes,
      resource: process.resource,
      events,
      links,
    },
    warnings: stringsOrNull(span.warnings, `${path}.warnings`, read),
  };
}

function processOf(span: Record<string, unknown>, path: string, processes: Record<string, unknown>, processesPath: string, read: ShapeReaders): { service: string; resource: Attrs } {
  let process: Record<string, unknown>;
  let processPath: string;
  if (span.process !== undefined) {
    processPath = `${path}.process`;
    process = read.asRecord(span.process, processPath);
  } else {
    const id = read.asString(span.processID, `${path}.processID`);
    processPath = `${processesPath}.${id}`;
    process = read.asRecord(processes[id], processPath);
  }
  const service = read.asString(process.serviceName, `${processPath}.serviceName`);
  return { service, resource: { 'service.name': service, ...tagsAt(process.tags, `${processPath}.tags`, read) } };
}

function referencesAt(value: unknown, path: string, traceId: string, read: ShapeReaders): { parentSpanId: string | undefined; links: SpanLink[] } {
  if (value === undefined || value === null) return { parentSpanId: undefined, links: [] };
  const refs = read.asArray(value, path).map((raw, i) => {
    const ref = read.asRecord(raw, `${path}[${i}]`);
    const refType = read.asString(ref.refType, `${path}[${i}].refType`);
    return { refType, traceId: traceIdAt(ref.traceID, `${path}[${i}].traceID`, read), spanId: spanIdAt(ref.spanID, `${path}[${i}].spanID`, read) };
  });
  const inTrace = (r: (typeof refs)[number]) => r.traceId === traceId;
  const parent = refs.find((r) => inTrace(r) && r.refType === 'CHILD_OF') ?? refs.find((r) => inTrace(r) && r.refType === 'FOLLOWS_FROM');
  const links = refs
    .filter((r) => r !== parent || r.refType !== 'CHILD_OF')
    .map((r): SpanLink => ({ traceId: r.traceId, spanId: r.spanId, attributes: { 'opentracing.ref_type': r.refType.toLowerCase() } }));
  return { parentSpanId: parent?.spanId, links };
}

/** Tags or log fields: `[{key, type, value}]` → attributes, keeping each value's JSON type. */
function tagsAt(value: unknown, path: string, read: ShapeReaders): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  if (value === undefined || value === null) return out;
  read.asArray(value, path).forEach((raw, i) => {
    const tag = read.asRecord(raw, `${path}[${i}]`);
    const key = read.asString(tag.key, `${path}[${i}].key`);
    const v = tag.value;
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw read.shapeError(`${path}[${i}].value`, 'a string, number or boolean', v);
    out[key] = v;
  });
  return out;
}

const KINDS: ReadonlySet<string> = new Set(['server', 'client', 'producer', 'consumer', 'internal']);

function kindOf(tag: AttrValue | undefined): SpanKind {
  const kind = typeof tag === 'string' ? tag.toLowerCase() : '';
  return KINDS.has(kind) ? (kind as SpanKind) : 'unspecified';
}

function statusOf(attributes: Record<string, AttrValue>): DraftSpan['status'] {
  const error = attributes.error;
  const code = attributes['otel.status_code'];
  if (error === true || error === 'true' || code === 'ERROR') return 'error';
  return code === 'OK' ? 'ok' : 'unset';
}

function optionalNumber(value: unknown, path: string, read: ShapeReaders): number | undefined {
  return value === undefined || value === null ? undefined : read.asNumber(value, path);
}

function stringsOrNull(value: unknown, path: string, read: ShapeReaders): string[] {
  return value === undefined || value === null ? [] : [...read.asStringList(value, path)];
}

export function traceIdAt(value: unknown, path: string, read: ShapeReaders): string {
  const id = normalizeTraceId(read.asString(value, path));
  if (id === undefined) throw read.shapeError(path, 'a trace ID of 1 to 32 hex digits', value);
  return id;
}

export function spanIdAt(value: unknown, path: string, read: ShapeReaders): string {
  const id = normalizeSpanId(read.asString(value, path));
  if (id === undefined) throw read.shapeError(path, 'a span ID of 1 to 16 hex digits', value);
  return id;
}
