import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { DataSource } from '../../datasources/types';
import { logLineUrl } from '../../model/logLinks';
import type { LogLine } from '../../model/logs';
import type { TimeRange } from '../../model/time';
import { absoluteRaw } from '../../state/timeUrl';
import { useTimeRange } from '../../state/useTimeRange';
import { useCorrelator } from '../shared/correlator';
import { useDataSources } from '../shared/dataSources';
import { errorText } from '../shared/panelQuery';
import type { DedupMode } from './dedup';
import { downloadName, linesAsJson, linesAsText, saveFile } from './download';
import { LabelBrowser } from './LabelBrowser';
import { withSelector } from './labelSelector';
import { LogContext } from './LogContext';
import { LogDetails } from './LogDetails';
import { LogList, type ScrollToLine } from './LogList';
import { LogsQueryBar } from './LogsQueryBar';
import { addFilter, type FilterMode, type FilterTarget } from './queryEdit';
import { useLogLines, useLogVolume } from './useLogLines';
import { useLogsUrl, type LogsUrlState } from './useLogsUrl';
import { useLogView } from './useLogView';
import { VolumeHistogram } from './VolumeHistogram';
import { PatternsView } from './patterns/PatternsView';
import { TailIndicator } from './tail/TailIndicator';
import { DEFAULT_TAIL_CAPACITY, useLiveTail } from './tail/useLiveTail';
import type { PatternSelection } from '../../model/logPatterns';
import './logs.css';

/** `/explore/logs`: query a logs datasource, see its volume, read, filter and follow the lines. */
export function LogsPage() {
  const sources = useDataSources().list.filter((ds) => ds.logs !== undefined);
  const [url, setUrl] = useLogsUrl();
  if (sources.length === 0) return <NoLogsSource />;
  const ds = sources.find((s) => s.uid === url.ds) ?? sources[0]!;
  // Keyed by datasource: another one starts with its own label browser, filter and selection state.
  return <LogsExplorer key={ds.uid} ds={ds} sources={sources} url={url} setUrl={setUrl} />;
}

interface ExplorerProps {
  ds: DataSource;
  sources: readonly DataSource[];
  url: LogsUrlState;
  setUrl: (patch: Partial<LogsUrlState>) => void;
}

