import { parseGoFloat, parsePromDuration } from '../promql/literals';

import { formValue, type FormValues } from '../requestInput';

export { formValue, readForm, type FormValues } from '../requestInput';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

function parseRfc3339(s: string): number | null {
  const m = RFC3339.exec(s);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  // Date.UTC rolls 31 Feb over into March; Go rejects it.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  const fractionMs = Math.trunc(Number(`0.${m[7] ?? '0'}`) * 1000);
  const zone = m[8] as string;
  const offsetMin = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return utc + fractionMs - offsetMin * 60_000;
}

/** Go's math.Round: half away from zero. */
function goRound(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/**
 * Prometheus's parseTime: unix seconds with decimals (rounded to ms, as Go does it) or RFC3339;
 * the result is epoch ms as timestamp.FromTime computes it.
 */
export function parseTime(s: string): Parsed<number> {
  const f = parseGoFloat(s);
  if (f !== null && Number.isFinite(f)) {
    const seconds = Math.trunc(f);
    const fraction = goRound((f - seconds) * 1000) / 1000;
    const nanos = Math.trunc(fraction * 1e9);
    return { ok: true, value: seconds * 1000 + Math.trunc(nanos / 1e6) };
  }
  const rfc = parseRfc3339(s);
  if (rfc !== null) return { ok: true, value: rfc };
  return { ok: false, error: `cannot parse ${JSON.stringify(s)} to a valid timestamp` };
}

/** A time parameter with a default when it is absent (Prometheus's parseTimeParam). */
export function parseTimeParam(form: FormValues, name: string, fallback: number): Parsed<number> {
  const s = formValue(form, name);
  return s === '' ? { ok: true, value: fallback } : parseTime(s);
}

const MAX_INT64 = 9.223372036854776e18;

/** Prometheus's parseDuration: float seconds or a duration like `1m30s`; the result is in ns. */
export function parseDurationNs(s: string): Parsed<number> {
  const f = parseGoFloat(s);
  if (f !== null) {
    const ns = f * 1e9;
    if (ns >= MAX_INT64 || ns < -MAX_INT64) return { ok: false, error: `cannot parse ${JSON.stringify(s)} to a valid duration. It overflows int64` };
    return { ok: true, value: Number.isNaN(ns) ? 0 : Math.trunc(ns) };
  }
  const ms = parsePromDuration(s);
  if (ms !== null) return { ok: true, value: ms * 1e6 };
  return { ok: false, error: `cannot parse ${JSON.stringify(s)} to a valid duration` };
}

/** The `limit` parameter: absent → 0 (no limit), else a non-negative integer. */
export function parseLimit(s: string): Parsed<number> {
  if (s === '') return { ok: true, value: 0 };
  if (!/^[+-]?\d+$/.test(s)) return { ok: false, error: `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax` };
  const n = Number(s);
  if (n < 0) return { ok: false, error: 'limit must be non-negative' };
  return { ok: true, value: n };
}
