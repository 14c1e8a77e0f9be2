import type { Attrs, AttrValue } from '../../../model/trace';
import type { ShapeReaders } from '../shape';
import { field } from './fields';

/** Nesting past this is a hostile or broken file, not telemetry; it is cut, not recursed into. */
const MAX_DEPTH = 16;

/**
 * One OTLP AnyValue as the model's attribute value. `intValue` is int64, sent as a decimal string (or a
 * number by the JS SDK): it becomes a number when that is exact, else stays the string, so
 * 9223372036854775807 is not shown as …800. A kvlist has no model form; it is kept as its JSON text, as
 * Jaeger's OTLP translator does. `bytesValue` stays base64 text. `{}` (no value) is null.
 */
export function readAnyValue(read: ShapeReaders, raw: unknown, path: string | (() => string)): AttrValue {
  return toAttr(anyToJs(read, raw, path, 0));
}

type Js = string | number | boolean | null | Js[] | { [key: string]: Js };

function toAttr(value: Js): AttrValue {
  if (Array.isArray(value)) return value.map(toAttr);
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return value;
}

function anyToJs(read: ShapeReaders, raw: unknown, path: string | (() => string), depth: number): Js {
  // The common case first, with no path built: a string value.
  if (typeof raw === 'object' && raw !== null && typeof (raw as Record<string, unknown>).stringValue === 'string') return (raw as { stringValue: string }).stringValue;
  if (typeof path !== 'string') return anyToJs(read, raw, path(), depth);
  const value = read.asRecord(raw, path);
  if (depth > MAX_DEPTH) return `(nested deeper than ${MAX_DEPTH} levels; cut)`;
  const str = field(value, 'stringValue', path);
  if (str.value !== undefined) return read.asString(str.value, str.path);
  const bool = field(value, 'boolValue', path);
  if (bool.value !== undefined) {
    if (typeof bool.value !== 'boolean') throw read.shapeError(bool.path, 'a boolean', bool.value);
    return bool.value;
  }
  const int = field(value, 'intValue', path);
  if (int.value !== undefined) return readInt(read, int.value, int.path);
  const dbl = field(value, 'doubleValue', path);
  if (dbl.value !== undefined) return readDouble(read, dbl.value, dbl.path);
  const arr = field(value, 'arrayValue', path);
  if (arr.value !== undefined) {
    const values = field(read.asRecord(arr.value, arr.path), 'values', arr.path);
    if (values.value === undefined) return [];
    return read.asArray(values.value, values.path).map((v, i) => anyToJs(read, v, `${values.path}[${i}]`, depth + 1));
  }
  const kv = field(value, 'kvlistValue', path);
  if (kv.value !== undefined) {
    const values = field(read.asRecord(kv.value, kv.path), 'values', kv.path);
    const out: { [key: string]: Js } = {};
    if (values.value === undefined) return out;
    const list = read.asArray(values.value, values.path);
    for (let i = 0; i < list.length; i++) {
      const entry = read.asRecord(list[i], `${values.path}[${i}]`);
      const key = read.asString(entry.key, `${values.path}[${i}].key`);
      out[key] = entry.value === undefined || entry.value === null ? null : anyToJs(read, entry.value, `${values.path}[${i}].value`, depth + 1);
    }
    return out;
  }
  const bytes = field(value, 'bytesValue', path);
  if (bytes.value !== undefined) return read.asString(bytes.value, bytes.path);
  return null;
}

/**
 * OTLP attributes (`[{key, value}]`) as a record; a repeated key keeps its last value, as the collector does.
 * `into` receives them when given (the scope's attributes go in first). Paths are built only for an error.
 */
export function readAttributes(read: ShapeReaders, raw: unknown, path: string, into: Record<string, AttrValue> = {}): Attrs {
  if (raw === undefined || raw === null) return into;
  const list = read.asArray(raw, path);
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    if (typeof entry !== 'object' || entry === null) read.asRecord(entry, `${path}[${i}]`);
    const { key, value } = entry as Record<string, unknown>;
    if (typeof key !== 'string') read.asString(key, `${path}[${i}].key`);
    into[key as string] = value === undefined || value === null ? null : readAnyValue(read, value, () => `${path}[${i}].value`);
  }
  return into;
}

function readInt(read: ShapeReaders, raw: unknown, path: string): number | string {
  if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
  if (typeof raw === 'string' && /^-?\d{1,20}$/.test(raw)) {
    const n = Number(raw);
    return Number.isSafeInteger(n) ? n : raw;
  }
  throw read.shapeError(path, 'an integer (a decimal string)', raw);
}

/** proto3 JSON sends NaN and the infinities as strings. */
function readDouble(read: ShapeReaders, raw: unknown, path: string): number {
  if (typeof raw === 'number') return raw;
  if (raw === 'NaN') return NaN;
  if (raw === 'Infinity') return Infinity;
  if (raw === '-Infinity') return -Infinity;
  if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  throw read.shapeError(path, 'a number', raw);
}