function LogsExplorer({ ds, sources, url, setUrl }: ExplorerProps) {
  const { range, setRange } = useTimeRange();
  const language = ds.logs!.language;
  const query = url.query;
  const [browserOpen, setBrowserOpen] = useState(query.trim() === '');
  const [dedup, setDedup] = useState<DedupMode>('none');
  const [filterText, setFilterText] = useState('');
  const [prettyAll, setPrettyAll] = useState(false);
  const [contextKey, setContextKey] = useState<string | undefined>();
  const [scrollTo, setScrollTo] = useState<ScrollToLine | undefined>();
  const data = useLogLines(ds, query, range);
  const volume = useLogVolume(ds, query, range);
  const [view, setView] = useState<'lines' | 'patterns'>('lines');
  const [pattern, setPattern] = useState<PatternSelection | null>(null);
  const [live, setLive] = useState(false);
  const tail = useLiveTail(ds.logs, query, { enabled: live && query.trim() !== '' });

  // Live: the tail's ring buffer instead of the queried pages.
  const { inHand, ordered, deduped, shown, regexes } = useLogView({
    queried: data.lines,
    tail: live ? tail.lines : undefined,
    pattern,
    sort: url.sort,
    dedup,
    filterText,
    query,
    language,
  });

  // A pasted link to a line: scroll to it once it is in hand.
  const [scrolledFor, setScrolledFor] = useState<string | undefined>();
  if (url.line !== undefined && scrolledFor !== url.line && shown.some((l) => l.key === url.line)) {
    setScrolledFor(url.line);
    setScrollTo({ key: url.line, seq: (scrollTo?.seq ?? 0) + 1 });
  }

  const run = (text: string) => setUrl({ query: text, line: undefined });
  const onFilter = (target: FilterTarget, mode: FilterMode) => run(addFilter(language, query, target, mode));
  const onZoom = (r: TimeRange) => setRange(absoluteRaw(r));
  const viewState = { ds: ds.uid, query, sort: url.sort, wrap: url.wrap, timeZone: url.timeZone };
  const lineLink = (line: LogLine) => new URL(logLineUrl(viewState, line), window.location.href).toString();
  const correlator = useCorrelator();
  const traceLink = useCallback((line: LogLine) => correlator.traceOfLogLine(ds.uid, line), [correlator, ds.uid]);

  return (
    <div className="page logs-page">
      <div className="page-header">
        <h1>Logs</h1>
        <span className="convention-badge">{ds.name}</span>
      </div>
      <LogsQueryBar
        ds={ds}
        sources={sources}
        range={range}
        query={query}
        error={data.error}
        onRun={run}
        onDataSource={(uid) => setUrl({ ds: uid, line: undefined })}
        browserOpen={browserOpen}
        onToggleBrowser={() => setBrowserOpen((o) => !o)}
      />
      {browserOpen ? (
        <LabelBrowser
          ds={ds}
          range={range}
          onUse={(selector, andRun) => {
            const next = withSelector(query, selector, language);
            if (andRun) {
              run(next);
              setBrowserOpen(false);
            } else setUrl({ query: next });
          }}
        />
      ) : null}
      {data.error ? (
        <div className="page-error" role="alert" data-testid="logs-error">
          <span className="page-error-what">Query failed</span> {errorText(data.error)}
        </div>
      ) : null}
      {query.trim() === '' ? (
        <p className="hint">Pick labels in the label browser, or type a {language === 'lucene' ? 'Lucene' : 'LogQL'} query and press Shift+Enter.</p>
      ) : (
        <>
          {ds.logs!.volume ? (
            <VolumeHistogram
              result={volume.data}
              range={range}
              timeZone={url.timeZone}
              onZoom={onZoom}
              loading={volume.isFetching}
              error={volume.isError ? errorText(volume.error) : undefined}
            />
          ) : null}
          <div className="logs-toolbar" role="toolbar" aria-label="Log view">
            <span className="logs-tabs" role="tablist">
              <button type="button" role="tab" aria-selected={view === 'lines'} onClick={() => setView('lines')}>
                Lines
              </button>
              <button type="button" role="tab" aria-selected={view === 'patterns'} onClick={() => setView('patterns')}>
                Patterns
              </button>
            </span>
            {ds.logs!.tail ? (
              <label className="toggle-inline">
                <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} /> Live tail
              </label>
            ) : null}
            {pattern ? (
              <span className="logs-pattern-filter" data-testid="logs-pattern-filter">
                Pattern: <code>{pattern.template.slice(0, 120)}</code>{' '}
                <button type="button" onClick={() => setPattern(null)}>
                  Clear
                </button>
              </span>
            ) : null}
          </div>
          {live ? (
            <TailIndicator
              status={tail.status}
              paused={tail.paused}
              linesPerSecond={tail.linesPerSecond}
              dropped={tail.dropped}
              capacity={DEFAULT_TAIL_CAPACITY}
              held={tail.lines.length}
              pending={tail.pending}
              onPause={tail.pause}
              onResume={tail.resume}
              {...(tail.error ? { error: tail.error } : {})}
            />
          ) : null}
          {view === 'patterns' ? (
            <PatternsView lines={inHand} range={range} {...(pattern ? { selectedId: pattern.id } : {})} onSelect={(selection) => {
              setPattern(selection);
              if (selection) setView('lines');
            }} />
          ) : null}
          <div className="logs-toolbar" role="toolbar" aria-label="Log list options" hidden={view === 'patterns'}>
            <select aria-label="Order" value={url.sort} onChange={(e) => setUrl({ sort: e.target.value === 'oldest' ? 'oldest' : 'newest' })}>
              <option value="newest">Newest first</option>
              <option value="oldest">Oldest first</option>
            </select>
            <select aria-label="Time zone" value={url.timeZone} onChange={(e) => setUrl({ timeZone: e.target.value === 'utc' ? 'utc' : 'local' })}>
              <option value="local">Local time</option>
              <option value="utc">UTC</option>
            </select>
            <select aria-label="Dedup" value={dedup} onChange={(e) => setDedup(e.target.value as DedupMode)}>
              <option value="none">No dedup</option>
              <option value="exact">Dedup: exact</option>
              <option value="numbers">Dedup: ignoring numbers</option>
            </select>
            <label className="toggle-inline">
              <input type="checkbox" checked={url.wrap} onChange={(e) => setUrl({ wrap: e.target.checked })} /> Wrap lines
            </label>
            <label className="toggle-inline">
              <input type="checkbox" checked={prettyAll} onChange={(e) => setPrettyAll(e.target.checked)} /> Pretty JSON
            </label>
            <input
              type="search"
              className="logs-filter"
              aria-label="Filter lines in view"
              placeholder="Filter the lines in hand"
              value={filterText}
              onChange={(e) => setFilterText(e.target.value)}
            />
            <span className="logs-download">
              <button type="button" disabled={shown.length === 0} onClick={() => saveFile(linesAsText(shown), downloadName('txt', Date.now()), 'text/plain')}>
                Download .txt
              </button>
              <button type="button" disabled={shown.length === 0} onClick={() => saveFile(linesAsJson(shown), downloadName('json', Date.now()), 'application/json')}>
                .json
              </button>
            </span>
          </div>
          {view === 'lines' ? <LinesStatus data={data} live={live} inHand={inHand.length} shown={shown.length} deduped={deduped.lines.length} ordered={ordered.length} filtering={filterText !== ''} /> : null}
          {view === 'lines' ? <LogList
            lines={shown}
            wrap={url.wrap}
            timeZone={url.timeZone}
            regexes={regexes}
            prettyJson={prettyAll}
            folded={deduped.folded}
            selectedKey={url.line}
            onSelect={(key) => setUrl({ line: key })}
            scrollTo={scrollTo}
            busy={!live && data.fetching && !data.loadingOlder}
            query={query}
            traceLink={traceLink}
            empty={data.pending || data.error ? undefined : <EmptyLines live={live} inHand={inHand.length} filterText={filterText} deduped={deduped.lines.length} />}
            renderAbove={(line) => (contextKey === line.key && ds.logs!.context ? <LogContext ds={ds} line={line} side="before" timeZone={url.timeZone} /> : null)}
            renderDetails={(line) => (
              <>
                {contextKey === line.key && ds.logs!.context ? <LogContext ds={ds} line={line} side="after" timeZone={url.timeZone} /> : null}
                <LogDetails
                  line={line}
                  logsUid={ds.uid}
                  language={language}
                  lines={inHand}
                  regexes={regexes}
                  lineLink={lineLink(line)}
                  onFilter={onFilter}
                  onContext={ds.logs!.context ? () => setContextKey(contextKey === line.key ? undefined : line.key) : undefined}
                  contextOpen={contextKey === line.key}
                />
              </>
            )}
          /> : null}
        </>
      )}
    </div>
  );
}

