import type { AttrValue, Attrs, Span, SpanEvent, SpanKind, SpanLink, SpanRefKind } from '../../model/trace';
import { normalizeSpanId, normalizeTraceId } from '../../model/traceId';
import type { Trace } from '../../model/trace';
import { finishTrace, type DraftSpan } from '../shared/finishTrace';
import type { ShapeReaders } from '../shared/shape';

/**
 * Jaeger's v1 JSON trace (reference §3.1, `internal/uimodel`) → the canonical Trace. Times are µs already.
 * - The parent is the first CHILD_OF reference within the trace; with none, the first FOLLOWS_FROM (as Jaeger
 *   UI draws it), and then `parentKind` is `follows_from`. Every other reference is kept as a link with its
 *   `kind` (`child_of`, `follows_from`) and, as Jaeger's OTLP translator writes it, an `opentracing.ref_type`
 *   attribute, so "follows from" is shown, not flattened into "child of".
 * - Tags keep their types; an int64 beyond 2^53 stays the decimal string Jaeger sends, binary stays base64.
 * - `span.kind`, `error` and `otel.status_code` tags give the kind and status; the tags themselves stay.
 * - Logs become events named by their `event` (else `message`) field.
 * - `processes[processID]` (or an inline `process`) gives the service and the resource attributes.
 * - Server `warnings` (trace- and span-level) are kept as the trace's warnings; span-level ones up to
 *   MAX_SPAN_WARNINGS, then one line that counts the rest.
 */
/** Span-level server warnings listed one by one; the rest are counted: 100,000 spans with a warning each must not make 100,000 lines. */
export const MAX_SPAN_WARNINGS = 20;

export function parseV1Trace(raw: unknown, path: string, read: ShapeReaders): Trace {
  // A trace object that is the whole file sits at the top: its fields are named alone (`spans[3]`).
  const at = (key: string) => (path === '' ? key : `${path}.${key}`);
  const trace = read.asRecord(raw, path === '' ? 'the trace' : path);
  const traceId = traceIdAt(trace.traceID, at('traceID'), read);
  const processes = trace.processes === undefined || trace.processes === null ? {} : read.asRecord(trace.processes, at('processes'));
  const warnings = stringsOrNull(trace.warnings, at('warnings'), read);
  const ctx: TraceContext = { read, traceId, rawTraceId: trace.traceID, processes, processesPath: at('processes'), processCache: new Map() };
  const spans = read.asArray(trace.spans, at('spans'));
  const drafts: DraftSpan[] = new Array<DraftSpan>(spans.length);
  let listed = 0;
  let unlisted = 0;
  for (let i = 0; i < spans.length; i++) {
    const { span, warnings: spanWarnings } = parseSpan(spans[i], () => at(`spans[${i}]`), ctx);
    for (const w of spanWarnings) {
      if (listed < MAX_SPAN_WARNINGS) warnings.push(`${span.name} (${span.spanId}): ${w}`);
      else unlisted++;
      listed++;
    }
    drafts[i] = span;
  }
  if (unlisted > 0) warnings.push(`…and ${unlisted.toLocaleString('en-US')} more span warnings from the server`);
  return finishTrace(traceId, drafts, warnings);
}

/**
 * What every span of one trace shares. A 100,000-span file is read field by field, so the common case
 * builds no path strings (paths are functions, called only for an error), reads each process once (its
 * spans share one resource object), and decodes the trace ID once.
 */
interface TraceContext {
  read: ShapeReaders;
  traceId: string;
  rawTraceId: unknown;
  processes: Record<string, unknown>;
  processesPath: string;
  processCache: Map<string, { service: string; resource: Attrs }>;
}

type PathOf = () => string;

