import type { Attrs, AttrValue, Span, SpanEvent, SpanKind, SpanLink, Trace } from '../../../model/trace';
import { shapeReaders, type ShapeReaders } from '../shape';
import { readAttributes } from './anyValue';
import { field, Found } from './fields';
import { readSpanIdText, readTraceIdText } from './ids';
import { microsBetween, readUnixNanos, suspectedUnit, toMicros } from './nanos';
import { WarningTally } from './warnings';

export interface OtlpParseOptions {
  /** Where the TracesData sits in the body (`trace` for Tempo v2, `result` for Jaeger v3), so errors name the full path. */
  path?: string;
}

/** Longer attribute text than this is kept whole but flagged: a page can clip it, a user should know it is there. */
const LARGE_VALUE_CHARS = 100_000;
/** When a resource has no service.name, as the OpenTelemetry SDKs name it. */
export const UNKNOWN_SERVICE = 'unknown_service';

const KIND_BY_NUMBER: readonly SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
const STATUS_BY_NUMBER = ['unset', 'ok', 'error'] as const;

/**
 * OTLP/JSON TracesData (`{resourceSpans:[…]}`, Tempo v1's `{batches:[…]}`) → one Trace per trace ID, in the
 * order the IDs first appear. Reads the spec's form (hex IDs, integer enums, ns as decimal strings) and
 * Tempo's (base64 IDs, enum names), camelCase or proto field names, `scopeSpans` or the older
 * `instrumentationLibrarySpans`. A value of the wrong type throws a `parse` DataSourceError naming
 * `serverName` and the field; what proto3 omits when zero is read as zero, and what that leaves
 * implausible (no span ID, no start time, an end before the start, ns fields holding µs) is a warning on
 * the trace, never a silent drop.
 */
export function parseOtlpTraces(json: unknown, serverName: string, options: OtlpParseOptions = {}): Trace[] {
  const read = shapeReaders(serverName);
  const base = options.path ?? '';
  const root = read.asRecord(json, base === '' ? 'the body' : base);
  let list = field(root, 'resourceSpans', base);
  if (list.value === undefined && root.batches !== undefined) list = new Found(root.batches, base, 'batches');
  if (list.value === undefined) throw read.shapeError(list.path, 'an array of resource spans', undefined);
  const resourceSpans = read.asArray(list.value, list.path);

  const traces = new Map<string, TraceEntry>();
  const skipped = new WarningTally();
  for (let r = 0; r < resourceSpans.length; r++) {
    readResourceSpans(read, resourceSpans[r], `${list.path}[${r}]`, traces, skipped);
  }
  const out: Trace[] = [];
  for (const [traceId, { spans, tally }] of traces) out.push({ traceId, spans, warnings: [...skipped.messages(), ...tally.messages()] });
  return out;
}

function readResourceSpans(
  read: ShapeReaders,
  raw: unknown,
  path: string,
  traces: Map<string, TraceEntry>,
  skipped: WarningTally,
): void {
  const rs = read.asRecord(raw, path);
  const resourceField = field(rs, 'resource', path);
  const resource: Attrs =
    resourceField.value === undefined ? {} : readAttributes(read, field(read.asRecord(resourceField.value, resourceField.path), 'attributes', resourceField.path).value, `${resourceField.path}.attributes`);
  const serviceName = resource['service.name'];
  const service = typeof serviceName === 'string' && serviceName !== '' ? serviceName : undefined;

  let scopes = field(rs, 'scopeSpans', path);
  if (scopes.value === undefined) scopes = field(rs, 'instrumentationLibrarySpans', path);
  if (scopes.value === undefined) return;
  const scopeList = read.asArray(scopes.value, scopes.path);
  for (let s = 0; s < scopeList.length; s++) {
    const scopePath = `${scopes.path}[${s}]`;
    const ss = read.asRecord(scopeList[s], scopePath);
    let scopeField = field(ss, 'scope', scopePath);
    if (scopeField.value === undefined) scopeField = field(ss, 'instrumentationLibrary', scopePath);
    const scope = scopeField.value === undefined ? {} : read.asRecord(scopeField.value, scopeField.path);
    const scopeAttrs: Record<string, string> = {};
    if (typeof scope.name === 'string' && scope.name !== '') scopeAttrs['otel.scope.name'] = scope.name;
    if (typeof scope.version === 'string' && scope.version !== '') scopeAttrs['otel.scope.version'] = scope.version;

    const spansField = field(ss, 'spans', scopePath);
    if (spansField.value === undefined) continue;
    const spansPath = spansField.path;
    const spans = read.asArray(spansField.value, spansPath);
    const context: SpanContext = { service: service ?? UNKNOWN_SERVICE, resource, scopeAttrs };
    let lastRawId: unknown;
    let lastEntry: TraceEntry | undefined;
    for (let i = 0; i < spans.length; i++) {
      const spanPath = `${spansPath}[${i}]`;
      const record = read.asRecord(spans[i], spanPath);
      const traceField = field(record, 'traceId', spanPath);
      // Spans of one batch share their trace ID: decode it once per run of equal strings.
      let entry = traceField.value === lastRawId ? lastEntry : undefined;
      if (entry === undefined) {
        const traceId = traceField.value === undefined ? undefined : readTraceIdText(read.asString(traceField.value, traceField.path));
        if (traceId === undefined) {
          skipped.add('traceId', `span(s) without a valid trace ID were left out`, `${traceField.path} = ${JSON.stringify(traceField.value ?? null)}`);
          continue;
        }
        entry = traces.get(traceId);
        if (entry === undefined) traces.set(traceId, (entry = { traceId, spans: [], tally: new WarningTally() }));
        lastRawId = traceField.value;
        lastEntry = entry;
      }
      const span = readSpan(read, record, spanPath, entry.traceId, context, entry.tally);
      if (span === undefined) continue;
      if (service === undefined) entry.tally.add('service', `span(s) have no service.name in their resource; shown as "${UNKNOWN_SERVICE}"`, `${resourceField.path}.attributes`);
      entry.spans.push(span);
    }
  }
}

