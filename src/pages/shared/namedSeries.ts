import { formatLabels, type Series } from '../../model/series';
import type { NamedSeries } from '../../panels/shared/types';

/**
 * Names series for a legend: the value of `legendLabel` when the series has it, else the label set;
 * a `prefix` (e.g. "p99") leads when several queries share one chart. A series with no labels at all
 * (a `sum()` without `by`) is called `fallback`.
 */
export function nameSeries(series: readonly Series[], legendLabel?: string, prefix?: string, color?: string, fallback = 'value'): NamedSeries[] {
  return series.map((s) => {
    const own = legendLabel !== undefined ? s.labels[legendLabel] : undefined;
    const rest = own ?? (Object.keys(s.labels).length > 0 ? formatLabels(s.labels) : '');
    const name = prefix ? (series.length > 1 && rest ? `${prefix} ${rest}` : prefix) : rest || fallback;
    return color === undefined ? { name, labels: s.labels, times: s.times, values: s.values } : { name, labels: s.labels, times: s.times, values: s.values, color };
  });
}
