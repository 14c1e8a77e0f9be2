import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { DataSource } from '../../datasources/types';
import type { TimeRange } from '../../model/time';
import { PanelErrorBoundary } from '../../panels/shared/PanelErrorBoundary';
import { TimeSeriesPanel } from '../../panels/timeseries/TimeSeriesPanel';
import { absoluteRaw } from '../../state/timeUrl';
import { useTimeRange } from '../../state/useTimeRange';
import { useDataSources } from '../shared/dataSources';
import { nameSeries } from '../shared/namedSeries';
import { NoMetricsSource } from '../shared/NoMetricsSource';
import { panelQueryState } from '../shared/panelQuery';
import { chooseStepMs, DEFAULT_MIN_STEP_MS } from '../shared/chartStep';
import { useSignalResult } from '../shared/useSignalResult';
import { QueryEditor } from './QueryEditor';

const NOT_RUN = { loading: false, warnings: [], fetching: false } as const;

/** Query rows are named A, B, C… as in Grafana, so "query B fails" means the same thing to everyone. */
function rowName(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : `#${i + 1}`;
}

interface QueryRowProps {
  ds: DataSource;
  name: string;
  query: string;
  range: TimeRange;
  stepMs: number;
  canRemove: boolean;
  onRun: (text: string) => void;
  onRemove: () => void;
  onZoom: (range: TimeRange) => void;
}

function QueryRow({ ds, name, query, range, stepMs, canRemove, onRun, onRemove, onZoom }: QueryRowProps) {
  const trimmed = query.trim();
  const signal = useMemo(() => (trimmed ? { query: trimmed, unit: 'short' as const } : undefined), [trimmed]);
  const result = useSignalResult(ds, signal, range, stepMs);
  const data = result?.data;
  const series = useMemo(() => (data ? nameSeries(data.series) : []), [data]);
  const title = `Query ${name}`;
  return (
    <div className="explore-row" data-testid="explore-row">
      <QueryEditor
        ds={ds}
        range={range}
        name={name}
        query={query}
        error={result?.isError ? result.error : undefined}
        onRun={onRun}
        onRemove={canRemove ? onRemove : undefined}
      />
      {signal ? (
        <PanelErrorBoundary title={title} resetKey={`${trimmed} ${range.from} ${range.to}`}>
          <TimeSeriesPanel
            title={title}
            unit="short"
            series={series}
            query={result ? panelQueryState([result]) : NOT_RUN}
            range={range}
            onZoom={onZoom}
          />
        </PanelErrorBoundary>
      ) : null}
    </div>
  );
}

function Explore({ ds, minStepMs }: { ds: DataSource; minStepMs: number }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const { range, setRange } = useTimeRange();
  const [points] = useState(() => Math.min(1500, Math.max(200, (typeof window === 'undefined' ? 1440 : window.innerWidth) - 120)));
  const stepMs = chooseStepMs(range, points, minStepMs);
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
  const onZoom = (r: TimeRange) => setRange(absoluteRaw(r));

  return (
    <div className="page explore-page">
      <div className="page-header">
        <h1>Explore</h1>
        <span className="convention-badge">{ds.name}</span>
      </div>
      {queries.map((q, i) => (
        <QueryRow
          // Rows are positional (A, B, …): the index is their identity.
          key={i}
          ds={ds}
          name={rowName(i)}
          query={q}
          range={range}
          stepMs={stepMs}
          canRemove={queries.length > 1}
          onRun={(text) => setQueries(queries.map((old, j) => (j === i ? text : old)))}
          onRemove={() => setQueries(queries.filter((_, j) => j !== i))}
          onZoom={onZoom}
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
  return <Explore ds={ds} minStepMs={ds.metrics.minStepMs ?? DEFAULT_MIN_STEP_MS} />;
}
