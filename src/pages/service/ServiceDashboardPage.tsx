import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { serviceSignalsQueryOptions } from '../../datasources/queries';
import type { DataSource, ServiceSignals } from '../../datasources/types';
import { serviceFromSegment, servicesOverviewUrl } from '../../model/links';
import { visibleText } from '../../lib/visibleText';
import type { DashboardSection } from '../../model/panelSpec';
import { chooseStep, DEFAULT_SCRAPE_INTERVAL_MS, type TimeRange } from '../../model/time';
import { PanelFrame } from '../../panels/shared/PanelFrame';
import { absoluteRaw } from '../../state/timeUrl';
import { useSetCrosshairTime } from '../../state/crosshair';
import { useShowAllExemplars, useShowExemplars } from '../../state/preferences';
import { useTimeRange } from '../../state/useTimeRange';
import { useDataSources } from '../shared/dataSources';
import { NoMetricsSource } from '../shared/NoMetricsSource';
import { errorText } from '../shared/panelQuery';
import { dashboardPoints } from '../shared/chartStep';
import { ExemplarToggles } from '../shared/ExemplarToggles';
import { SpecPanel, type PanelContext } from '../shared/SpecPanel';
import { buildServiceDashboard } from './layout';

// While the service's signals are being detected the panels show as loading, in their final places.
const PENDING: ServiceSignals = { service: '', convention: 'otel', queries: {} };

const SECTION_CLASS: Readonly<Record<DashboardSection['layout'], string>> = {
  stats: 'stat-row',
  grid: 'dashboard-grid',
  'grid-3': 'dashboard-grid dashboard-grid-3',
};

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
  const setCrosshairTime = useSetCrosshairTime();
  const showExemplars = useShowExemplars();
  const showAllExemplars = useShowAllExemplars();
  // Read once: a resize must not change every query key (and refetch every panel).
  const [points] = useState(() => dashboardPoints(typeof window === 'undefined' ? 1440 : window.innerWidth));
  const stepMs = chooseStep(range, { points, minStepMs });
  // Kept across range changes (the key moves with the hour), never across services.
  const signalsQuery = useQuery({ ...serviceSignalsQueryOptions(ds, service, range), placeholderData: keepPreviousData });
  const current = signalsQuery.isPlaceholderData && signalsQuery.data?.service !== service ? undefined : signalsQuery.data;
  const pending = current === undefined && !signalsQuery.isError;
  const dashboard = useMemo(() => buildServiceDashboard(current ?? PENDING), [current]);

  const ctx = useMemo<PanelContext>(
    () => ({ ds, range, stepMs, showExemplars, showAllExemplars, service, onZoom: (r: TimeRange) => setRange(absoluteRaw(r)), timeParams: params }),
    [ds, range, stepMs, showExemplars, showAllExemplars, service, setRange, params],
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
        <ExemplarToggles />
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
        dashboard.sections.map((section) => (
          <Fragment key={section.id}>
            {section.title ? <h2 className="section-title">{section.title}</h2> : null}
            <div className={SECTION_CLASS[section.layout]}>
              {section.panels.map((spec) =>
                // While the signals are detected the panels show as loading, in their final places: with no
                // queries yet they would say "No data", and a loading frame is the truth.
                pending ? <PanelFrame key={spec.id} title={spec.title} state="loading" /> : <SpecPanel key={spec.id} spec={spec} ctx={ctx} />,
              )}
            </div>
          </Fragment>
        ))
      )}
    </div>
  );
}

/** `/services/:service`: the Golden Signals dashboard of one service. */
export function ServiceDashboardPage() {
  // The segment escapes names a path cannot carry as they are (`.`, `..`, `%`, lone surrogates).
  // `?ds=`: a cross link into a metrics datasource other than the default (config.json `correlations.metricsDatasource`).
  const dsUid = useSearchParams()[0].get('ds') ?? undefined;
  return <ServiceDashboardView service={serviceFromSegment(useParams().service ?? '')} dsUid={dsUid} />;
}

/** One service's dashboard, wherever it is shown: its route, or a NOC playlist's screen. */
export function ServiceDashboardView({ service, dsUid }: { service: string; dsUid?: string | undefined }) {
  const directory = useDataSources();
  const named = dsUid === undefined ? undefined : directory.get(dsUid);
  const ds = named?.services && named.metrics ? named : directory.defaultMetrics();
  if (!ds?.services || !ds.metrics) return <NoMetricsSource />;
  return <Dashboard ds={ds} service={service} minStepMs={ds.metrics.minStepMs ?? DEFAULT_SCRAPE_INTERVAL_MS} />;
}
