import { newestFinite, reduceAcross, type Column, type ReducerName } from '../../model/reducers';
import type { NamedSeries } from '../shared/types';

export interface StatReduction {
  /** The one line the stat stands for: its series folded by the reducer at every time. The sparkline draws it. */
  line?: Column;
  /** The number shown: that line's newest finite value, so number and sparkline always agree. */
  value?: number;
}

/**
 * What a stat shows of its series under the named reducer (set in the panel's spec, never guessed
 * from the unit): total traffic is `sum`, "the worst route" is `max`.
 */
export function reduceForStat(series: readonly NamedSeries[], reducer: ReducerName): StatReduction {
  if (series.length === 0) return {};
  const line = reduceAcross(series, reducer);
  return { line, value: newestFinite(line.values) };
}
