import { parsePromDuration } from '../promql/literals';

/**
 * Request parameters the way Loki's pkg/loghttp reads them (reference §2.1): form values of a POST body
 * first, then the URL query; timestamps as float seconds, ≤10-digit integer seconds, longer integer ns, or
 * RFC 3339 (nano); `since` derives `start` from `end`; the window defaults to the hour before now.
 */
export class ParamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParamError';
  }
}

// Loki reads its parameters as Prometheus does: a POST form body first, then the URL query.
import { formValue, readForm, type FormValues } from '../requestInput';

export type Form = FormValues;
export const value = formValue;
export { readForm };

const NS_PER_MS = 1_000_000n;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

/** Loki's parseTimestamp: epoch ns as a bigint, or `fallback` for an empty value. */
export function parseTimestamp(raw: string, fallback: bigint): bigint {
  if (raw === '') return fallback;
  if (raw.includes('.')) {
    const f = Number(raw);
    if (raw.trim() !== '' && Number.isFinite(f) && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw)) {
      const seconds = Math.trunc(f);
      // Go: math.Modf, then the fraction rounded to ms.
      const fractionMs = Math.round((f - seconds) * 1000);
      return BigInt(seconds) * 1_000_000_000n + BigInt(fractionMs) * NS_PER_MS;
    }
  }
  if (/^[+-]?\d+$/.test(raw)) {
    const n = BigInt(raw);
    if (n > 9223372036854775807n || n < -9223372036854775808n) throw new ParamError(`strconv.ParseInt: parsing ${JSON.stringify(raw)}: value out of range`);
    return raw.replace(/^[+-]/, '').length <= 10 ? n * 1_000_000_000n : n;
  }
  const m = RFC3339.exec(raw);
  if (m !== null) {
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
    const utc = Date.UTC(year, month - 1, day, hour, minute, second);
    const check = new Date(utc);
    if (check.getUTCMonth() === month - 1 && check.getUTCDate() === day && hour < 24 && minute < 60 && second < 60) {
      const zone = m[8] as string;
      const offsetMin = zone === 'Z' || zone === 'z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
      const fractionNs = BigInt((m[7] ?? '').padEnd(9, '0') || '0');
      return BigInt(utc - offsetMin * 60_000) * NS_PER_MS + fractionNs;
    }
  }
  throw new ParamError(`strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`);
}

/** Loki's parseSecondsOrDuration, in ms. */
export function parseSecondsOrDuration(raw: string): number {
  const f = Number(raw);
  if (raw.trim() !== '' && Number.isFinite(f) && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw)) return f * 1000;
  const d = parsePromDuration(raw);
  if (d !== null) return d;
  throw new ParamError(`cannot parse ${JSON.stringify(raw)} to a valid duration`);
}

export interface Bounds {
  startNs: bigint;
  endNs: bigint;
}

/** start/end/since with Loki's defaults: end = now, start = end − since (default 1 h). */
export function parseBounds(form: Form, nowMs: number): Bounds {
  const endNs = parseTimestamp(value(form, 'end'), BigInt(Math.floor(nowMs)) * NS_PER_MS);
  const sinceRaw = value(form, 'since');
  const sinceMs = sinceRaw === '' ? 3_600_000 : parsePromDuration(sinceRaw);
  if (sinceMs === null) throw new ParamError(`could not parse 'since' parameter: not a valid duration string: ${JSON.stringify(sinceRaw)}`);
  const startNs = parseTimestamp(value(form, 'start'), endNs - BigInt(Math.round(sinceMs)) * NS_PER_MS);
  return { startNs, endNs };
}

/** Loki's `limit`: default 100, positive. */
export function parseLimit(form: Form, fallback = 100): number {
  const raw = value(form, 'limit');
  if (raw === '') return fallback;
  if (!/^[+-]?\d+$/.test(raw)) throw new ParamError(`strconv.ParseUint: parsing ${JSON.stringify(raw)}: invalid syntax`);
  const n = Number(raw);
  if (n <= 0) throw new ParamError('limit must be a positive value');
  return n;
}

export function parseDirection(form: Form): 'forward' | 'backward' {
  const raw = value(form, 'direction');
  if (raw === '') return 'backward';
  const upper = raw.toUpperCase();
  if (upper === 'FORWARD') return 'forward';
  if (upper === 'BACKWARD') return 'backward';
  throw new ParamError(`invalid direction '${raw}'`);
}

/** µs bounds of a ns window: `start` inclusive, `end` exclusive (entries have µs timestamps). */
export function usWindow(b: Bounds): { startUs: number; endUs: number } {
  const ceilUs = (ns: bigint): number => Number(ns >= 0n ? (ns + 999n) / 1000n : ns / 1000n);
  return { startUs: ceilUs(b.startNs), endUs: ceilUs(b.endNs) };
}

export function nsToMs(ns: bigint): number {
  return Number(ns / NS_PER_MS);
}
