import { seriesKey } from '../../model/series';
import type { NamedSeries } from './types';

/**
 * One identity per series, by what the series is, never by its position: its `key`, else its label set.
 * A repeated identity (two answers of `{}`) gets `#2`, `#3`… in order; such series cannot be told apart
 * anyway, and every other series keeps its identity when the list is reordered.
 */
export function seriesIdentities(series: readonly NamedSeries[]): string[] {
  const seen = new Map<string, number>();
  return series.map((s) => {
    const base = s.key ?? seriesKey(s.labels);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}
