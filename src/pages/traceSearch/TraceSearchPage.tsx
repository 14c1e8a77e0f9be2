import { useQuery } from '@tanstack/react-query';
import { TraceFileDropZone } from '../traces/files/TraceFileDropZone';
import { useMemo } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { traceSearchQueryOptions } from '../../datasources/queries';
import type { DataSource } from '../../datasources/types';
import { isDataSourceError } from '../../lib/errors';
import type { TimeRange } from '../../model/time';
import type { TraceSummary } from '../../model/trace';
import { parseTraceSearchUrl, toTraceSearch, TRACE_SEARCH_KEYS, traceSearchEntries, type TraceSearchState } from '../../model/traceSearchUrl';
import { describeRange } from '../../state/timeUrl';
import { useTimeRange } from '../../state/useTimeRange';
import { useDataSources } from '../shared/dataSources';
import { errorText } from '../shared/panelQuery';
import { ResultsScatter } from './ResultsScatter';
import { ResultsTable } from './ResultsTable';
import { describeFilters } from './searchDraft';
import { SearchForm, speaksTraceQL } from './SearchForm';
import { nextSort, sortTraces } from './sortTraces';
import './traceSearch.css';

/** `/traces`: search every datasource with traces, all state in the URL so a link opens the same search. */
export function TraceSearchPage() {
  const [params, setParams] = useSearchParams();
  const sources = useDataSources().list.filter((ds) => ds.traces !== undefined);
  const parsed = useMemo(() => parseTraceSearchUrl(params), [params]);
  const problems = [...parsed.problems];
  const ds = sources.find((s) => s.uid === parsed.state.ds) ?? sources[0];
  if (parsed.state.ds !== undefined && ds !== undefined && ds.uid !== parsed.state.ds) {
    problems.push(`There is no traces datasource "${parsed.state.ds.slice(0, 60)}": searching ${ds.name}.`);
  }
  const state = useMemo<TraceSearchState>(() => {
    const s = { ...parsed.state };
    if (ds === undefined) return s;
    s.ds = ds.uid;
    if (s.mode === 'traceql' && !speaksTraceQL(ds)) s.mode = 'filters';
    return s;
  }, [parsed.state, ds]);
  if (parsed.state.mode === 'traceql' && state.mode !== 'traceql' && ds !== undefined) problems.push(`${ds.name} does not speak TraceQL: searching with the filters.`);

  const write = (next: TraceSearchState, replace = false) => {
    const out = new URLSearchParams();
    for (const [k, v] of params) if (!(TRACE_SEARCH_KEYS as readonly string[]).includes(k)) out.append(k, v);
    for (const [k, v] of traceSearchEntries(next)) out.append(k, v);
    setParams(out, { replace });
  };

  if (ds === undefined) return <NoTracesSource />;
  return (
    <div className="trace-search-page">
      <TraceFileDropZone />
      {/* The header is a flex row: page actions (such as opening a trace file) sit at its end. */}
      <header className="trace-search-header">
        <h1>Trace search</h1>
      </header>
      {problems.length > 0 ? (
        <ul className="trace-search-problems" role="status" aria-label="Ignored URL values">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <SearchResults
        key={ds.uid}
        ds={ds}
        sources={sources}
        state={state}
        onSearch={(next) => write(next)}
        onDataSource={(uid) => write({ ...state, ds: uid, mode: state.mode }, false)}
        onSort={(next) => write(next, true)}
      />
    </div>
  );
}

interface SearchResultsProps {
  ds: DataSource;
  sources: readonly DataSource[];
  state: TraceSearchState;
  onSearch: (next: TraceSearchState) => void;
  onDataSource: (uid: string) => void;
  onSort: (next: TraceSearchState) => void;
}

function SearchResults({ ds, sources, state, onSearch, onDataSource, onSort }: SearchResultsProps) {
  const { raw, range } = useTimeRange();
  const search = useMemo(() => toTraceSearch(state), [state]);
  const canSearch = ds.traces?.search !== undefined;
  const result = useQuery({ ...traceSearchQueryOptions(ds, search, range), enabled: canSearch });
  // The URL these results answer once not busy, as `data-for`: right after a search changes the URL, the last
  // answer is still shown (not busy yet) until React renders the new one; a test waits for the two to agree.
  const { search: renderedFor } = useLocation();
  const error = result.isError ? result.error : null;
  const traceqlError = useMemo(
    () => (state.mode === 'traceql' && error !== null && isDataSourceError(error) && error.kind === 'query' ? { query: state.traceql, message: errorText(error) } : undefined),
    [state.mode, state.traceql, error],
  );
  return (
    <>
      <SearchForm sources={sources} ds={ds} state={state} range={range} traceqlError={traceqlError} onSearch={onSearch} onDataSource={onDataSource} />
      <section className="trace-search-results" aria-label="Search results" aria-busy={result.isFetching} data-for={renderedFor}>
        {!canSearch ? (
          <p className="page-message">{ds.name} can look traces up by ID but cannot search them.</p>
        ) : error !== null ? (
          <div className="trace-search-error" role="alert">
            <strong>{ds.name}:</strong> {errorText(error)}
          </div>
        ) : result.data === undefined ? (
          <p className="page-message" role="status">
            Searching {ds.name}…
          </p>
        ) : result.data.length === 0 ? (
          <p className="page-message" role="status" data-testid="trace-search-empty">
            No traces in {ds.name} matched {describeFilters(state)} (time range: {describeRange(raw, range.to)}). Try a wider time range or fewer filters.
          </p>
        ) : (
          <Found traces={result.data} state={state} range={range} onSort={onSort} />
        )}
      </section>
    </>
  );
}

function Found({ traces, state, range, onSort }: { traces: TraceSummary[]; state: TraceSearchState; range: TimeRange; onSort: (next: TraceSearchState) => void }) {
  const sorted = useMemo(() => sortTraces(traces, state.sort), [traces, state.sort]);
  const errors = traces.filter((t) => (t.errorCount ?? 0) > 0).length;
  return (
    <>
      <p className="trace-search-count" role="status">
        {traces.length} trace{traces.length === 1 ? '' : 's'}
        {errors > 0 ? `, ${errors} with errors` : ''}
        {traces.length >= state.limit ? ` (the limit of ${state.limit}: there may be more; raise the limit or narrow the search)` : ''}
      </p>
      <ResultsScatter traces={traces} range={range} />
      <ResultsTable traces={sorted} sort={state.sort} onSort={(key) => onSort({ ...state, sort: nextSort(state.sort, key) })} />
    </>
  );
}

function NoTracesSource() {
  return (
    <div className="page-message" role="alert">
      <h1>No traces datasource</h1>
      <p>
        None of the configured datasources has traces. Add a <code>jaeger</code>, <code>tempo</code> or <code>zipkin</code> datasource to{' '}
        <code>config.json</code>, or see the <Link to="/settings/datasources">datasources page</Link>.
      </p>
    </div>
  );
}
