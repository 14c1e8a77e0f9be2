import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { criticalPath, type CriticalPathSegment } from '../../model/criticalPath';
import type { Trace } from '../../model/trace';
import { collapseAll, collapseOneLevel, expandAll, expandOneLevel, findRows, revealRow, visibleRows } from '../../model/traceRows';
import { summarizeTraceTree } from '../../model/traceStats';
import { buildTraceTree, type TraceTree } from '../../model/traceTree';
import { formatZoom, parseTraceView, parseZoom, VIEW_PARAM, ZOOM_PARAM, type TimeWindow } from '../../model/traceViewParams';
import { FindBar } from './FindBar';
import { OtherTraceView, usePreloadTraceViews } from './OtherTraceView';
import { SpanDetail } from './SpanDetail';
import { TraceHeader } from './TraceHeader';
import { TraceMinimap } from './TraceMinimap';
import { TraceViewTabs } from './TraceViewTabs';
import { Waterfall, type ScrollRequest } from './Waterfall';

const SPAN_PARAM = 'span';

/** The row a `?span=` names: a span ID (the first span with it), or a row key (`<id>#2` for a later duplicate). */
function rowOfParam(tree: TraceTree, value: string | null): number {
  if (value === null || value === '') return -1;
  const byId = tree.rowBySpanId.get(value) ?? tree.rowBySpanId.get(value.toLowerCase());
  return byId ?? tree.keys.indexOf(value);
}