/** Shared by spans with no logs or no references; frozen, so a stray push fails loudly instead of leaking. */
const NO_EVENTS = Object.freeze([]) as unknown as SpanEvent[];
const NO_LINKS = Object.freeze([]) as unknown as SpanLink[];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseSpan(raw: unknown, path: PathOf, ctx: TraceContext): { span: DraftSpan; warnings: string[] } {
  const { read } = ctx;
  const span = isRecord(raw) ? raw : read.asRecord(raw, path());
  const traceId = span.traceID === ctx.rawTraceId ? ctx.traceId : traceIdAt(span.traceID, `${path()}.traceID`, read);
  const spanId = spanIdAt(span.spanID, () => `${path()}.spanID`, read);
  // A span without an operation name is still a span: the trace model names it "(no name)" and warns.
  const name =
    typeof span.operationName === 'string' ? span.operationName : span.operationName === undefined || span.operationName === null ? '' : read.asString(span.operationName, `${path()}.operationName`);
  const process = processOf(span, path, ctx);
  const attributes = tagsAt(span.tags, () => `${path()}.tags`, read);
  const { parentSpanId, parentKind, links } = referencesAt(span.references, () => `${path()}.references`, traceId, ctx);
  const logs = span.logs === undefined || span.logs === null ? [] : read.asArray(span.logs, `${path()}.logs`);
  const events =
    logs.length === 0
      ? NO_EVENTS
      : logs.map((rawLog, j): SpanEvent => {
          const logPath = `${path()}.logs[${j}]`;
          const log = read.asRecord(rawLog, logPath);
          const fields = tagsAt(log.fields, () => `${logPath}.fields`, read);
          const label = fields.event ?? fields.message;
          return { timeUs: read.asNumber(log.timestamp, `${logPath}.timestamp`), name: typeof label === 'string' ? label : 'log', attributes: fields };
        });
  return {
    span: {
      traceId,
      spanId,
      ...(parentSpanId === undefined ? {} : { parentSpanId }),
      // FOLLOWS_FROM only: an async child, which the critical path and the clock-skew adjustment treat apart.
      ...(parentKind === 'follows_from' ? { parentKind } : {}),
      name,
      service: process.service,
      kind: kindOf(attributes['span.kind']),
      startUs: optionalNumber(span.startTime, () => `${path()}.startTime`, read),
      durationUs: optionalNumber(span.duration, () => `${path()}.duration`, read),
      status: statusOf(attributes),
      ...statusMessageOf(attributes),
      attributes,
      resource: process.resource,
      events,
      links,
    },
    warnings: span.warnings === undefined || span.warnings === null ? [] : stringsOrNull(span.warnings, `${path()}.warnings`, read),
  };
}

function processOf(span: Record<string, unknown>, path: PathOf, ctx: TraceContext): { service: string; resource: Attrs } {
  const { read } = ctx;
  if (span.process !== undefined) return readProcess(read.asRecord(span.process, `${path()}.process`), `${path()}.process`, read);
  const id = typeof span.processID === 'string' ? span.processID : read.asString(span.processID, `${path()}.processID`);
  let process = ctx.processCache.get(id);
  if (process === undefined) {
    const processPath = `${ctx.processesPath}.${id}`;
    process = readProcess(read.asRecord(ctx.processes[id], processPath), processPath, read);
    ctx.processCache.set(id, process);
  }
  return process;
}

function readProcess(process: Record<string, unknown>, processPath: string, read: ShapeReaders): { service: string; resource: Attrs } {
  const service = read.asString(process.serviceName, `${processPath}.serviceName`);
  return { service, resource: { 'service.name': service, ...tagsAt(process.tags, () => `${processPath}.tags`, read) } };
}

