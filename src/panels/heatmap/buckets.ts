import { saturatingAdd } from '../../lib/drawable';
import type { Labels } from '../../model/series';

/** The columns a heatmap needs from one `le` bucket series. */
export interface BucketSeries {
  labels: Labels;
  times: Float64Array;
  values: Float64Array;
}

/**
 * Time × bucket cells. Prometheus histogram buckets are cumulative (`le="0.5"` counts everything up to
 * 0.5 s), so each cell holds the difference between a bucket and the one below it: the rate of
 * requests whose latency fell in (lower, upper].
 */
export interface HeatmapGrid {
  times: Float64Array;
  /** Ascending upper bounds, `Infinity` for `+Inf`. Row `r` spans (upperBounds[r-1] or 0, upperBounds[r]]. */
  upperBounds: number[];
  /** Row-major by column: `counts[column * rows + row]`; NaN where a column has no sample. */
  counts: Float64Array;
  /** The largest cell, for the colour scale (0 when empty); cells are finite and never negative. */
  max: number;
}

/** How hot a cell is drawn, 0 to 1 of the grid's largest: square root, so the few slow requests still show. */
export function heatFraction(count: number, max: number): number {
  if (!(count > 0) || !(max > 0)) return 0;
  // Roots first: 5e-324 / MAX_VALUE underflows to 0, their roots' quotient does not.
  return count >= max ? 1 : Math.sqrt(count) / Math.sqrt(max);
}

function parseLe(text: string | undefined): number {
  if (text === undefined) return NaN;
  if (text === '+Inf' || text === 'Inf' || text === 'inf') return Infinity;
  return Number(text);
}

/**
 * Builds the grid from cumulative bucket series (one per `le`; several with the same `le` are added,
 * as an un-aggregated query would return). Series without a usable `le` are ignored. Times are the
 * union of all series' times, so a bucket missing a sample leaves a hole instead of shifting columns.
 * A negative difference (counter reset or rate noise) is clamped to 0.
 */
export function bucketGrid(series: readonly BucketSeries[], leLabel = 'le'): HeatmapGrid {
  const byBound = new Map<number, BucketSeries[]>();
  for (const s of series) {
    const le = parseLe(s.labels[leLabel]);
    if (Number.isNaN(le)) continue;
    const list = byBound.get(le) ?? [];
    list.push(s);
    byBound.set(le, list);
  }
  const upperBounds = [...byBound.keys()].sort((a, b) => a - b);

  const timeSet = new Set<number>();
  for (const list of byBound.values()) for (const s of list) for (const t of s.times) timeSet.add(t);
  const times = Float64Array.from([...timeSet].sort((a, b) => a - b));
  const column = new Map<number, number>();
  times.forEach((t, i) => column.set(t, i));

  const rows = upperBounds.length;
  const cumulative = new Float64Array(times.length * rows).fill(NaN);
  upperBounds.forEach((bound, row) => {
    for (const s of byBound.get(bound)!) {
      for (let i = 0; i < s.times.length; i++) {
        const v = s.values[i]!;
        if (!Number.isFinite(v)) continue;
        const cell = column.get(s.times[i]!)! * rows + row;
        // Held at ±MAX_VALUE: an overflowed Infinity would turn the next bucket's difference into NaN.
        cumulative[cell] = Number.isNaN(cumulative[cell]!) ? v : saturatingAdd(cumulative[cell]!, v);
      }
    }
  });

  const counts = new Float64Array(cumulative.length).fill(NaN);
  let max = 0;
  for (let c = 0; c < times.length; c++) {
    let below = 0;
    for (let r = 0; r < rows; r++) {
      const cum = cumulative[c * rows + r]!;
      if (Number.isNaN(cum)) continue;
      const count = Math.max(0, cum - below);
      counts[c * rows + r] = count;
      if (count > max) max = count;
      below = Math.max(below, cum);
    }
  }
  return { times, upperBounds, counts, max };
}

/**
 * Averages adjacent columns so there are at most `maxColumns` (about one per few pixels). Each merged
 * column takes the time of its first source column.
 */
export function mergeColumns(grid: HeatmapGrid, maxColumns: number): HeatmapGrid {
  const n = grid.times.length;
  const rows = grid.upperBounds.length;
  if (n <= maxColumns || maxColumns < 1) return grid;
  const per = Math.ceil(n / maxColumns);
  const outN = Math.ceil(n / per);
  const times = new Float64Array(outN);
  const counts = new Float64Array(outN * rows).fill(NaN);
  let max = 0;
  for (let oc = 0; oc < outN; oc++) {
    times[oc] = grid.times[oc * per]!;
    for (let r = 0; r < rows; r++) {
      // A running mean: counts are never negative, so `v - avg` cannot overflow, where a sum of 1e308s would.
      let avg = 0;
      let k = 0;
      for (let c = oc * per; c < Math.min(n, (oc + 1) * per); c++) {
        const v = grid.counts[c * rows + r]!;
        if (Number.isNaN(v)) continue;
        k++;
        avg += (v - avg) / k;
      }
      if (k > 0) {
        counts[oc * rows + r] = avg;
        if (avg > max) max = avg;
      }
    }
  }
  return { times, upperBounds: grid.upperBounds, counts, max };
}
