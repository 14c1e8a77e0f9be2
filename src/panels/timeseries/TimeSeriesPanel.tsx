import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Exemplar } from '../../model/series';
import type { TimeRange } from '../../model/time';
import type { Unit } from '../../model/units';
import { PanelFrame } from '../shared/PanelFrame';
import { timeTicks } from '../shared/timeAxis';
import { panelStateOf, type NamedSeries, type PanelQueryState } from '../shared/types';
import { useElementWidth } from '../shared/useElementWidth';
import { useRangeOfData } from '../shared/useRangeOfData';
import { useStableValue } from '../shared/useStableValue';
import { ChartOverlay } from './ChartOverlay';
import { buildChartFrame, sameExemplarPoints, sameNumbers, sameScale, thinExemplars, valueScale } from './chartData';
import { plotArea } from './geometry';
import { LegendTable } from './LegendTable';
import { LineChartView } from './LineChartView';

interface TimeSeriesPanelProps {
  title: string;
  unit: Unit;
  series: readonly NamedSeries[];
  query: PanelQueryState;
  range: TimeRange;
  exemplars?: readonly Exemplar[];
  onExemplarClick?: (exemplar: Exemplar) => void;
  /** Drag across the chart to pick a range; omit to disable. */
  onZoom?: (range: TimeRange) => void;
  height?: number;
  /** Extra controls for the title bar (e.g. a link to explore the query). */
  actions?: ReactNode;
}

/** Beyond this many lines a chart is unreadable and slow; the rest is left out with a warning. */
export const MAX_DRAWN_SERIES = 30;
const EMPTY_EXEMPLARS: readonly Exemplar[] = [];

export function TimeSeriesPanel({
  title,
  unit,
  series,
  query,
  range: requestedRange,
  exemplars = EMPTY_EXEMPLARS,
  onExemplarClick,
  onZoom,
  height = 220,
  actions,
}: TimeSeriesPanelProps) {
  const range = useRangeOfData(series, requestedRange);
  const [bodyRef, width] = useElementWidth<HTMLDivElement>();
  // The isolated series by identity: a refresh that reorders the series keeps the same one isolated.
  const [isolated, setIsolated] = useState<string | null>(null);
  const area = plotArea(width, height);

  const drawnSeries = useMemo(() => series.slice(0, MAX_DRAWN_SERIES), [series]);
  // About one point per pixel of plot width for the whole chart (LTTB), in one data array.
  const frame = useMemo(() => buildChartFrame(drawnSeries, area.width), [drawnSeries, area.width]);
  const allLines = frame.lines;
  const lines = useMemo(() => {
    const only = isolated === null ? undefined : allLines.find((l) => l.key === isolated);
    // A series that has left the answer isolates nothing; it is isolated again if it comes back.
    return only ? [only] : allLines;
  }, [allLines, isolated]);
  // New data or newly fetched exemplars mostly leave the markers, the y axis and the time ticks as they
  // were; keeping those the same objects spares Recharts re-registering them and redrawing the axes.
  const exemplarPoints = useStableValue(
    useMemo(() => thinExemplars(exemplars, range.from, range.to, Math.floor(area.width / 6)), [exemplars, range, area.width]),
    sameExemplarPoints,
  );
  const scale = useStableValue(
    useMemo(
      () => valueScale(lines, exemplarPoints.map((p) => p.v), Math.max(2, Math.floor(area.height / 40))),
      [lines, exemplarPoints, area.height],
    ),
    sameScale,
  );
  const ticks = useStableValue(
    useMemo(() => timeTicks(range.from, range.to, Math.max(2, Math.floor(area.width / 90))), [range, area.width]),
    sameNumbers,
  );
  const colors = useMemo(() => allLines.map((l) => l.color), [allLines]);
  const keys = useMemo(() => allLines.map((l) => l.key), [allLines]);
  const shownIsolated = lines.length === 1 && lines !== allLines ? isolated : null;
  const onToggle = useCallback((key: string) => setIsolated((cur) => (cur === key ? null : key)), []);

  const hasData = series.some((s) => s.values.some((v) => Number.isFinite(v)));
  const state = panelStateOf(query, hasData, width > 0);
  const warnings = useMemo(
    () =>
      series.length > MAX_DRAWN_SERIES
        ? [...query.warnings, `Showing ${MAX_DRAWN_SERIES} of ${series.length} series`]
        : query.warnings,
    [series.length, query.warnings],
  );

  return (
    <PanelFrame title={title} state={state} error={query.error} warnings={warnings} fetching={query.fetching} actions={actions}>
      <div className="timeseries" ref={bodyRef}>
        {hasData && width > 0 ? (
          <>
            <ChartOverlay area={area} range={range} lines={lines} unit={unit} onZoom={onZoom}>
              <LineChartView
                width={width}
                height={height}
                rows={frame.rows}
                lines={lines}
                range={range}
                timeTicks={ticks}
                scale={scale}
                unit={unit}
                exemplars={exemplarPoints}
                onExemplarClick={onExemplarClick}
              />
            </ChartOverlay>
            <LegendTable series={drawnSeries} keys={keys} colors={colors} unit={unit} isolated={shownIsolated} onToggle={onToggle} />
          </>
        ) : null}
      </div>
    </PanelFrame>
  );
}
