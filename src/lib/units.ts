import type { Unit } from '../model/units';

/** NaN and the infinities are shown as text, the way Prometheus spells them, so nobody mistakes them for zero. */
function special(value: number): string | undefined {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return undefined;
}

/** About three significant digits, without trailing zeros: 0.0123, 1.23, 12.3, 123. */
function trimmed(value: number, decimals?: number): string {
  const abs = Math.abs(value);
  const places = decimals ?? (abs === 0 ? 0 : abs < 1 ? 3 : abs < 10 ? 2 : abs < 100 ? 1 : 0);
  const text = value.toFixed(places);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** Steps a value down a ladder of scales, e.g. 1536 bytes → 1.5 KiB. */
function scaled(value: number, base: number, suffixes: readonly string[], decimals?: number): string {
  let v = value;
  let i = 0;
  while (Math.abs(v) >= base && i < suffixes.length - 1) {
    v /= base;
    i++;
  }
  return `${trimmed(v, decimals)}${suffixes[i]}`;
}

function seconds(value: number, decimals?: number): string {
  const abs = Math.abs(value);
  if (abs === 0) return '0 s';
  if (abs < 1e-3) return `${trimmed(value * 1e6, decimals)} µs`;
  if (abs < 1) return `${trimmed(value * 1e3, decimals)} ms`;
  if (abs < 60) return `${trimmed(value, decimals)} s`;
  if (abs < 3600) return `${trimmed(value / 60, decimals)} min`;
  return `${trimmed(value / 3600, decimals)} h`;
}

const SHORT = ['', ' K', ' M', ' G', ' T'] as const;
const BYTES = [' B', ' KiB', ' MiB', ' GiB', ' TiB', ' PiB'] as const;

/** Formats a value for an axis, a legend or a stat, in the unit the signal is measured in. */
export function formatValue(value: number, unit: Unit, decimals?: number): string {
  const text = special(value);
  if (text !== undefined) return text;
  switch (unit) {
    case 's':
      return seconds(value, decimals);
    case 'ms':
      return seconds(value / 1000, decimals);
    case 'reqps':
      return `${scaled(value, 1000, SHORT, decimals)} req/s`;
    case 'percentunit':
      return `${trimmed(value * 100, decimals)}%`;
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
