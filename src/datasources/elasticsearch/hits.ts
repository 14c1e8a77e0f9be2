import type { LogLine } from '../../model/logs';
import { detectLevel, levelFromValue } from '../../model/logsLevel';
import { createStreamInterner, type StreamInterner } from '../../model/logsStream';
import { msToNs, nsToMs } from '../../model/logsTime';
import { extractTraceId, strictTraceId } from '../../model/logsTraceId';
import { normalizeSpanId } from '../../model/traceId';
import type { Labels } from '../../model/series';
import type { EsClient } from './client';

// `2024-05-01T10:00:00.123456789Z`, `…+02:00`, `…+0200`, no fraction, no zone (UTC, as Elasticsearch assumes).
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A document's time as ns: an ISO string to the nanosecond (`date_nanos` fields, or `fields` asked in the
 * `strict_date_optional_time_nanos` format), or epoch ms as a number (a `date` stored as `epoch_millis`).
 * Undefined when it is neither.
 */
export function timeToNs(raw: unknown): string | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? msToNs(raw) : undefined;
  if (typeof raw !== 'string') return undefined;
  if (/^\d+$/.test(raw)) return msToNs(Number(raw));
  const m = ISO.exec(raw.trim());
  if (!m) return undefined;
  const [, date, clock = '00:00:00', fraction = '', zone = 'Z'] = m;
  const seconds = Date.parse(`${date}T${clock.length === 5 ? `${clock}:00` : clock}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`);
  if (!Number.isFinite(seconds) || seconds < 0) return undefined;
  return (BigInt(seconds) * 1_000_000n + BigInt(fraction.padEnd(9, '0')) ).toString();
}

/** A `_source` value at a dotted path, nested (`{log: {level}}`, ECS) or literal (`"log.level"`), as indexers write both. */
export function valueAt(source: Record<string, unknown>, path: string): unknown {
  if (path in source) return source[path];
  let node: unknown = source;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    const record = node as Record<string, unknown>;
    // A literal dotted key for the rest of the path (`{"log": {"origin.file": …}}`).
    const rest = parts.slice(i).join('.');
    if (i > 0 && rest in record) return record[rest];
    node = record[parts[i]!];
  }
  return node;
}

/** `_source` flattened to dotted names with text values, leaving out the message itself. */
export function flattenSource(source: Record<string, unknown>, omit: string): Labels {
  const out: Record<string, string> = {};
  const stack: Array<[string, Record<string, unknown>]> = [['', source]];
  while (stack.length > 0) {
    const [prefix, object] = stack.pop()!;
    for (const key of Object.keys(object)) {
      const name = prefix === '' ? key : `${prefix}.${key}`;
      const value = object[key];
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) stack.push([name, value as Record<string, unknown>]);
      else if (name !== omit) out[name] = typeof value === 'string' ? value : JSON.stringify(value) ?? 'null';
    }
  }
  return out;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length > 0) return asText(value[0]);
  return undefined;
}

export interface HitReader {
  read(hit: unknown, path: string): LogLine;
  readonly streams: StreamInterner;
}

/**
 * Hits as lines: the message field is the line (the whole `_source` as JSON when a document has none), the
 * stream is the configured stream fields present, the level the level field (else detected from the
 * message), the trace and span IDs the configured fields (ECS `trace.id`, `span.id`), else found in the line.
 * The key holds `_index/_id`, unique and the same on every page.
 */
export function createHitReader(client: EsClient): HitReader {
  const { read, options } = client;
  const streams = createStreamInterner();
  return {
    streams,
    read(raw, path) {
      const hit = read.asRecord(raw, path);
      const id = read.asString(hit._id, `${path}._id`);
      const index = read.asString(hit._index, `${path}._index`);
      const source = hit._source === undefined ? {} : read.asRecord(hit._source, `${path}._source`);
      const fields = hit.fields === undefined ? {} : read.asRecord(hit.fields, `${path}.fields`);
      const rawTime = asText(fields[options.timeField]) ?? valueAt(source, options.timeField);
      const timeNs = timeToNs(rawTime);
      if (timeNs === undefined) throw read.shapeError(`${path}._source.${options.timeField}`, 'a date (ISO 8601 or epoch ms)', rawTime);
      const message = asText(valueAt(source, options.messageField));
      const line = message ?? JSON.stringify(source);
      const metadata = flattenSource(source, options.messageField);
      const labels: Record<string, string> = {};
      for (const field of options.streamFields) {
        const value = asText(valueAt(source, field));
        if (value !== undefined) labels[field] = value;
      }
      const entry = streams.intern(labels);
      const levelRaw = asText(valueAt(source, options.levelField));
      const level = levelRaw !== undefined && levelFromValue(levelRaw) !== 'unknown' ? levelFromValue(levelRaw) : detectLevel(line, undefined, metadata);
      const result: LogLine = { key: `${entry.hash}:${timeNs}:${index}/${id}`, timeNs, timeMs: nsToMs(timeNs), stream: entry.stream, line, level, metadata };
      const traceRaw = asText(valueAt(source, options.fields.traceId));
      const traceId = traceRaw === undefined ? undefined : strictTraceId(traceRaw);
      const found = traceId ? { traceId } : extractTraceId(line, metadata, options.compiledDerivedFields);
      if (found.traceId) result.traceId = found.traceId;
      const spanRaw = asText(valueAt(source, options.fields.spanId));
      const spanId = spanRaw === undefined ? found.spanId : normalizeSpanId(spanRaw.length === 16 ? spanRaw : '');
      if (result.traceId && spanId) result.spanId = spanId;
      return result;
    },
  };
}
