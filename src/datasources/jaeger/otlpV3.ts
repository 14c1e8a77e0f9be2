import type { AttrValue, SpanEvent, SpanKind, SpanLink, Trace } from '../../model/trace';
import { normalizeSpanId, normalizeTraceId, traceIdFromBase64 } from '../../model/traceId';
import { finishTrace, type DraftSpan } from '../shared/finishTrace';
import { shapeReaders, type ShapeReaders } from '../shared/shape';

/**
 * A minimal OTLP/JSON → Trace converter for Jaeger's api_v3 answers (reference §3.3, §6: hex IDs, integer
 * enums, ns as decimal strings). It stands in until the shared OTLP parser (src/datasources/shared/otlp,
 * written alongside the Tempo adapter) lands; the two should then be merged, keeping this signature.
 * Spans are grouped by trace ID, in the order their traces first appear.
 * `path` names where `json` sits in the response, so a shape error points at the field.
 */
export function parseOtlpTraces(json: unknown, serverName: string, path = 'the response body'): Trace[] {
  const read = shapeReaders(serverName);
  const body = read.asRecord(json, path);
  const at = (suffix: string) => (path === 'the response body' ? suffix : `${path}.${suffix}`);
  const groups = new Map<string, DraftSpan[]>();
  const resourceSpans = body.resourceSpans === undefined ? [] : read.asArray(body.resourceSpans, at('resourceSpans'));
  resourceSpans.forEach((rawRs, r) => {
    const rsPath = at(`resourceSpans[${r}]`);
    const rs = read.asRecord(rawRs, rsPath);
    const resource = rs.resource === undefined ? {} : attributesAt(read.asRecord(rs.resource, `${rsPath}.resource`).attributes, `${rsPath}.resource.attributes`, read);
    const serviceName = resource['service.name'];
    const service = typeof serviceName === 'string' && serviceName !== '' ? serviceName : 'unknown_service';
    const scopeSpans = rs.scopeSpans === undefined ? [] : read.asArray(rs.scopeSpans, `${rsPath}.scopeSpans`);
    scopeSpans.forEach((rawSs, s) => {
      const ssPath = `${rsPath}.scopeSpans[${s}]`;
      const ss = read.asRecord(rawSs, ssPath);
      const scope = ss.scope === undefined ? {} : read.asRecord(ss.scope, `${ssPath}.scope`);
      const scopeAttrs: Record<string, AttrValue> = {};
      if (typeof scope.name === 'string' && scope.name !== '') scopeAttrs['otel.scope.name'] = scope.name;
      if (typeof scope.version === 'string' && scope.version !== '') scopeAttrs['otel.scope.version'] = scope.version;
      const spans = ss.spans === undefined ? [] : read.asArray(ss.spans, `${ssPath}.spans`);
      spans.forEach((rawSpan, i) => {
        const span = parseSpan(rawSpan, `${ssPath}.spans[${i}]`, service, resource, scopeAttrs, read);
        const group = groups.get(span.traceId);
        if (group) group.push(span);
        else groups.set(span.traceId, [span]);
      });
    });
  });
  return [...groups].map(([traceId, spans]) => finishTrace(traceId, spans, []));
}

const KINDS: readonly SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];

