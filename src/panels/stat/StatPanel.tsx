import { useMemo } from 'react';
import { statusColor } from '../../lib/colors';
import { formatValue } from '../../lib/units';
import type { TimeRange } from '../../model/time';
import { statusOf, type Thresholds } from '../../model/thresholds';
import type { Unit } from '../../model/units';
import { PanelFrame } from '../shared/PanelFrame';
import { SparklinePath } from '../shared/SparklinePath';
import { panelStateOf, type NamedSeries, type PanelQueryState } from '../shared/types';
import { useElementWidth } from '../shared/useElementWidth';
import { useRangeOfData } from '../shared/useRangeOfData';
import { currentValue } from './reduce';

interface StatPanelProps {
  title: string;
  unit: Unit;
  series: readonly NamedSeries[];
  query: PanelQueryState;
  range: TimeRange;
  thresholds?: Thresholds;
}

/** The current value, big, in its threshold colour, with a sparkline of the range underneath. */
export function StatPanel({ title, unit, series, query, range: requestedRange, thresholds }: StatPanelProps) {
  const range = useRangeOfData(series, requestedRange);
  const [bodyRef, width] = useElementWidth<HTMLDivElement>();
  const value = currentValue(series, unit);
  const state = panelStateOf(query, value !== undefined);
  const color = statusColor(statusOf(value, thresholds));
  const first = series[0];
  // The same array while the range is: a new one would redraw the sparkline on every refresh toggle.
  const timeDomain = useMemo(() => [range.from, range.to] as const, [range]);
  return (
    <PanelFrame title={title} state={state} error={query.error} warnings={query.warnings} fetching={query.fetching} className="panel-stat">
      <div className="stat" ref={bodyRef}>
        {value !== undefined ? (
          <>
            <div className="stat-value" style={{ color }} data-testid="stat-value">
              {formatValue(value, unit)}
            </div>
            {first && width > 0 ? (
              <SparklinePath
                times={first.times}
                values={first.values}
                width={width}
                height={36}
                color={color}
                timeDomain={timeDomain}
              />
            ) : null}
          </>
        ) : null}
      </div>
    </PanelFrame>
  );
}
