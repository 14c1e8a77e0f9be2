import { formatLabels } from '../../../src/model/series';
import type { ComparableSeries } from './normalize';

export const RELATIVE_TOLERANCE = 1e-9;

/** Equal within the relative tolerance; NaN equals NaN; infinities must match exactly. */
export function sameValue(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** A difference worth reading: which series, which instant, what each side said. */
export interface Difference {
  series: string;
  problem: string;
}

const fmtTime = (ms: number) => `${new Date(ms).toISOString()} (${ms / 1000})`;

/**
 * Compares two results as sets of series keyed by label set: same label sets, same timestamps, values
 * within tolerance. Lists at most `maxPerSeries` differing points per series, so a report stays short.
 */
export function compareResults(prometheus: readonly ComparableSeries[], demo: readonly ComparableSeries[], maxPerSeries = 3): Difference[] {
  const differences: Difference[] = [];
  const index = (list: readonly ComparableSeries[], side: string) => {
    const map = new Map<string, ComparableSeries>();
    for (const s of list) {
      const key = formatLabels(s.labels);
      if (map.has(key)) differences.push({ series: key, problem: `${side} returned this label set twice` });
      map.set(key, s);
    }
    return map;
  };
  const prom = index(prometheus, 'prometheus');
  const ours = index(demo, 'demo');
  for (const [key, p] of prom) {
    const d = ours.get(key);
    if (!d) {
      differences.push({ series: key, problem: `only in Prometheus (${p.timesMs.length} points, first ${fmtTime(p.timesMs[0] ?? NaN)})` });
      continue;
    }
    differences.push(...comparePoints(key, p, d, maxPerSeries));
  }
  for (const [key, d] of ours) {
    if (!prom.has(key)) differences.push({ series: key, problem: `only in demo (${d.timesMs.length} points, first ${fmtTime(d.timesMs[0] ?? NaN)})` });
  }
  return differences;
}

function comparePoints(key: string, p: ComparableSeries, d: ComparableSeries, maxPerSeries: number): Difference[] {
  const out: Difference[] = [];
  const demoAt = new Map<number, number>();
  d.timesMs.forEach((t, i) => demoAt.set(t, d.values[i]!));
  const promTimes = new Set(p.timesMs);
  const onlyProm = p.timesMs.filter((t) => !demoAt.has(t));
  const onlyDemo = d.timesMs.filter((t) => !promTimes.has(t));
  if (onlyProm.length > 0) out.push({ series: key, problem: `${onlyProm.length} timestamps only in Prometheus, first ${fmtTime(onlyProm[0]!)}` });
  if (onlyDemo.length > 0) out.push({ series: key, problem: `${onlyDemo.length} timestamps only in demo, first ${fmtTime(onlyDemo[0]!)}` });
  let reported = 0;
  let differing = 0;
  p.timesMs.forEach((t, i) => {
    const ours = demoAt.get(t);
    if (ours === undefined) return;
    const theirs = p.values[i]!;
    if (sameValue(theirs, ours)) return;
    differing++;
    if (reported < maxPerSeries) {
      reported++;
      out.push({ series: key, problem: `at ${fmtTime(t)}: prometheus ${theirs} vs demo ${ours}` });
    }
  });
  if (differing > reported) out.push({ series: key, problem: `…and ${differing - reported} more differing points` });
  return out;
}
