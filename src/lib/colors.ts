import type { Status } from '../model/thresholds';

/** Series colours, bright enough to read on a dark wall screen from across the room, distinct in order. */
export const SERIES_PALETTE: readonly string[] = [
  '#73bf69', '#f2cc0c', '#8ab8ff', '#ff9830', '#f2495c', '#5794f2', '#b877d9', '#fade2a',
  '#37872d', '#96d98d', '#ffb357', '#ca95e5', '#c4162a', '#1f60c4', '#ff7383', '#6ed0e0',
];

export function seriesColor(index: number): string {
  return SERIES_PALETTE[((index % SERIES_PALETTE.length) + SERIES_PALETTE.length) % SERIES_PALETTE.length]!;
}

/** Latency percentiles get fixed colours so p99 is always the same red-ish line on every dashboard. */
export const PERCENTILE_COLORS: Readonly<Record<string, string>> = { p50: '#73bf69', p95: '#f2cc0c', p99: '#f2495c' };

export const STATUS_COLORS: Readonly<Record<Status, string>> = {
  ok: '#73bf69',
  warn: '#ff9830',
  crit: '#f2495c',
  unknown: '#8e8e8e',
};

export function statusColor(status: Status): string {
  return STATUS_COLORS[status];
}

// Heatmap ramp, dark (few) to hot (many): stays visible on a near-black background at the low end.
const HEAT_STOPS: ReadonlyArray<readonly [number, number, number]> = [
  [23, 38, 74],
  [31, 96, 196],
  [55, 135, 45],
  [242, 204, 12],
  [255, 152, 48],
  [242, 73, 92],
];

/** Colour for a fraction in [0, 1] of the heatmap's largest cell. */
export function heatColor(fraction: number): string {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const pos = f * (HEAT_STOPS.length - 1);
  const i = Math.min(HEAT_STOPS.length - 2, Math.floor(pos));
  const t = pos - i;
  const a = HEAT_STOPS[i]!;
  const b = HEAT_STOPS[i + 1]!;
  const mix = (k: 0 | 1 | 2) => Math.round(a[k] + (b[k] - a[k]) * t);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

/** HTTP status classes keep their meaning on every chart: 2xx green, 3xx blue, 4xx orange, 5xx red. */
export function statusCodeColor(code: string): string | undefined {
  switch (code.trim().charAt(0)) {
    case '2':
      return STATUS_COLORS.ok;
    case '3':
      return '#5794f2';
    case '4':
      return STATUS_COLORS.warn;
    case '5':
      return STATUS_COLORS.crit;
    default:
      return undefined;
  }
}
