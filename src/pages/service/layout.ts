import type { ServiceSignals, SignalName, SignalQuery } from '../../datasources/types';
import { PERCENTILE_COLORS } from '../../lib/colors';
import type { DashboardSection, DashboardSpec, PanelLinkSpec, PanelQuerySpec, PanelSpec } from '../../model/panelSpec';
import type { ReducerName } from '../../model/reducers';
import { thresholdsFor } from '../../model/thresholds';
import type { Unit } from '../../model/units';

/**
 * The service dashboard as data: a spec built from the signals detected for one service. Titles are
 * part of the DOM contract (`data-panel-title`) that e2e tests and benchmarks select by, so change them
 * with care.
 */
interface SignalPanel {
  title: string;
  signal: SignalName;
  /** Used when the detected query names none. */
  unit: Unit;
}

interface StatPanel extends SignalPanel {
  /** Rates add up across series (total traffic); for "higher is worse" signals the worst series speaks. */
  reducer: ReducerName;
}

const STAT_PANELS: readonly StatPanel[] = [
  { title: 'Request rate', signal: 'requestRate', unit: 'reqps', reducer: 'sum' },
  { title: 'Error ratio', signal: 'errorRatio', unit: 'percentunit', reducer: 'max' },
  { title: 'p99 latency', signal: 'latencyP99', unit: 's', reducer: 'max' },
  { title: 'Saturation', signal: 'saturation', unit: 'percentunit', reducer: 'max' },
];

export const LATENCY_TITLE = 'Latency p50 / p95 / p99';
export const HEATMAP_TITLE = 'Latency heatmap';

const TRAFFIC_AND_ERROR_PANELS: readonly SignalPanel[] = [
  { title: 'Traffic by route', signal: 'trafficByRoute', unit: 'reqps' },
  { title: 'Traffic by status', signal: 'trafficByStatus', unit: 'reqps' },
  { title: 'Error ratio over time', signal: 'errorRatio', unit: 'percentunit' },
  { title: 'Saturation over time', signal: 'saturation', unit: 'percentunit' },
];

/** Drawn only when the service's signals include them (the data shows outgoing calls). */
const DOWNSTREAM_PANELS: readonly SignalPanel[] = [
  { title: 'Downstream request rate', signal: 'downstreamRate', unit: 'reqps' },
  { title: 'Downstream error ratio', signal: 'downstreamErrorRatio', unit: 'percentunit' },
  { title: 'Downstream p99 latency', signal: 'downstreamLatencyP99', unit: 's' },
];

const PERCENTILES = [
  ['p50', 'latencyP50'],
  ['p95', 'latencyP95'],
  ['p99', 'latencyP99'],
] as const satisfies ReadonlyArray<readonly [string, SignalName]>;

const EXPLORE: readonly PanelLinkSpec[] = [{ kind: 'explore' }];

function querySpec(ref: string, q: SignalQuery, extra: Partial<PanelQuerySpec> = {}): PanelQuerySpec {
  return { ref, expr: q.query, ...(q.legendLabel === undefined ? {} : { legendLabel: q.legendLabel }), ...extra };
}

/** A signal's one query, or none when the service lacks it (the panel then says "No data"). */
function signalQueries(signals: ServiceSignals, signal: SignalName): PanelQuerySpec[] {
  const q = signals.queries[signal];
  return q ? [querySpec(signal, q)] : [];
}

function statPanel(signals: ServiceSignals, p: StatPanel): PanelSpec {
  // A threshold means something only in the unit it was written for (issue 5 #3).
  const unit = signals.queries[p.signal]?.unit ?? p.unit;
  const thresholds = thresholdsFor(p.signal, unit);
  return {
    id: `stat:${p.signal}`,
    kind: 'stat',
    title: p.title,
    queries: signalQueries(signals, p.signal),
    unit,
    reducer: p.reducer,
    ...(thresholds ? { thresholds } : {}),
  };
}

/** What a click on a signal's chart asks traces for: the failed requests, or the slow ones. */
const TRACE_HINTS: Partial<Record<SignalName, 'errors' | 'latency'>> = {
  errorRatio: 'errors',
  downstreamErrorRatio: 'errors',
  downstreamLatencyP99: 'latency',
};

function chartPanel(signals: ServiceSignals, p: SignalPanel): PanelSpec {
  const q = signals.queries[p.signal];
  const traceHint = TRACE_HINTS[p.signal];
  return {
    id: `chart:${p.title}`,
    kind: 'timeseries',
    title: p.title,
    queries: signalQueries(signals, p.signal),
    unit: q?.unit ?? p.unit,
    links: EXPLORE,
    options: {
      unnamedSeries: p.title.replace(/ over time$/, ''),
      ...(p.signal === 'trafficByStatus' ? { colorBy: 'statusCode' as const } : {}),
      // The requests behind the line leave their exemplars on the histogram's buckets, not on the query's own series.
      ...(q?.exemplars ? { exemplarsExpr: q.exemplars.query, exemplarUnit: q.exemplars.unit } : {}),
      ...(traceHint ? { traceHint } : {}),
    },
  };
}

/** p50, p95 and p99 in one chart, with exemplars from the bucket query: clicking a slow one opens its trace. */
function latencyPanel(signals: ServiceSignals): PanelSpec {
  const q = signals.queries;
  const queries = PERCENTILES.flatMap(([p, signal]) => {
    const query = q[signal];
    return query ? [querySpec(p, query, { legendPrefix: p, color: PERCENTILE_COLORS[p]! })] : [];
  });
  const exemplarsExpr = (q.latencyHeatmap ?? q.latencyP99)?.query;
  return {
    id: 'chart:latency',
    kind: 'timeseries',
    title: LATENCY_TITLE,
    queries,
    unit: q.latencyP99?.unit ?? q.latencyP50?.unit ?? 's',
    links: [{ kind: 'explore' }, { kind: 'exemplarTrace' }],
    options: { traceHint: 'latency', ...(exemplarsExpr === undefined ? {} : { exemplarsExpr, exemplarUnit: 's' as const }) },
  };
}

function heatmapPanel(signals: ServiceSignals): PanelSpec {
  const q = signals.queries.latencyHeatmap;
  const bucketLabel = q?.legendLabel ?? 'le';
  return {
    id: 'heatmap:latency',
    kind: 'heatmap',
    title: HEATMAP_TITLE,
    queries: q ? [querySpec('latencyHeatmap', q, { legendLabel: bucketLabel })] : [],
    unit: q?.unit ?? 'reqps',
    options: { bucketLabel, bucketUnit: 's' },
  };
}

/** The Golden Signals dashboard of one service, as plain data. */
export function buildServiceDashboard(signals: ServiceSignals): DashboardSpec {
  const sections: DashboardSection[] = [
    { id: 'stats', layout: 'stats', panels: STAT_PANELS.map((p) => statPanel(signals, p)) },
    {
      id: 'charts',
      layout: 'grid',
      panels: [latencyPanel(signals), heatmapPanel(signals), ...TRAFFIC_AND_ERROR_PANELS.map((p) => chartPanel(signals, p))],
    },
  ];
  const downstream = DOWNSTREAM_PANELS.filter((p) => signals.queries[p.signal] !== undefined);
  if (downstream.length > 0) {
    sections.push({ id: 'downstream', title: 'Downstream calls', layout: 'grid-3', panels: downstream.map((p) => chartPanel(signals, p)) });
  }
  return { title: signals.service, sections };
}
