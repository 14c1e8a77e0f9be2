import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { exemplarsQueryOptions } from '../../datasources/queries';
import type { DataSource, SignalQuery } from '../../datasources/types';
import { PERCENTILE_COLORS, statusCodeColor } from '../../lib/colors';
import { exploreUrl, traceUrl, type TimeParams } from '../../model/links';
import type { Exemplar } from '../../model/series';
import type { TimeRange } from '../../model/time';
import { thresholdsFor } from '../../model/thresholds';
import type { Unit } from '../../model/units';
import { HeatmapPanel } from '../../panels/heatmap/HeatmapPanel';
import type { NamedSeries } from '../../panels/shared/types';
import { StatPanel } from '../../panels/stat/StatPanel';
import { TimeSeriesPanel } from '../../panels/timeseries/TimeSeriesPanel';
import { useShowExemplars } from '../../state/preferences';
import { nameSeries } from '../shared/namedSeries';
import { errorText, panelQueryState } from '../shared/panelQuery';
import { present, useSignalResult } from '../shared/useSignalResult';
import type { ChartSpec, StatSpec } from './layout';

/** What every signal panel of the dashboard shares. */
export interface SignalPanelContext {
  ds: DataSource;
  range: TimeRange;
  stepMs: number;
  onZoom: (range: TimeRange) => void;
  /** The page's time state, carried into links (Explore). */
  timeParams: TimeParams;
}

/** Opens a panel's query in Explore, where it can be edited; the Grafana habit of "Explore" on a panel. */
export function ExploreLink({ queries, timeParams }: { queries: readonly string[]; timeParams: TimeParams }) {
  if (queries.length === 0) return null;
  return (
    <Link className="panel-action" to={exploreUrl(queries, timeParams)} title="Open this query in Explore">
      Explore
    </Link>
  );
}

const NO_SERIES: readonly NamedSeries[] = [];
const NOT_AVAILABLE = { loading: false, warnings: [], fetching: false } as const;

export function SignalStat({ ctx, spec, query }: { ctx: SignalPanelContext; spec: StatSpec; query?: SignalQuery }) {
  const result = useSignalResult(ctx.ds, query, ctx.range, ctx.stepMs);
  const data = result?.data;
  const series = useMemo(() => (data ? nameSeries(data.series, query?.legendLabel) : NO_SERIES), [data, query?.legendLabel]);
  return (
    <StatPanel
      title={spec.title}
      unit={query?.unit ?? spec.unit}
      series={series}
      query={result ? panelQueryState([result]) : NOT_AVAILABLE}
      range={ctx.range}
      thresholds={thresholdsFor(spec.signal, query?.unit ?? spec.unit)}
    />
  );
}

export function SignalChart({ ctx, spec, query }: { ctx: SignalPanelContext; spec: ChartSpec; query?: SignalQuery }) {
  const result = useSignalResult(ctx.ds, query, ctx.range, ctx.stepMs);
  const data = result?.data;
  const fallback = spec.title.replace(/ over time$/, '');
  const byStatus = spec.signal === 'trafficByStatus';
  const series = useMemo(() => {
    if (!data) return NO_SERIES;
    const named = nameSeries(data.series, query?.legendLabel, undefined, undefined, fallback);
    // Status codes keep their class colour (5xx red) rather than taking palette colours by position.
    return byStatus ? named.map((s) => ({ ...s, color: statusCodeColor(s.name) ?? s.color })) : named;
  }, [data, query?.legendLabel, fallback, byStatus]);
  return (
    <TimeSeriesPanel
      title={spec.title}
      unit={query?.unit ?? spec.unit}
      series={series}
      query={result ? panelQueryState([result]) : NOT_AVAILABLE}
      range={ctx.range}
      onZoom={ctx.onZoom}
      actions={<ExploreLink queries={query ? [query.query] : []} timeParams={ctx.timeParams} />}
    />
  );
}

const PERCENTILES = ['p50', 'p95', 'p99'] as const;

/** The series last seen while `hold` was false (or any, until there are some): a gate for data arriving in parts. */
function useHeldWhile(value: readonly NamedSeries[], hold: boolean): readonly NamedSeries[] {
  const held = useRef(value);
  if (!hold || held.current.length === 0) held.current = value;
  return held.current;
}