interface LinesStatusProps {
  data: ReturnType<typeof useLogLines>;
  /** Live tail on: the lines in hand are the tail's buffer, not the query's answer, and there is no paging. */
  live: boolean;
  /** Lines in hand (the tail's buffer when live, else the query's lines). */
  inHand: number;
  /** Lines before and after dedup (of the chosen pattern, if any). */
  ordered: number;
  deduped: number;
  shown: number;
  filtering: boolean;
}

/** Why the list is empty, and what to try: nothing in the range, or nothing in hand that the filter keeps. */
function EmptyLines({ live, inHand, filterText, deduped }: { live: boolean; inHand: number; filterText: string; deduped: number }) {
  if (live) return <>Waiting for lines: the live tail shows each line as the server sends it.</>;
  if (inHand === 0) return <>No lines match this query in the time range. Widen the time range, or loosen the selector or its filters.</>;
  if (filterText !== '' && deduped > 0) return <>None of the {deduped.toLocaleString('en-US')} lines in hand contains “{filterText}”. Clear the filter to see them.</>;
  return <>No lines to show.</>;
}

function LinesStatus({ data: query, live, inHand: n, ordered, deduped, shown, filtering }: LinesStatusProps) {
  // Paging ("of more", "load older"), loading and refreshing belong to the queried lines, not to a live tail.
  const data = live ? { ...query, pending: false, hasMore: false, fetching: false, warnings: [] } : query;
  const fmt = (x: number) => x.toLocaleString('en-US');
  if (data.pending) {
    return (
      <div className="logs-status" role="status">
        Loading lines…
      </div>
    );
  }
  return (
    <div className="logs-status" role="status" data-testid="logs-status">
      {data.hasMore ? (
        <span className="logs-capped" data-testid="logs-capped">
          Showing newest {fmt(n)} of more
          {data.serverCap !== undefined ? ` (the server answers at most ${fmt(data.serverCap)} per request)` : ''}
        </span>
      ) : (
        <span>
          {fmt(n)} {n === 1 ? 'line' : 'lines'}
          {live ? ' in the live tail' : ''}
        </span>
      )}
      {deduped < ordered ? <span> · {fmt(ordered - deduped)} duplicates folded</span> : null}
      {filtering ? <span> · {fmt(shown)} match the filter</span> : null}
      {data.hasMore ? (
        <button type="button" onClick={data.loadOlder} disabled={data.loadingOlder}>
          {data.loadingOlder ? 'Loading older…' : 'Load older'}
        </button>
      ) : null}
      {data.fetching && !data.loadingOlder ? <span className="spinner spinner-small" aria-label="Refreshing" /> : null}
      {data.warnings.map((w) => (
        <span key={w} className="logs-warning">
          {w}
        </span>
      ))}
    </div>
  );
}

function NoLogsSource() {
  return (
    <div className="page-message" role="alert">
      <h1>No logs datasource</h1>
      <p>
        None of the configured datasources can query logs. Add a <code>loki</code> (or <code>elasticsearch</code> / <code>opensearch</code>) datasource to{' '}
        <code>config.json</code>, or see the <Link to="/settings/datasources">datasources page</Link>.
      </p>
    </div>
  );
}
