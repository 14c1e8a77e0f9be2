import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import { isErrorExemplar } from '../../model/exemplarError';
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
import { buildChartFrame, asRug, sameExemplarPoints, sameNumbers, sameScale, thinExemplars, valueScale, type ExemplarPoint } from './chartData';
import type { ChartMenuItem } from './ChartMenu';
import type { ChartDrilldown, ChartSelection } from './drilldown';
import type { ExemplarMarkerHandlers, MarkerFocus } from './ExemplarMarkers';
import { ExemplarTooltip } from './ExemplarTooltip';
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
  /** Where exemplars and clicked windows lead, from the page; without it markers are drawn but lead nowhere. */
  drilldown?: ChartDrilldown;
  /** "Zoom to this window" (or, with no drill-down, a drag zooms at once); omit to disable. */
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
  drilldown,
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
  const exemplarUnit = drilldown?.exemplarUnit ?? unit;
  const ownAxis = exemplarUnit === unit;
  const errorSeries = drilldown?.errorSeries === true;
  const showAll = drilldown?.showAllExemplars === true;
  const exemplarPoints = useStableValue(
    useMemo(() => {
      const thinned = thinExemplars(exemplars, range.from, range.to, Math.floor(area.width / 6), {
        isError: (e) => isErrorExemplar(e, { errorSeries }),
        all: showAll,
      });
      return ownAxis ? thinned : asRug(thinned);
    }, [exemplars, range, area.width, errorSeries, showAll, ownAxis]),
    sameExemplarPoints,
  );
  const scale = useStableValue(
    useMemo(
      () => valueScale(lines, exemplarPoints.flatMap((p) => (p.rug ? [] : [p.v])), Math.max(2, Math.floor(area.height / 40))),
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

  const tooltipId = `exemplar-tooltip-${useId()}`;
  const [focused, setFocused] = useState<MarkerFocus | null>(null);
  const exemplarTarget = drilldown?.exemplarTarget;
  const open = drilldown?.open;
  // Stable while the page's drill-down is, so the memoized chart and markers skip hover and focus changes.
  const hasDrilldown = drilldown !== undefined;
  const markerHandlers = useMemo<ExemplarMarkerHandlers | undefined>(
    () =>
      hasDrilldown
        ? {
            tooltipId,
            target: exemplarTarget ? (p: ExemplarPoint) => exemplarTarget(p.exemplar) : undefined,
            onFocus: setFocused,
            onActivate: (p, how) => {
              const target = exemplarTarget?.(p.exemplar);
              // A malformed or unlinkable trace ID leads nowhere; its tooltip says why.
              if (target?.link.available && open) open(target.link.href, how);
            },
          }
        : undefined,
    [hasDrilldown, tooltipId, exemplarTarget, open],
  );
  const windowLinks = drilldown?.windowLinks;
  const windowMenu = useMemo(() => {
    if (!windowLinks || !open) return undefined;
    return (selection: ChartSelection): ChartMenuItem[] => {
      const items: ChartMenuItem[] = [];
      if (selection.kind === 'range' && onZoom && (selection.window.from !== range.from || selection.window.to !== range.to)) {
        items.push({ key: 'zoom', label: 'Zoom to this window', run: () => onZoom({ from: selection.window.from, to: selection.window.to }) });
      }
      for (const link of windowLinks(selection)) {
        items.push(
          link.available
            ? { key: `${link.kind}:${link.href}`, label: link.label, run: (how) => open(link.href, how) }
            : { key: `${link.kind}:${link.label}`, label: link.label, reason: link.reason },
        );
      }
      return items;
    };
  }, [windowLinks, open, onZoom, range]);
  // A marker that has moved off the chart (a refresh) takes its tooltip with it.
  const shownFocus = focused && exemplarPoints.includes(focused.point) ? focused : null;
  const popover = shownFocus ? (
    <ExemplarTooltip id={tooltipId} focus={shownFocus} unit={exemplarUnit} target={exemplarTarget?.(shownFocus.point.exemplar)} plotWidth={area.left + area.width} />
  ) : null;

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
            <ChartOverlay area={area} range={range} lines={lines} unit={unit} onZoom={onZoom} windowMenu={windowMenu} popover={popover}>
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
                exemplarUnit={exemplarUnit}
                markerHandlers={markerHandlers}
              />
            </ChartOverlay>
            <LegendTable series={drawnSeries} keys={keys} colors={colors} unit={unit} isolated={shownIsolated} onToggle={onToggle} />
          </>
        ) : null}
      </div>
    </PanelFrame>
  );
}