/**
 * Exemplars are markers, not a line: asking for them again on every 5 s tick costs the server a scan
 * of every bucket series for the whole range and changes nothing visible. Their window snaps outwards
 * to a grain of a few steps (at least a minute), so ticks within one grain share one request.
 */
export function exemplarWindow(range: TimeRange, stepMs: number): TimeRange {
  const grain = Math.max(60_000, stepMs * 5);
  return { from: Math.floor(range.from / grain) * grain, to: Math.ceil(range.to / grain) * grain };
}
const NO_EXEMPLARS: readonly Exemplar[] = [];

/**
 * p50, p95 and p99 in one chart, with exemplars from the bucket query: the diamonds far above the
 * lines are the slow requests, and clicking one opens its trace.
 */
export function LatencyChart({
  ctx,
  title,
  percentiles,
  exemplarQuery,
}: {
  ctx: SignalPanelContext;
  title: string;
  percentiles: Readonly<Record<(typeof PERCENTILES)[number], SignalQuery | undefined>>;
  exemplarQuery?: SignalQuery;
}) {
  const navigate = useNavigate();
  const showExemplars = useShowExemplars();
  const p50 = useSignalResult(ctx.ds, percentiles.p50, ctx.range, ctx.stepMs);
  const p95 = useSignalResult(ctx.ds, percentiles.p95, ctx.range, ctx.stepMs);
  const p99 = useSignalResult(ctx.ds, percentiles.p99, ctx.range, ctx.stepMs);
  const byPercentile = { p50, p95, p99 };
  const exemplarRange = useMemo(() => exemplarWindow(ctx.range, ctx.stepMs), [ctx.range, ctx.stepMs]);
  const exemplars = useQuery({
    ...exemplarsQueryOptions(ctx.ds, exemplarQuery?.query ?? '', exemplarRange),
    placeholderData: keepPreviousData,
    enabled: showExemplars && exemplarQuery !== undefined,
  });

  const [d50, d95, d99] = [p50?.data, p95?.data, p99?.data];
  const series = useMemo(() => {
    const datas = { p50: d50, p95: d95, p99: d99 };
    const out: NamedSeries[] = [];
    for (const p of PERCENTILES) {
      const data = datas[p];
      if (data) out.push(...nameSeries(data.series, percentiles[p]?.legendLabel, p, PERCENTILE_COLORS[p]));
    }
    return out;
  }, [percentiles, d50, d95, d99]);

  const onExemplarClick = useCallback(
    (e: Exemplar) => {
      if (e.traceId) navigate(traceUrl(e.traceId, { timeMs: e.time }));
    },
    [navigate],
  );
  const exemplarWarning = exemplars.isError ? [`Exemplars: ${errorText(exemplars.error)}`] : [];
  const unit: Unit = percentiles.p99?.unit ?? percentiles.p50?.unit ?? 's';
  const results = present(PERCENTILES.map((p) => byPercentile[p]));
  // Three queries land one by one; redraw once when the last has, not three times per refresh.
  const shownSeries = useHeldWhile(series, results.some((r) => r.isFetching));
  return (
    <TimeSeriesPanel
      title={title}
      unit={unit}
      series={shownSeries}
      query={results.length > 0 ? panelQueryState(results, exemplarWarning) : NOT_AVAILABLE}
      range={ctx.range}
      exemplars={showExemplars ? (exemplars.data ?? NO_EXEMPLARS) : NO_EXEMPLARS}
      onExemplarClick={onExemplarClick}
      onZoom={ctx.onZoom}
      actions={<ExploreLink queries={present(PERCENTILES.map((p) => percentiles[p]?.query))} timeParams={ctx.timeParams} />}
    />
  );
}

export function LatencyHeatmap({ ctx, title, query }: { ctx: SignalPanelContext; title: string; query?: SignalQuery }) {
  const result = useSignalResult(ctx.ds, query, ctx.range, ctx.stepMs);
  const data = result?.data;
  const series = useMemo(() => (data ? nameSeries(data.series, query?.legendLabel ?? 'le') : NO_SERIES), [data, query?.legendLabel]);
  return (
    <HeatmapPanel
      title={title}
      series={series}
      query={result ? panelQueryState([result]) : NOT_AVAILABLE}
      range={ctx.range}
      boundUnit="s"
      leLabel={query?.legendLabel ?? 'le'}
    />
  );
}