function groupByRow(segments: readonly CriticalPathSegment[]): Map<number, CriticalPathSegment[]> {
  const out = new Map<number, CriticalPathSegment[]>();
  for (const s of segments) {
    const list = out.get(s.row);
    if (list) list.push(s);
    else out.set(s.row, [s]);
  }
  return out;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * One trace: header, find, waterfall and span detail. The tree is built once per trace; collapse, selection and
 * find are plain state over row numbers, and the selection is in the URL (`?span=`) so it can be shared.
 */
export function TraceView({ trace, sourceName, sourceUid = '', tree: built }: { trace: Trace; sourceName: string; sourceUid?: string; tree?: TraceTree }) {
  // `sourceUid`: the trace datasource it came from, for the cross links; '' for a trace file (no backend).
  // `tree`: built already, off this thread (a trace file's worker builds it with the parse).
  const tree = useMemo(() => built ?? buildTraceTree(trace), [trace, built]);
  const summary = useMemo(() => summarizeTraceTree(tree), [tree]);
  const critical = useMemo(() => groupByRow(tree.size > 0 ? criticalPath(tree, 0) : []), [tree]);
  const [searchParams, setSearchParams] = useSearchParams();
  const spanParam = searchParams.get(SPAN_PARAM);
  const view = parseTraceView(searchParams.get(VIEW_PARAM));
  const zoomParam = searchParams.get(ZOOM_PARAM);
  const zoom = useMemo(() => parseZoom(zoomParam, summary.durationUs), [zoomParam, summary.durationUs]);
  usePreloadTraceViews();

  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  const [selected, setSelected] = useState(() => rowOfParam(tree, spanParam));
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(() => {
    const row = rowOfParam(tree, spanParam);
    return row >= 0 ? { row, seq: 0 } : null;
  });
  const [query, setQuery] = useState('');
  const [matchIndex, setMatchIndex] = useState(-1);
  const findRef = useRef<HTMLInputElement>(null);

  // A `?span=` changed from outside (Back, a pasted link to this trace): follow it.
  const [followedParam, setFollowedParam] = useState(spanParam);
  if (spanParam !== followedParam) {
    setFollowedParam(spanParam);
    const row = rowOfParam(tree, spanParam);
    setSelected(row);
    if (row >= 0) {
      setCollapsed((c) => revealRow(tree, c, row));
      setScrollRequest((r) => ({ row, seq: (r?.seq ?? 0) + 1 }));
    }
  }

  const rows = useMemo(() => visibleRows(tree, collapsed), [tree, collapsed]);
  const matchRows = useMemo(() => findRows(tree, query), [tree, query]);
  const matchMarks = useMemo(() => {
    if (matchRows.length === 0) return null;
    const marks = new Uint8Array(tree.size);
    for (const r of matchRows) marks[r] = 1;
    return marks;
  }, [tree, matchRows]);

  /** Selects a row, opens its ancestors, scrolls it into view and puts it in the URL (with a new zoom, when given). */
  const select = (row: number, scroll = true, zoomTo?: TimeWindow | null) => {
    setSelected(row);
    if (row >= 0) setCollapsed((c) => revealRow(tree, c, row));
    if (row >= 0 && scroll) setScrollRequest((r) => ({ row, seq: (r?.seq ?? 0) + 1 }));
    const id = row >= 0 ? tree.keys[row]! : null;
    setFollowedParam(id);
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id === null) next.delete(SPAN_PARAM);
        else next.set(SPAN_PARAM, id);
        if (zoomTo !== undefined) setZoomParam(next, zoomTo);
        return next;
      },
      { replace: true },
    );
  };

  /** The zoomed window (µs from the trace's start) into the URL; the whole trace is no `zoom` at all. */
  const setZoomParam = (params: URLSearchParams, window: TimeWindow | null) => {
    const valid = window === null ? null : parseZoom(formatZoom(window), summary.durationUs);
    if (valid === null) params.delete(ZOOM_PARAM);
    else params.set(ZOOM_PARAM, formatZoom(valid));
  };
  const updateParams = (change: (params: URLSearchParams) => void, replace: boolean) =>
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        change(next);
        return next;
      },
      { replace },
    );
  const setZoom = (window: TimeWindow | null) => updateParams((p) => setZoomParam(p, window), true);
  // A tab is a step in history (Back returns to the previous view); the waterfall is the default, left out.
  const setView = (next: string) => updateParams((p) => (next === 'waterfall' ? p.delete(VIEW_PARAM) : p.set(VIEW_PARAM, next)), false);

  const toggle = (row: number) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (!next.delete(row)) next.add(row);
      return next;
    });

  const step = (direction: 1 | -1) => {
    if (matchRows.length === 0) return;
    const next = matchIndex < 0 ? (direction === 1 ? 0 : matchRows.length - 1) : (matchIndex + direction + matchRows.length) % matchRows.length;
    setMatchIndex(next);
    select(matchRows[next]!);
  };

  const moveSelection = (key: string) => {
    const at = selected >= 0 ? rows.indexOf(selected) : -1;
    if (key === 'ArrowDown') select(rows[Math.min(rows.length - 1, at + 1)] ?? -1);
    else if (key === 'ArrowUp') select(rows[Math.max(0, at - 1)] ?? -1);
    else if (selected < 0) return;
    else if (key === 'ArrowLeft') {
      if (tree.childCount[selected]! > 0 && !collapsed.has(selected)) toggle(selected);
      else if (tree.parent[selected]! >= 0) select(tree.parent[selected]!);
    } else if (key === 'ArrowRight') {
      if (collapsed.has(selected)) toggle(selected);
      else if (tree.childCount[selected]! > 0) select(selected + 1);
    }
  };

  // Keys work anywhere on the page except while typing in a field; the handler is re-read every render.
  const onKey = useRef<(e: KeyboardEvent) => void>(() => {});
  useEffect(() => {
    onKey.current = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (e.key === '[') setCollapsed(collapseAll(tree));
      else if (e.key === ']') setCollapsed(expandAll());
      else if (e.key === '/') findRef.current?.focus();
      else if (e.key.startsWith('Arrow')) moveSelection(e.key);
      else return;
      e.preventDefault();
    };
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const traceStartUs = summary.startUs;
  const minimap = <TraceMinimap tree={tree} traceStartUs={traceStartUs} traceDurationUs={summary.durationUs} zoom={zoom} onZoom={setZoom} />;
  const head = (
    <>
      <TraceHeader tree={tree} summary={summary} sourceName={sourceName} sourceUid={sourceUid} />
      {spanParam !== null && spanParam !== '' && selected < 0 && (
        <p className="trace-notice" role="status">
          Span <code>{spanParam}</code> is not in this trace.
        </p>
      )}
      <TraceViewTabs view={view} onView={setView} />
    </>
  );
  if (view !== 'waterfall') {
    return (
      <div className="trace-view">
        {head}
        {view === 'flame' && minimap}
        <div className="trace-body">
          <OtherTraceView
            view={view}
            tree={tree}
            traceStartUs={traceStartUs}
            traceDurationUs={summary.durationUs}
            zoom={zoom}
            selected={selected}
            onSelect={(row, zoomTo) => select(row, true, zoomTo)}
          />
          {view === 'flame' && selected >= 0 && (
            <SpanDetail tree={tree} row={selected} traceStartUs={traceStartUs} sourceUid={sourceUid} onSelect={(row) => select(row)} onClose={() => select(-1)} />
          )}
        </div>
      </div>
    );
  }
  return (
    <div className="trace-view">
      {head}
      <div className="trace-toolbar">
        <button type="button" onClick={() => setCollapsed(collapseAll(tree))} title="Collapse all ( [ )">
          Collapse all
        </button>
        <button type="button" onClick={() => setCollapsed(expandAll())} title="Expand all ( ] )">
          Expand all
        </button>
        <button type="button" onClick={() => setCollapsed((c) => collapseOneLevel(tree, c))}>
          Collapse one level
        </button>
        <button type="button" onClick={() => setCollapsed((c) => expandOneLevel(tree, c))}>
          Expand one level
        </button>
        {critical.size > 0 && (
          <span className="trace-legend">
            <span className="span-critical-legend" /> critical path
          </span>
        )}
        <FindBar
          query={query}
          onQuery={(q) => {
            setQuery(q);
            setMatchIndex(-1);
          }}
          matchCount={matchRows.length}
          current={matchIndex}
          onStep={step}
          inputRef={findRef}
        />
      </div>
      {minimap}
      <div className="trace-body" id="trace-view-panel" role="tabpanel" aria-labelledby="trace-tab-waterfall">
        <Waterfall
          tree={tree}
          rows={rows}
          collapsed={collapsed}
          selected={selected}
          matches={matchMarks}
          currentMatch={matchIndex >= 0 ? matchRows[matchIndex]! : -1}
          critical={critical}
          traceStartUs={traceStartUs}
          traceDurationUs={summary.durationUs}
          scrollRequest={scrollRequest}
          zoom={zoom}
          onToggle={toggle}
          onSelect={(row) => select(row, false)}
        />
        {selected >= 0 && (
          <SpanDetail tree={tree} row={selected} traceStartUs={traceStartUs} sourceUid={sourceUid} onSelect={(row) => select(row)} onClose={() => select(-1)} />
        )}
      </div>
    </div>
  );
}