interface TraceEntry {
  traceId: string;
  spans: Span[];
  tally: WarningTally;
}

interface SpanContext {
  service: string;
  resource: Attrs;
  scopeAttrs: Readonly<Record<string, string>>;
}

/** A string field's value; the path is built only when it is not a string. */
function str(read: ShapeReaders, found: Found): string {
  return typeof found.value === 'string' ? found.value : read.asString(found.value, found.path);
}

function readSpan(read: ShapeReaders, record: Record<string, unknown>, path: string, traceId: string, context: SpanContext, tally: WarningTally): Span | undefined {
  const spanIdField = field(record, 'spanId', path);
  const spanId = spanIdField.value === undefined ? undefined : readSpanIdText(str(read, spanIdField));
  if (spanId === undefined) {
    tally.add('spanId', 'span(s) without a valid span ID were left out', `${spanIdField.path} = ${JSON.stringify(spanIdField.value ?? null)}`);
    return undefined;
  }
  const parentField = field(record, 'parentSpanId', path);
  let parentSpanId: string | undefined;
  if (parentField.value !== undefined && parentField.value !== '') {
    const raw = str(read, parentField);
    parentSpanId = readSpanIdText(raw);
    if (parentSpanId === undefined && !/^[0=A]*$/.test(raw)) {
      tally.add('parent', 'span(s) have an unreadable parent ID and are shown as roots', `${parentField.path} = ${JSON.stringify(raw)}`);
    }
  }
  const nameField = field(record, 'name', path);
  const name = nameField.value === undefined ? '' : str(read, nameField);

  const startField = field(record, 'startTimeUnixNano', path);
  const endField = field(record, 'endTimeUnixNano', path);
  const start = readUnixNanos(read, startField.value, () => startField.path);
  const end = readUnixNanos(read, endField.value, () => endField.path);
  if (start.us === 0 && start.ns === 0) tally.add('noStart', 'span(s) have no start time (shown at 1970-01-01)', `span ${spanId}`);
  const unit = suspectedUnit(start);
  if (unit !== undefined) {
    tally.add(`unit-${unit}`, `span(s) have start times that look like ${unit}, not the nanoseconds OTLP requires (they read as January 1970)`, `${startField.path} = ${JSON.stringify(startField.value)}`);
  }
  let durationUs = microsBetween(start, end);
  if (durationUs < 0) {
    tally.add('negative', 'span(s) end before they start; their duration is shown as 0', `span ${spanId}: ${durationUs} µs`);
    durationUs = 0;
  }

  const attrsField = field(record, 'attributes', path);
  const seed: Record<string, AttrValue> = {};
  for (const key in context.scopeAttrs) seed[key] = context.scopeAttrs[key]!;
  const attributes = attrsField.value === undefined ? seed : readAttributes(read, attrsField.value, attrsField.path, seed);
  flagLargeValues(attributes, spanId, tally);
  const statusField = field(record, 'status', path);
  const status = statusField.value === undefined ? {} : read.asRecord(statusField.value, statusField.path);
  const message = status.message === undefined || status.message === '' ? undefined : read.asString(status.message, `${statusField.path}.message`);

  const span: Span = {
    traceId,
    spanId,
    name,
    service: context.service,
    kind: readKind(read, field(record, 'kind', path), tally),
    startUs: toMicros(start),
    durationUs,
    status: readStatusCode(read, field(status, 'code', statusField.path), tally),
    attributes,
    resource: context.resource,
    events: readEvents(read, field(record, 'events', path), tally, spanId),
    links: readLinks(read, field(record, 'links', path), tally),
  };
  if (parentSpanId !== undefined) span.parentSpanId = parentSpanId;
  if (message !== undefined) span.statusMessage = message;
  return span;
}

