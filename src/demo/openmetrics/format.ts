import type { Labels } from '../../model/series';

/**
 * A float as OpenMetrics text that parses back to the identical double: JS's shortest round-trip
 * form (Go's ParseFloat reads `1e+21` and `1.5e-7` alike), with the spellings of the specials.
 */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

/** Epoch ms as OpenMetrics seconds: bare when whole, else exactly three decimals (no float noise). */
export function formatTimestamp(ms: number): string {
  const whole = Math.floor(ms / 1000);
  const frac = ms - whole * 1000;
  if (frac === 0) return String(whole);
  return `${whole}.${String(Math.round(frac)).padStart(3, '0')}`;
}

export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

export function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

/** `{a="1",b="2"}` in the given key order, skipping `__name__`; empty string for no labels. */
export function formatLabelSet(labels: Labels): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(labels)) {
    if (name === '__name__') continue;
    parts.push(`${name}="${escapeLabelValue(value)}"`);
  }
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}
