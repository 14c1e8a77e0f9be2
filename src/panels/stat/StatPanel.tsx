import { useMemo } from 'react';
import { statusColor } from '../../lib/colors';
import { formatValue } from '../../lib/units';
import { REDUCERS, type ReducerName } from '../../model/reducers';
import type { TimeRange } from '../../model/time';
import { statusOf, type Thresholds } from '../../model/thresholds';
import type { Unit } from '../../model/units';
import { PanelFrame } from '../shared/PanelFrame';
import { SparklinePath } from '../shared/SparklinePath';
import { panelStateOf, type NamedSeries, type PanelQueryState } from '../shared/types';
import { useElementWidth } from '../shared/useElementWidth';
import { useRangeOfData } from '../shared/useRangeOfData';
import { reduceForStat } from './reduce';

interface StatPanelProps {
  title: string;
  unit: Unit;
  series: readonly NamedSeries[];
  query: PanelQueryState;
  range: TimeRange;
  /** How the series become one line and one number; shown as a caption. */
  reducer: ReducerName;
  thresholds?: Thresholds;
}

/**
 * The current value, big, in its threshold colour, with a sparkline of the range underneath. Both show
 * the same reduction of the series, named in the caption: the number is the sparkline's newest point.
 */
export function StatPanel({ title, unit, series, query, range: requestedRange, reducer, thresholds }: StatPanelProps) {
  const range = useRangeOfData(series, requestedRange);
  const [bodyRef, width] = useElementWidth<HTMLDivElement>();
  const { line, value } = useMemo(() => reduceForStat(series, reducer), [series, reducer]);
  const state = panelStateOf(query, value !== undefined);
  const color = statusColor(statusOf(value, thresholds));
  // The same array while the range is: a new one would redraw the sparkline on every refresh toggle.
  const timeDomain = useMemo(() => [range.from, range.to] as const, [range]);
  const about = REDUCERS[reducer];
  const caption = series.length > 1 ? `${about.label} of ${series.length} series` : about.label;
  return (
    <PanelFrame title={title} state={state} error={query.error} warnings={query.warnings} fetching={query.fetching} className="panel-stat">
      <div className="stat" ref={bodyRef}>
        {value !== undefined ? (
          <>
            <div className="stat-value" style={{ color }} data-testid="stat-value">
              {formatValue(value, unit)}
            </div>
            <div className="stat-reducer" data-testid="stat-reducer" title={`Sparkline: ${about.description}; the number is its newest point`}>
              {caption}
            </div>
            {line && width > 0 ? (
              <SparklinePath times={line.times} values={line.values} width={width} height={36} color={color} timeDomain={timeDomain} />
            ) : null}
          </>
        ) : null}
      </div>
    </PanelFrame>
  );
}
