import type { Unit } from '../../model/units';
import { lastFinite } from '../shared/seriesStats';
import type { NamedSeries } from '../shared/types';

/**
 * The one number a stat shows. Rates add up across series (total traffic); every other Golden Signal
 * is "higher is worse", so the worst series speaks for the panel.
 */
export function currentValue(series: readonly NamedSeries[], unit: Unit): number | undefined {
  let result: number | undefined;
  for (const s of series) {
    const v = lastFinite(s.values);
    if (v === undefined) continue;
    if (result === undefined) result = v;
    else result = unit === 'reqps' ? result + v : Math.max(result, v);
  }
  return result;
}
