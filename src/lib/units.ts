import type { Unit } from '../model/units';

/** NaN and the infinities are shown as text, the way Prometheus spells them, so nobody mistakes them for zero. */
function special(value: number): string | undefined {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return undefined;
}

/**
 * Below this magnitude fixed decimals would round a real value to "0"; from the upper one on they
 * would print a dozen digits or more. Outside [SMALL, LARGE) a value reads as 1.23e-7 or 4.5e+12.
 */
const SMALL = 1e-3;
const LARGE = 1e9;

/**
 * Caller-given decimals, held to 0 to 15: `toFixed` throws beyond 100, and past 15 digits a double
 * prints its binary noise (0.1 → 0.10000000000000000555).
 */
function digitsOf(decimals: number | undefined): number | undefined {
  if (decimals === undefined || !Number.isFinite(decimals)) return undefined;
  return Math.min(15, Math.max(0, Math.trunc(decimals)));
}

/**
 * `value × 10^shift` in exponent form, three significant digits unless told otherwise: 1.8e+308,
 * 4.94e-324. The shift lets a unit scale a value whose product would overflow (1e308 as a ratio is
 * 1e+310 %, not Infinity %).
 */
function exponential(value: number, decimals?: number, shift = 0): string {
  // 14 decimals are 15 significant digits: as many as a double holds of any decimal it was parsed from.
  const [mantissa = '0', exponent = '0'] = value.toExponential(Math.min(14, digitsOf(decimals) ?? 2)).split('e');
  const digits = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  const e = Number(exponent) + shift;
  return `${digits}e${e < 0 ? '-' : '+'}${Math.abs(e)}`;
}

/** About three significant digits, without trailing zeros: 0.0123, 1.23, 12.3, 123; exponent form at the extremes. */
function trimmed(value: number, decimals?: number): string {
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  if (abs < SMALL || abs >= LARGE) return exponential(value, decimals);
  const places = digitsOf(decimals) ?? (abs < 1 ? 2 - Math.floor(Math.log10(abs)) : abs < 10 ? 2 : abs < 100 ? 1 : 0);
  const fixed = value.toFixed(places);
  const text = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  // Too few decimals asked for (0.4 to none): a value that is not zero never reads as "0" or "-0".
  return Number(text) === 0 ? exponential(value, decimals) : text;
}

/** Steps a value down a ladder of scales, e.g. 1536 bytes → 1.5 KiB; beyond the top step, exponent form in the base unit. */
function scaled(value: number, base: number, suffixes: readonly string[], decimals?: number): string {
  let v = value;
  let i = 0;
  while (Math.abs(v) >= base && i < suffixes.length - 1) {
    v /= base;
    i++;
  }
  if (Math.abs(v) >= base) return `${exponential(value, decimals)}${suffixes[0]}`;
  return `${trimmed(v, decimals)}${suffixes[i]}`;
}

/** Duration steps, each used below its bound (in seconds) with the factor that turns seconds into it. */
const DURATION_STEPS: ReadonlyArray<{ below: number; perSecond: number; suffix: string }> = [
  { below: 1e-6, perSecond: 1e9, suffix: ' ns' },
  { below: 1e-3, perSecond: 1e6, suffix: ' µs' },
  { below: 1, perSecond: 1e3, suffix: ' ms' },
  { below: 60, perSecond: 1, suffix: ' s' },
  { below: 3600, perSecond: 1 / 60, suffix: ' min' },
  { below: Infinity, perSecond: 1 / 3600, suffix: ' h' },
];

/**
 * A duration given in units of `unitSeconds` (1 for s, 1e-3 for ms). The value is converted once, by
 * one product of factors, so 5e-324 ms reads 4.94e-318 ns instead of underflowing to "0 s" on the way.
 */
function duration(value: number, unitSeconds: number, decimals?: number): string {
  if (value === 0) return '0 s';
  const inSeconds = Math.abs(value) * unitSeconds;
  const step = DURATION_STEPS.find((s) => inSeconds < s.below)!;
  return `${trimmed(value * (step.perSecond * unitSeconds), decimals)}${step.suffix}`;
}

/** A ratio as a percentage; a ratio too large to multiply by 100 is shifted two places in exponent form. */
function percentOfRatio(value: number, decimals?: number): string {
  const percent = value * 100;
  return `${Number.isFinite(percent) ? trimmed(percent, decimals) : exponential(value, decimals, 2)}%`;
}

const SHORT = ['', ' K', ' M', ' G', ' T'] as const;
const BYTES = [' B', ' KiB', ' MiB', ' GiB', ' TiB', ' PiB'] as const;

/**
 * Formats a value for an axis, a legend or a stat, in the unit the signal is measured in. Holds for
 * every double: ±5e-324 to ±1.8e308 read as numbers (never "0" for a value that is not zero, never
 * "Infinity"), and NaN, +Inf and -Inf read as Prometheus spells them.
 */
export function formatValue(value: number, unit: Unit, decimals?: number): string {
  const text = special(value);
  if (text !== undefined) return text;
  switch (unit) {
    case 's':
      return duration(value, 1, decimals);
    case 'ms':
      return duration(value, 1e-3, decimals);
    case 'reqps':
      return `${scaled(value, 1000, SHORT, decimals)} req/s`;
    case 'percentunit':
      return percentOfRatio(value, decimals);
    case 'percent':
      return `${trimmed(value, decimals)}%`;
    case 'bytes':
      return scaled(value, 1024, BYTES, decimals);
    case 'cores':
      return `${trimmed(value, decimals)} cores`;
    case 'short':
      return scaled(value, 1000, SHORT, decimals);
  }
}
