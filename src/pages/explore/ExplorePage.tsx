import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { rangeQueryOptions } from '../../datasources/queries';
import type { DataSource } from '../../datasources/types';
import type { PanelSpec } from '../../model/panelSpec';
import { chooseStep, DEFAULT_SCRAPE_INTERVAL_MS, type TimeRange } from '../../model/time';
import { useShowAllExemplars, useShowExemplars } from '../../state/preferences';
import { absoluteRaw } from '../../state/timeUrl';
import { useTimeRange } from '../../state/useTimeRange';
import { useDataSources } from '../shared/dataSources';
import { ExemplarToggles } from '../shared/ExemplarToggles';
import { NoMetricsSource } from '../shared/NoMetricsSource';
import { SpecPanel, type PanelContext } from '../shared/SpecPanel';
import { QueryEditor } from './QueryEditor';

/** Query rows are named A, B, C… as in Grafana, so "query B fails" means the same thing to everyone. */
function rowName(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : `#${i + 1}`;
}

interface QueryRowProps {
  name: string;
  query: string;
  ctx: PanelContext;
  canRemove: boolean;
  onRun: (text: string) => void;
  onRemove: () => void;
}

function QueryRow({ name, query, ctx, canRemove, onRun, onRemove }: QueryRowProps) {
  const trimmed = query.trim();
  // Explore's panel is a spec like any dashboard's: one query, named by its row, in a time-series chart.
  const spec = useMemo<PanelSpec | undefined>(
    () => (trimmed ? { id: `explore:${name}`, kind: 'timeseries', title: `Query ${name}`, queries: [{ ref: name, expr: trimmed }], unit: 'short' } : undefined),
    [trimmed, name],
  );
  // The editor marks the server's parse error at its position. This reads the panel's own query from the
  // cache (same key, so no second request).
  const rowQuery = useQuery({ ...rangeQueryOptions(ctx.ds, trimmed, ctx.range, ctx.stepMs), enabled: trimmed !== '' });
  const error = rowQuery.isError ? rowQuery.error : undefined;
  return (
    <div className="explore-row" data-testid="explore-row">
      <QueryEditor
        ds={ctx.ds}
        range={ctx.range}
        name={name}
        query={query}
        error={error}
        onRun={onRun}
        onRemove={canRemove ? onRemove : undefined}
      />
      {spec ? <SpecPanel spec={spec} ctx={ctx} /> : null}
    </div>
  );
}

function Explore({ ds, minStepMs }: { ds: DataSource; minStepMs: number }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const { range, params, setRange } = useTimeRange();
  const [points] = useState(() => Math.min(1500, Math.max(200, (typeof window === 'undefined' ? 1440 : window.innerWidth) - 120)));
  const stepMs = chooseStep(range, { points, minStepMs });
  const showExemplars = useShowExemplars();
  const showAllExemplars = useShowAllExemplars();
  const stored = searchParams.getAll('q');
  const queries = stored.length > 0 ? stored : [''];

  // Each run is a history entry, so Back returns to the previous query as it does to the previous range.
  const setQueries = (next: readonly string[]) =>
    setSearchParams((prev) => {
      const params = new URLSearchParams(prev);
      params.delete('q');
      for (const q of next) params.append('q', q);
      return params;
    });
  const ctx = useMemo<PanelContext>(
    // No page service: a chart's links take the service from its series' labels.
    () => ({ ds, range, stepMs, showExemplars, showAllExemplars, onZoom: (r: TimeRange) => setRange(absoluteRaw(r)), timeParams: params }),
    [ds, range, stepMs, showExemplars, showAllExemplars, setRange, params],
  );

  return (
    <div className="page explore-page">
      <div className="page-header">
        <h1>Explore</h1>
        <span className="convention-badge">{ds.name}</span>
        <ExemplarToggles />
      </div>
      {queries.map((q, i) => (
        <QueryRow
          // Rows are positional (A, B, …): the index is their identity.
          key={i}
          name={rowName(i)}
          query={q}
          ctx={ctx}
          canRemove={queries.length > 1}
          onRun={(text) => setQueries(queries.map((old, j) => (j === i ? text : old)))}
          onRemove={() => setQueries(queries.filter((_, j) => j !== i))}
        />
      ))}
      <button type="button" onClick={() => setQueries([...queries, ''])}>
        + Add query
      </button>
    </div>
  );
}

/** `/explore`: ad-hoc PromQL against the default metrics datasource, one chart per query row. */
export function ExplorePage() {
  const directory = useDataSources();
  const ds = directory.defaultMetrics();
  if (!ds?.metrics) return <NoMetricsSource />;
  return <Explore ds={ds} minStepMs={ds.metrics.minStepMs ?? DEFAULT_SCRAPE_INTERVAL_MS} />;
}
