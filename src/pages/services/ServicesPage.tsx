import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { overviewQueriesOptions, rangeQueryOptions, servicesQueryOptions } from '../../datasources/queries';
import type { DataSource, RangeResult } from '../../datasources/types';
import { serviceDashboardUrl, servicesOverviewUrl } from '../../model/links';
import { chooseStep, DEFAULT_SCRAPE_INTERVAL_MS } from '../../model/time';
import { useTimeRange } from '../../state/useTimeRange';
import { visibleText } from '../../lib/visibleText';
import { useDataSources } from '../shared/dataSources';
import { NoMetricsSource } from '../shared/NoMetricsSource';
import { useLastData } from '../shared/lastData';
import { errorText } from '../shared/panelQuery';
import { buildOverview, type OverviewResult } from './overviewRows';
import { PanelErrorBoundary } from '../../panels/shared/PanelErrorBoundary';
import { ServicesTable } from './ServicesTable';

// Module-level so TanStack Query keeps the combined array stable between renders with the same results.
function toOverviewResults(rs: ReadonlyArray<UseQueryResult<RangeResult>>): OverviewResult[] {
  return rs.map((r) => ({ data: r.data, error: r.isError ? errorText(r.error) : undefined, loading: r.isPending }));
}

/** Sparkline width in pixels: the overview asks for about one point per pixel of it. */
const SPARKLINE_POINTS = 96;

function ServicesOverview({ ds, minStepMs }: { ds: DataSource; minStepMs: number }) {
  const { range, params } = useTimeRange();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  // The same array while the URL's search is, so the rows below are rebuilt only when it changes.
  const only = useMemo(() => searchParams.getAll('var-service'), [searchParams]);
  const stepMs = chooseStep(range, { points: SPARKLINE_POINTS, minStepMs });

  const services = useQuery(servicesQueryOptions(ds, range));
  const overview = useQuery(overviewQueriesOptions(ds, range));
  const queries = useMemo(() => overview.data ?? [], [overview.data]);
  const fresh = useQueries({
    queries: queries.map((q) => rangeQueryOptions(ds, q.query, range, stepMs)),
    combine: toOverviewResults,
  });
  const results = useLastData(
    queries.map((q) => q.query),
    fresh,
  );

  const table = useMemo(() => buildOverview(services.data ?? [], queries, results, { only }), [services.data, queries, results, only]);
  const rows = table.rows;

  const errors = useMemo(() => {
    const list: Array<{ what: string; message: string }> = [];
    if (services.isError) list.push({ what: 'service list', message: errorText(services.error) });
    if (overview.isError) list.push({ what: 'overview queries', message: errorText(overview.error) });
    queries.forEach((q, i) => {
      const message = results[i]?.error;
      // Saturation has a query per form (ratio, in-flight, cores): the unit tells them apart.
      if (message !== undefined) list.push({ what: `${q.signal} in ${q.unit} (${q.serviceLabel})`, message });
    });
    return list;
  }, [services.isError, services.error, overview.isError, overview.error, queries, results]);

  const hrefFor = useCallback((service: string) => serviceDashboardUrl(service, params), [params]);
  const onOpen = useCallback((service: string) => navigate(hrefFor(service)), [navigate, hrefFor]);
  const loading = (services.isPending || overview.isPending) && rows.length === 0;

  return (
    <div className="page services-page">
      <div className="page-header">
        <h1>Services</h1>
        {only.length > 0 ? (
          <span className="filter-note">
            Showing{' '}
            {[...new Set(only)].map((name, i) => {
              const shown = visibleText(name);
              return (
                <span key={name} title={shown.title}>
                  {i > 0 ? ', ' : null}
                  <bdi>{shown.text}</bdi>
                </span>
              );
            })}{' '}
            · <Link to={servicesOverviewUrl(params)}>show all</Link>
          </span>
        ) : null}
      </div>
      {table.capped ? (
        <div className="overview-capped" role="status" data-testid="overview-capped">
          Showing the {rows.length.toLocaleString('en-US')} worst of {table.total.toLocaleString('en-US')} services: the overview draws no more.
          Name the others with <code>var-service</code> to see them.
        </div>
      ) : null}
      {errors.length > 0 ? (
        <div className="page-errors" role="alert">
          {errors.map((e) => (
            <div key={e.what} className="page-error">
              <span className="page-error-what">{e.what}:</span>
              <pre data-testid="panel-error">{e.message}</pre>
            </div>
          ))}
        </div>
      ) : null}
      {loading ? (
        <div className="panel-placeholder">
          <span className="spinner" aria-label="Loading services" />
        </div>
      ) : rows.length === 0 && errors.length === 0 ? (
        <div className="page-message">No services found in {ds.name} for this time range.</div>
      ) : (
        <PanelErrorBoundary title="Services" resetKey={`${range.from}:${range.to}`}>
          <ServicesTable rows={rows} range={range} onOpen={onOpen} hrefFor={hrefFor} />
        </PanelErrorBoundary>
      )}
    </div>
  );
}

/** `/services`: every service's Golden Signals in one table, worst first. */
export function ServicesPage() {
  const directory = useDataSources();
  const ds = directory.defaultMetrics();
  if (!ds?.services || !ds.metrics) return <NoMetricsSource />;
  return <ServicesOverview ds={ds} minStepMs={ds.metrics.minStepMs ?? DEFAULT_SCRAPE_INTERVAL_MS} />;
}