function readKind(read: ShapeReaders, kind: Found, tally: WarningTally): SpanKind {
  const { value, path } = kind;
  if (value === undefined || value === null) return 'unspecified';
  if (typeof value === 'number') {
    const known = Number.isInteger(value) ? KIND_BY_NUMBER[value] : undefined;
    if (known !== undefined) return known;
  } else if (typeof value === 'string') {
    const known = KIND_BY_NUMBER.find((k) => `SPAN_KIND_${k.toUpperCase()}` === value);
    if (known !== undefined) return known;
  } else {
    throw read.shapeError(path, 'a span kind (0–5 or SPAN_KIND_…)', value);
  }
  tally.add('kind', 'span(s) have an unknown kind, shown as unspecified', `${path} = ${JSON.stringify(value)}`);
  return 'unspecified';
}

function readStatusCode(read: ShapeReaders, code: Found, tally: WarningTally): Span['status'] {
  const { value, path } = code;
  if (value === undefined || value === null) return 'unset';
  if (typeof value === 'number') {
    const known = Number.isInteger(value) ? STATUS_BY_NUMBER[value] : undefined;
    if (known !== undefined) return known;
  } else if (typeof value === 'string') {
    const known = STATUS_BY_NUMBER.find((s) => `STATUS_CODE_${s.toUpperCase()}` === value);
    if (known !== undefined) return known;
  } else {
    throw read.shapeError(path, 'a status code (0–2 or STATUS_CODE_…)', value);
  }
  tally.add('status', 'span(s) have an unknown status code, shown as unset', `${path} = ${JSON.stringify(value)}`);
  return 'unset';
}

function readEvents(read: ShapeReaders, events: Found, tally: WarningTally, spanId: string): SpanEvent[] {
  if (events.value === undefined || events.value === null) return [];
  return read.asArray(events.value, events.path).map((raw, i) => {
    const path = `${events.path}[${i}]`;
    const event = read.asRecord(raw, path);
    const time = field(event, 'timeUnixNano', path);
    const nameField = field(event, 'name', path);
    const attributes = readAttributes(read, field(event, 'attributes', path).value, `${path}.attributes`);
    flagLargeValues(attributes, spanId, tally);
    return {
      timeUs: toMicros(readUnixNanos(read, time.value, time.path)),
      name: nameField.value === undefined ? '' : read.asString(nameField.value, nameField.path),
      attributes,
    };
  });
}

function readLinks(read: ShapeReaders, links: Found, tally: WarningTally): SpanLink[] {
  if (links.value === undefined || links.value === null) return [];
  const out: SpanLink[] = [];
  const list = read.asArray(links.value, links.path);
  for (let i = 0; i < list.length; i++) {
    const path = `${links.path}[${i}]`;
    const link = read.asRecord(list[i], path);
    const t = field(link, 'traceId', path);
    const s = field(link, 'spanId', path);
    const traceId = t.value === undefined ? undefined : readTraceIdText(read.asString(t.value, t.path));
    const spanId = s.value === undefined ? undefined : readSpanIdText(read.asString(s.value, s.path));
    if (traceId === undefined || spanId === undefined) {
      tally.add('link', 'link(s) without a valid trace and span ID were left out', path);
      continue;
    }
    const attributes = readAttributes(read, field(link, 'attributes', path).value, `${path}.attributes`);
    // Jaeger's OTLP translator writes an OpenTracing reference as a link with its type in this attribute.
    const refType = attributes['opentracing.ref_type'];
    const kind = refType === 'follows_from' || refType === 'child_of' ? refType : undefined;
    out.push(kind === undefined ? { traceId, spanId, attributes } : { traceId, spanId, attributes, kind });
  }
  return out;
}

function flagLargeValues(attributes: Attrs, spanId: string, tally: WarningTally): void {
  for (const key in attributes) {
    const value = attributes[key];
    if (typeof value === 'string' && value.length > LARGE_VALUE_CHARS) {
      tally.add('large', 'attribute value(s) are very large and are kept whole', `span ${spanId} ${JSON.stringify(key.slice(0, 80))}: ${(value.length / 1_000_000).toFixed(1)} M characters`);
    }
  }
}
