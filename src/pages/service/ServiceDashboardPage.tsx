import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { serviceSignalsQueryOptions } from '../../datasources/queries';
import type { DataSource, ServiceSignals } from '../../datasources/types';
import { serviceFromSegment, servicesOverviewUrl } from '../../model/links';
import { visibleText } from '../../lib/visibleText';
import type { TimeRange } from '../../model/time';
import { PanelErrorBoundary } from '../../panels/shared/PanelErrorBoundary';
import { PanelFrame } from '../../panels/shared/PanelFrame';
import { absoluteRaw } from '../../state/timeUrl';
import { setCrosshairTime } from '../../state/crosshair';
import { usePreferencesStore } from '../../state/preferences';
import { useTimeRange } from '../../state/useTimeRange';
import { useDataSources } from '../shared/dataSources';
import { NoMetricsSource } from '../shared/NoMetricsSource';
import { errorText } from '../shared/panelQuery';
import { chooseStepMs, dashboardPoints, DEFAULT_MIN_STEP_MS } from '../shared/chartStep';
import { DOWNSTREAM_PANELS, HEATMAP_TITLE, LATENCY_TITLE, STAT_PANELS, TRAFFIC_AND_ERROR_PANELS } from './layout';
import { LatencyChart, LatencyHeatmap, SignalChart, SignalStat, type SignalPanelContext } from './SignalPanels';

// While the service's signals are being detected the panels show as loading, in their final places.
const PENDING: ServiceSignals = { service: '', convention: 'otel', queries: {} };

function ExemplarToggle() {
  const show = usePreferencesStore((s) => s.showExemplars);
  const setShow = usePreferencesStore((s) => s.setShowExemplars);
  return (
    <label className="toggle">
      <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} /> Exemplars
    </label>
  );
}

/** The name as text a person can read: invisible characters as markers, cut short with the whole name on hover. */
function ServiceTitle({ service }: { service: string }) {
  const shown = visibleText(service);
  return (
    <span className="service-title" title={shown.title} data-testid="service-title">
      <bdi>{shown.text}</bdi>
    </span>
  );
}

function Dashboard({ ds, service, minStepMs }: { ds: DataSource; service: string; minStepMs: number }) {
  const { range, params, setRange } = useTimeRange();
  // Read once: a resize must not change every query key (and refetch every panel).
  const [points] = useState(() => dashboardPoints(typeof window === 'undefined' ? 1440 : window.innerWidth));
  const stepMs = chooseStepMs(range, points, minStepMs);
  // Kept across range changes (the key moves with the hour), never across services.
  const signalsQuery = useQuery({ ...serviceSignalsQueryOptions(ds, service, range), placeholderData: keepPreviousData });
  const current = signalsQuery.isPlaceholderData && signalsQuery.data?.service !== service ? undefined : signalsQuery.data;
  const signals = current ?? PENDING;
  const q = signals.queries;
  const pending = current === undefined && !signalsQuery.isError;

  const ctx = useMemo<SignalPanelContext>(
    () => ({ ds, range, stepMs, onZoom: (r: TimeRange) => setRange(absoluteRaw(r)), timeParams: params }),
    [ds, range, stepMs, setRange, params],
  );
  const percentiles = useMemo(() => ({ p50: q.latencyP50, p95: q.latencyP95, p99: q.latencyP99 }), [q.latencyP50, q.latencyP95, q.latencyP99]);
  const downstream = DOWNSTREAM_PANELS.filter((p) => q[p.signal] !== undefined);

  // While pending, panels get no query and would say "No data"; a loading frame is the truth.
  const loadingOr = (node: ReactNode, title: string) =>
    pending ? (
      <PanelFrame key={title} title={title} state="loading" />
    ) : (
      <PanelErrorBoundary title={title} key={title} resetKey={`${range.from}:${range.to}`}>
        {node}
      </PanelErrorBoundary>
    );

  return (
    <div className="page dashboard-page" onMouseLeave={() => setCrosshairTime(null)}>
      <div className="page-header">
        <h1>
          <Link to={servicesOverviewUrl(params)} className="breadcrumb">
            Services
          </Link>
          <span className="breadcrumb-sep">/</span>
          <ServiceTitle service={service} />
        </h1>
        {current ? <span className="convention-badge">{current.convention === 'otel' ? 'OpenTelemetry' : 'classic'} metrics</span> : null}
        <ExemplarToggle />
      </div>
      {signalsQuery.isError ? (
        <div className="page-errors" role="alert">
          <div className="page-error">
            <span className="page-error-what">
              Could not find the signals of <bdi>{visibleText(service).text}</bdi>:
            </span>
            <pre data-testid="panel-error">{errorText(signalsQuery.error)}</pre>
          </div>
        </div>
      ) : (
        <>
          <div className="stat-row">
            {STAT_PANELS.map((spec) => loadingOr(<SignalStat ctx={ctx} spec={spec} query={q[spec.signal]} />, spec.title))}
          </div>
          <div className="dashboard-grid">
            {loadingOr(<LatencyChart ctx={ctx} title={LATENCY_TITLE} percentiles={percentiles} exemplarQuery={q.latencyHeatmap ?? q.latencyP99} />, LATENCY_TITLE)}
            {loadingOr(<LatencyHeatmap ctx={ctx} title={HEATMAP_TITLE} query={q.latencyHeatmap} />, HEATMAP_TITLE)}
            {TRAFFIC_AND_ERROR_PANELS.map((spec) => loadingOr(<SignalChart ctx={ctx} spec={spec} query={q[spec.signal]} />, spec.title))}
          </div>
          {downstream.length > 0 ? (
            <>
              <h2 className="section-title">Downstream calls</h2>
              <div className="dashboard-grid dashboard-grid-3">
                {downstream.map((spec) => loadingOr(<SignalChart ctx={ctx} spec={spec} query={q[spec.signal]} />, spec.title))}
              </div>
            </>
          ) : null}
        </>
      )}
    </div>
  );
}

/** `/services/:service`: the Golden Signals dashboard of one service. */
export function ServiceDashboardPage() {
  // The segment escapes names a path cannot carry as they are (`.`, `..`, `%`, lone surrogates).
  const service = serviceFromSegment(useParams().service ?? '');
  const directory = useDataSources();
  const ds = directory.defaultMetrics();
  if (!ds?.services || !ds.metrics) return <NoMetricsSource />;
  return <Dashboard ds={ds} service={service} minStepMs={ds.metrics.minStepMs ?? DEFAULT_MIN_STEP_MS} />;
}