function parseSpan(raw: unknown, path: string, service: string, resource: Record<string, AttrValue>, scopeAttrs: Record<string, AttrValue>, read: ShapeReaders): DraftSpan {
  const span = read.asRecord(raw, path);
  const traceId = idAt(span.traceId, `${path}.traceId`, 'trace', read);
  const spanId = idAt(span.spanId, `${path}.spanId`, 'span', read);
  const parent = span.parentSpanId === undefined || span.parentSpanId === '' ? undefined : idOrZero(span.parentSpanId, `${path}.parentSpanId`, read);
  const startNs = nanosAt(span.startTimeUnixNano, `${path}.startTimeUnixNano`, read);
  const endNs = nanosAt(span.endTimeUnixNano, `${path}.endTimeUnixNano`, read);
  const status = span.status === undefined ? {} : read.asRecord(span.status, `${path}.status`);
  const code = enumAt(status.code, `${path}.status.code`, ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'], read);
  const attributes: Record<string, AttrValue> = { ...scopeAttrs, ...attributesAt(span.attributes, `${path}.attributes`, read) };
  if (typeof status.message === 'string' && status.message !== '') attributes['otel.status_description'] = status.message;
  const kindNames = KINDS.map((k) => `SPAN_KIND_${k.toUpperCase()}`);
  const events = (span.events === undefined ? [] : read.asArray(span.events, `${path}.events`)).map((rawEvent, j): SpanEvent => {
    const eventPath = `${path}.events[${j}]`;
    const event = read.asRecord(rawEvent, eventPath);
    const timeNs = nanosAt(event.timeUnixNano, `${eventPath}.timeUnixNano`, read);
    return { timeUs: timeNs === undefined ? 0 : nsToUs(timeNs), name: event.name === undefined ? '' : read.asString(event.name, `${eventPath}.name`), attributes: attributesAt(event.attributes, `${eventPath}.attributes`, read) };
  });
  const links = (span.links === undefined ? [] : read.asArray(span.links, `${path}.links`)).map((rawLink, j): SpanLink => {
    const linkPath = `${path}.links[${j}]`;
    const link = read.asRecord(rawLink, linkPath);
    return { traceId: idAt(link.traceId, `${linkPath}.traceId`, 'trace', read), spanId: idAt(link.spanId, `${linkPath}.spanId`, 'span', read), attributes: attributesAt(link.attributes, `${linkPath}.attributes`, read) };
  });
  return {
    traceId,
    spanId,
    ...(parent === undefined ? {} : { parentSpanId: parent }),
    name: span.name === undefined ? '' : read.asString(span.name, `${path}.name`),
    service,
    kind: KINDS[enumAt(span.kind, `${path}.kind`, kindNames, read)] ?? 'unspecified',
    startUs: startNs === undefined ? undefined : nsToUs(startNs),
    durationUs: startNs === undefined || endNs === undefined ? undefined : nsToUs(endNs - startNs),
    status: code === 2 ? 'error' : code === 1 ? 'ok' : 'unset',
    attributes,
    resource,
    events,
    links,
  };
}

/** Hex (OTLP/JSON) or base64 (proto3 JSON, as Tempo sends): both are seen in the wild. */
function idAt(value: unknown, path: string, what: 'trace' | 'span', read: ShapeReaders): string {
  const text = read.asString(value, path);
  const id = what === 'trace' ? (normalizeTraceId(text) ?? traceIdFromBase64(text)) : (normalizeSpanId(text) ?? spanIdFromBase64(text));
  if (id === undefined) throw read.shapeError(path, `a ${what} ID in hex`, value);
  return id;
}

/** A parent ID of all zeros means "no parent". */
function idOrZero(value: unknown, path: string, read: ShapeReaders): string | undefined {
  const text = read.asString(value, path);
  if (/^0+$/.test(text) || text === 'AAAAAAAAAAA=') return undefined;
  return idAt(value, path, 'span', read);
}

function spanIdFromBase64(b64: string): string | undefined {
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    return undefined;
  }
  if (bin.length !== 8) return undefined;
  let hex = '';
  for (let i = 0; i < bin.length; i++) hex += bin.charCodeAt(i).toString(16).padStart(2, '0');
  return normalizeSpanId(hex);
}

/** A proto enum: the integer OTLP/JSON requires, or its name as proto3 JSON producers write it. */
function enumAt(value: unknown, path: string, names: readonly string[], read: ShapeReaders): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && names.includes(value)) return names.indexOf(value);
  throw read.shapeError(path, `an integer or one of ${names.join(', ')}`, value);
}

/** ns since the epoch, exactly (a 19-digit ns time does not fit a double); absent or 0 is "unknown". */
function nanosAt(value: unknown, path: string, read: ShapeReaders): bigint | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && /^\d+$/.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  throw read.shapeError(path, 'a time in ns as a decimal string', value);
}

function nsToUs(ns: bigint): number {
  return Number(ns / 1000n) + Number(ns % 1000n) / 1000;
}

function attributesAt(value: unknown, path: string, read: ShapeReaders): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  if (value === undefined || value === null) return out;
  read.asArray(value, path).forEach((raw, i) => {
    const kv = read.asRecord(raw, `${path}[${i}]`);
    out[read.asString(kv.key, `${path}[${i}].key`)] = anyValue(kv.value, `${path}[${i}].value`, read);
  });
  return out;
}

/** OTLP AnyValue → an attribute value; a kvlist (which attributes cannot hold) becomes its JSON text. */
function anyValue(value: unknown, path: string, read: ShapeReaders): AttrValue {
  if (value === undefined || value === null) return null;
  const v = read.asRecord(value, path);
  if ('stringValue' in v) return read.asString(v.stringValue, `${path}.stringValue`);
  if ('boolValue' in v) {
    if (typeof v.boolValue !== 'boolean') throw read.shapeError(`${path}.boolValue`, 'a boolean', v.boolValue);
    return v.boolValue;
  }
  if ('intValue' in v) {
    const n = v.intValue;
    if (typeof n === 'number' && Number.isInteger(n)) return n;
    if (typeof n === 'string' && /^-?\d+$/.test(n)) return Number.isSafeInteger(Number(n)) ? Number(n) : n;
    throw read.shapeError(`${path}.intValue`, 'an integer', n);
  }
  if ('doubleValue' in v) {
    const d = v.doubleValue;
    if (typeof d === 'number') return d;
    if (d === 'NaN' || d === 'Infinity' || d === '-Infinity') return Number(d);
    throw read.shapeError(`${path}.doubleValue`, 'a number', d);
  }
  if ('bytesValue' in v) return read.asString(v.bytesValue, `${path}.bytesValue`);
  if ('arrayValue' in v) {
    const arr = read.asRecord(v.arrayValue, `${path}.arrayValue`);
    return (arr.values === undefined ? [] : read.asArray(arr.values, `${path}.arrayValue.values`)).map((item, i) => anyValue(item, `${path}.arrayValue.values[${i}]`, read));
  }
  if ('kvlistValue' in v) {
    const list = read.asRecord(v.kvlistValue, `${path}.kvlistValue`);
    const entries: Record<string, AttrValue> = list.values === undefined ? {} : attributesAt(list.values, `${path}.kvlistValue.values`, read);
    return JSON.stringify(entries);
  }
  return null;
}
