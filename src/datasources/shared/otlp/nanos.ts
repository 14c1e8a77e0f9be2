import type { ShapeReaders } from '../shape';

/**
 * A `fixed64` nanosecond timestamp, split so nothing is lost: `us` is the whole microseconds (exact up to
 * 2^53 µs, the year 2255) and `ns` the nanoseconds past it (0–999). Doubles cannot hold 1.7e18 ns exactly,
 * so the decimal string is cut, never passed through Number whole.
 */
export interface UnixNanos {
  us: number;
  ns: number;
}

const DIGITS = /^\d{1,20}$/;

/**
 * Reads `value` (a decimal string, or a JSON number as proto3 JSON also allows); absent means 0, as proto3
 * omits zeros. `path` may be a function, so a valid value costs no path string.
 */
export function readUnixNanos(read: ShapeReaders, value: unknown, path: string | (() => string)): UnixNanos {
  if (typeof value === 'string' && DIGITS.test(value)) {
    if (value.length <= 3) return { us: 0, ns: Number(value) };
    return { us: Number(value.slice(0, -3)), ns: Number(value.slice(-3)) };
  }
  if (value === undefined || value === null) return { us: 0, ns: 0 };
  const where = typeof path === 'string' ? path : path();
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) throw read.shapeError(where, 'a non-negative integer of nanoseconds', value);
    const us = Math.floor(value / 1000);
    return { us, ns: Math.max(0, Math.min(999, value - us * 1000)) };
  }
  throw read.shapeError(where, 'a non-negative integer of nanoseconds (a decimal string)', value);
}

/** Microseconds as a number: sub-µs digits survive only as far as a double allows at this magnitude. */
export function toMicros(t: UnixNanos): number {
  return t.us + t.ns / 1000;
}

/** end − start in µs, computed from the exact parts, so a 289,043 ns span is 289.043 µs even in 2026. */
export function microsBetween(start: UnixNanos, end: UnixNanos): number {
  return end.us - start.us + (end.ns - start.ns) / 1000;
}

const YEAR_2000_US = 946_684_800_000_000;
const YEAR_2100_US = 4_102_444_800_000_000;

/**
 * A nanosecond field holding microseconds or milliseconds reads as a date in January 1970. Says which unit
 * the value would make a plausible date in, or undefined when it looks like nanoseconds (or is 0: unset).
 */
export function suspectedUnit(t: UnixNanos): 'microseconds' | 'milliseconds' | undefined {
  const readUs = toMicros(t);
  if (readUs === 0 || readUs >= YEAR_2000_US) return undefined;
  // The raw number is readUs × 1000; read as µs that is readUs × 1000 µs, read as ms readUs × 10^6 µs.
  if (readUs * 1000 >= YEAR_2000_US && readUs * 1000 < YEAR_2100_US) return 'microseconds';
  if (readUs * 1_000_000 >= YEAR_2000_US && readUs * 1_000_000 < YEAR_2100_US) return 'milliseconds';
  return undefined;
}
