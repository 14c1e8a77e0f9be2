import type { RangeResult } from '../../datasources/types';
import { statusCodeColor } from '../../lib/colors';
import type { PanelOptions, PanelQuerySpec } from '../../model/panelSpec';
import { seriesKey } from '../../model/series';
import type { NamedSeries } from '../../panels/shared/types';
import { nameSeries } from './namedSeries';

/**
 * The series a panel draws from the answers of its queries, in query order: named for the legend
 * and keyed by query ref plus label set, so a refresh that reorders them keeps each one's identity.
 */
export function panelSeries(
  queries: readonly PanelQuerySpec[],
  datas: ReadonlyArray<RangeResult | undefined>,
  options: PanelOptions | undefined,
): NamedSeries[] {
  const out: NamedSeries[] = [];
  queries.forEach((q, i) => {
    const data = datas[i];
    if (!data) return;
    const named = nameSeries(data.series, q.legendLabel, q.legendPrefix, q.color, options?.unnamedSeries);
    for (const s of named) {
      const key = `${q.ref}\u0000${seriesKey(s.labels)}`;
      // Status codes keep their class colour (5xx red) rather than taking palette colours by position.
      const color = options?.colorBy === 'statusCode' ? (statusCodeColor(s.name) ?? s.color) : s.color;
      out.push(color === undefined ? { ...s, key } : { ...s, key, color });
    }
  });
  return out;
}