function referencesAt(value: unknown, path: PathOf, traceId: string, ctx: TraceContext): { parentSpanId: string | undefined; parentKind: Span['parentKind']; links: SpanLink[] } {
  const { read } = ctx;
  if (value === undefined || value === null) return { parentSpanId: undefined, parentKind: undefined, links: NO_LINKS };
  const refs = read.asArray(value, path()).map((raw, i) => {
    const ref = isRecord(raw) ? raw : read.asRecord(raw, `${path()}[${i}]`);
    const refType = typeof ref.refType === 'string' ? ref.refType : read.asString(ref.refType, `${path()}[${i}].refType`);
    const refTrace = ref.traceID === ctx.rawTraceId ? ctx.traceId : traceIdAt(ref.traceID, `${path()}[${i}].traceID`, read);
    return { refType, traceId: refTrace, spanId: spanIdAt(ref.spanID, () => `${path()}[${i}].spanID`, read) };
  });
  const inTrace = (r: (typeof refs)[number]) => r.traceId === traceId;
  const parent = refs.find((r) => inTrace(r) && r.refType === 'CHILD_OF') ?? refs.find((r) => inTrace(r) && r.refType === 'FOLLOWS_FROM');
  const links = refs
    .filter((r) => r !== parent)
    .map((r): SpanLink => ({ traceId: r.traceId, spanId: r.spanId, attributes: { 'opentracing.ref_type': r.refType.toLowerCase() }, kind: refKind(r.refType) }));
  return { parentSpanId: parent?.spanId, parentKind: parent === undefined ? undefined : refKind(parent.refType), links: links.length === 0 ? NO_LINKS : links };
}

/** CHILD_OF and FOLLOWS_FROM as the model's reference kinds; an unknown type is an ordinary link. */
function refKind(refType: string): Extract<SpanRefKind, 'child_of' | 'follows_from'> {
  return refType === 'FOLLOWS_FROM' ? 'follows_from' : 'child_of';
}

/** Tags or log fields: `[{key, type, value}]` → attributes, keeping each value's JSON type. */
function tagsAt(value: unknown, path: PathOf, read: ShapeReaders): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  if (value === undefined || value === null) return out;
  const list = Array.isArray(value) ? (value as unknown[]) : read.asArray(value, path());
  for (let i = 0; i < list.length; i++) {
    const raw = list[i];
    const tag = isRecord(raw) ? raw : read.asRecord(raw, `${path()}[${i}]`);
    const key = typeof tag.key === 'string' ? tag.key : read.asString(tag.key, `${path()}[${i}].key`);
    const v = tag.value;
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw read.shapeError(`${path()}[${i}].value`, 'a string, number or boolean', v);
    out[key] = v;
  }
  return out;
}

const KINDS: ReadonlySet<string> = new Set(['server', 'client', 'producer', 'consumer', 'internal']);

function kindOf(tag: AttrValue | undefined): SpanKind {
  const kind = typeof tag === 'string' ? tag.toLowerCase() : '';
  return KINDS.has(kind) ? (kind as SpanKind) : 'unspecified';
}

/** Jaeger keeps OpenTelemetry's status description as a tag (its OTLP translator writes it so). */
function statusMessageOf(attributes: Record<string, AttrValue>): { statusMessage?: string } {
  const text = attributes['otel.status_description'];
  return typeof text === 'string' && text !== '' ? { statusMessage: text } : {};
}

function statusOf(attributes: Record<string, AttrValue>): DraftSpan['status'] {
  const error = attributes.error;
  const code = attributes['otel.status_code'];
  if (error === true || error === 'true' || code === 'ERROR') return 'error';
  return code === 'OK' ? 'ok' : 'unset';
}

function optionalNumber(value: unknown, path: PathOf, read: ShapeReaders): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return value === undefined || value === null ? undefined : read.asNumber(value, path());
}

function stringsOrNull(value: unknown, path: string, read: ShapeReaders): string[] {
  return value === undefined || value === null ? [] : [...read.asStringList(value, path)];
}

export function traceIdAt(value: unknown, path: string, read: ShapeReaders): string {
  const id = normalizeTraceId(read.asString(value, path));
  if (id === undefined) throw read.shapeError(path, 'a trace ID of 1 to 32 hex digits', value);
  return id;
}

/** The canonical form of a span ID; the common case (16 lowercase hex digits, not all zero) is taken as is. */
export function spanIdAt(value: unknown, path: string | PathOf, read: ShapeReaders): string {
  if (typeof value === 'string' && CANONICAL_SPAN_ID.test(value) && value !== '0000000000000000') return value;
  const where = typeof path === 'string' ? path : path();
  const id = normalizeSpanId(read.asString(value, where));
  if (id === undefined) throw read.shapeError(where, 'a span ID of 1 to 16 hex digits', value);
  return id;
}
const CANONICAL_SPAN_ID = /^[0-9a-f]{16}$/;
