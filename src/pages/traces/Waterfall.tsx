import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { seriesColor } from '../../lib/colors';
import type { CriticalPathSegment } from '../../model/criticalPath';
import type { TimeWindow } from '../../model/traceViewParams';
import { RowFlag, type TraceTree } from '../../model/traceTree';
import { sizedContext } from './canvas';
import { formatMicros, timeTicksIn } from './format';
import { useElementSize } from './useElementSize';
import { useRowWindow } from './rowWindow';
import { paintTimeline, timelineStyleOf, type TimelineStyle } from './timelineCanvas';
import { pct, rowMarks, tickNear, type RowMarks } from './timelineMarks';

export const ROW_HEIGHT = 24;
/**
 * Rows drawn beyond each edge: a scroll re-renders in its own frame, so these only cover compositor-side scrolling.
 * Every row drawn costs layout and paint on each frame of a fast scroll (bench `trace.50k.scroll_p95_frame_ms`).
 */
const OVERSCAN = 2;
/** Indent stops growing here: a 100,000-deep chain must not push its names off the screen. */
const MAX_INDENT_LEVELS = 40;
const INDENT_STEP_PX = 14;
/** The name column's share of a row (traceView.css `--name-col: 34%`): the indent may take half of it. */
const INDENT_SHARE = 0.17;
/** A leaf has no toggle: it is indented by the toggle's width and gap instead, so names line up. */
const TOGGLE_PX = 23;
/** A tick's hover title answers within this many px of it: the tick itself is 1–2 px wide. */
const TICK_HOVER_PX = 3;
const SYNTHETIC_COLOR = '#8e8e8e';

export interface ScrollRequest {
  row: number;
  /** Bumped for every request, so asking again for the same row scrolls again. */
  seq: number;
}

export interface WaterfallProps {
  tree: TraceTree;
  /** Visible rows in display order. */
  rows: Int32Array;
  collapsed: ReadonlySet<number>;
  selected: number;
  /** 1 for rows that match the find query. */
  matches: Uint8Array | null;
  currentMatch: number;
  critical: ReadonlyMap<number, readonly CriticalPathSegment[]>;
  traceStartUs: number;
  traceDurationUs: number;
  scrollRequest: ScrollRequest | null;
  /** The zoomed time window (µs from the trace's start; the minimap sets it), or null for the whole trace. */
  zoom?: TimeWindow | null;
  onToggle: (row: number) => void;
  onSelect: (row: number) => void;
}

/**
 * The indent per level, in px: 14, or less when the trace is deep for the rows' width, so that its deepest level
 * (at most MAX_INDENT_LEVELS) takes at most half the name column and a narrow column (the span details open
 * beside it) still shows every name. Unmeasured (width 0, as in jsdom): the full step.
 */
export function indentStepPx(rowsWidth: number, deepest: number): number {
  const levels = Math.max(1, Math.min(MAX_INDENT_LEVELS, deepest));
  return rowsWidth > 0 ? Math.min(INDENT_STEP_PX, (INDENT_SHARE * rowsWidth) / levels) : INDENT_STEP_PX;
}

export function serviceColorOf(tree: TraceTree, row: number): string {
  const index = tree.serviceIndex[row]!;
  return index < 0 ? SYNTHETIC_COLOR : seriesColor(tree.services[index]!.colorIndex);
}

/**
 * The span rows on one time axis. Only the rows in view (and a few either side) are in the DOM, so 100,000
 * spans scroll like 100. The rows are a flat list of row numbers: nothing here walks the tree.
 *
 * The drawn rows are a fixed pool of elements keyed by their slot in the window (0 = the first row drawn), not by
 * span: scrolling gives the same elements new content instead of unmounting the rows that left and creating
 * the ones that came (no element created or removed, no layout objects rebuilt), and the DOM keeps display order.
 * The window moves as a whole with one transform, so a scroll that brings no new row into view renders nothing.
 * A row's identity for tests and links is its `data-key`, set on whichever slot shows it.
 *
 * The timeline column's bars, critical path and event ticks are drawn on one canvas over the window's rows
 * (timelineCanvas.ts), from the same per-row marks (timelineMarks.ts) that answer the ticks' hover titles; the
 * rows keep their cells, durations, names and controls in the DOM (roles, focus, find, tests).
 */
export function Waterfall(props: WaterfallProps) {
  const { tree, rows, scrollRequest, traceDurationUs, zoom } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { first, last, scrollToRow } = useRowWindow(scrollRef, rows.length, ROW_HEIGHT, OVERSCAN);

  useEffect(() => {
    if (scrollRequest === null) return;
    scrollToRow(rows.indexOf(scrollRequest.row));
    // Only a new request scrolls: a collapse elsewhere must not jump back to the selection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollRequest]);

  // Rows draw against the window: its start is their t0, its length their 100 %.
  const from = zoom?.startUs ?? 0;
  const to = zoom?.endUs ?? traceDurationUs;
  const axis = { traceStartUs: props.traceStartUs + from, traceDurationUs: to - from };
  const ticks = timeTicksIn(from, to);
  const drawn: number[] = [];
  const marks: RowMarks[] = [];
  for (let index = first; index < last; index++) {
    drawn.push(index);
    const row = rows[index]!;
    marks.push(rowMarks(tree, row, props.critical.get(row), axis.traceStartUs, axis.traceDurationUs, serviceColorOf(tree, row)));
  }
  const deepest = useMemo(() => tree.depth.reduce((m, d) => (d > m ? d : m), 0), [tree]);
  const rowsRef = useRef<HTMLDivElement>(null);
  const indentPx = indentStepPx(useElementSize(rowsRef).width, deepest);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const canvasWidth = useCanvasWidth(canvasRef);
  const theme = useDocumentThemeName();
  const style = useRef<{ theme: string | null; style: TimelineStyle } | null>(null);
  // Read by the hover handler: the marks of the rows as drawn now.
  const marksRef = useRef(marks);
  // The cell whose title names a tick: a slot that shows another span after a scroll must not keep it.
  const titled = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    marksRef.current = marks;
    titled.current?.removeAttribute('title');
    titled.current = null;
    const canvas = canvasRef.current;
    if (canvas === null || canvasWidth <= 0) return;
    const height = marks.length * ROW_HEIGHT;
    const sized = sizedContext(canvas, canvasWidth, height);
    if (sized === null) return;
    const { ctx } = sized;
    // The theme's colours, read once per theme: a computed-style read each frame would force a style pass early.
    if (style.current === null || style.current.theme !== theme) style.current = { theme, style: timelineStyleOf(canvas) };
    paintTimeline(ctx, canvasWidth, height, ROW_HEIGHT, marks, style.current.style);
    // What the canvas shows, as text for tests and tools that cannot read pixels.
    canvas.dataset.eventTicks = String(marks.reduce((n, m) => n + m.ticks.length, 0));
  });
  /** The event tick under the pointer names itself in the cell's title (the native tooltip), as a tick element's title did. */
  const onTimelineHover = (e: MouseEvent<HTMLDivElement>) => {
    const cell = (e.target as Element).closest<HTMLElement>('.waterfall-row > .waterfall-timeline');
    const slot = cell?.parentElement?.dataset.slot;
    if (!cell || slot === undefined) return;
    const m = marksRef.current[Number(slot)];
    const box = cell.getBoundingClientRect();
    const tick = m && box.width > 0 ? tickNear(m, ((e.clientX - box.left) / box.width) * 100, (TICK_HOVER_PX / box.width) * 100) : null;
    if (tick === null) cell.removeAttribute('title');
    else {
      cell.title = tick.title;
      titled.current = cell;
    }
  };
  return (
    <div className="waterfall">
      <div className="waterfall-axis" aria-hidden="true">
        <div className="waterfall-name-col">Service &amp; operation</div>
        <div className="waterfall-timeline">
          {ticks.map((t) => (
            <span key={t} className="waterfall-tick" style={{ left: `${pct(t - from, to - from)}%` }}>
              {/* The origin is the trace's start, not a duration: "0", not "0 µs". */}
              {t === 0 ? '0' : formatMicros(t)}
            </span>
          ))}
        </div>
      </div>
      <div className="waterfall-scroll" ref={scrollRef} data-testid="waterfall-scroll">
        <div
          ref={rowsRef}
          className="waterfall-rows"
          role="treegrid"
          aria-label="Spans"
          aria-rowcount={rows.length}
          style={{ height: rows.length * ROW_HEIGHT }}
        >
          <div className="waterfall-gridlines" aria-hidden="true">
            {ticks.map((t) => (
              <span key={t} style={{ left: `${pct(t - from, to - from)}%` }} />
            ))}
          </div>
          <div className="waterfall-window" role="rowgroup" style={{ transform: `translateY(${first * ROW_HEIGHT}px)` }} onMouseMove={onTimelineHover}>
            {drawn.map((index) => {
              const row = rows[index]!;
              return (
                <WaterfallRow
                  key={index - first}
                  slot={index - first}
                  marks={marks[index - first]!}
                  tree={tree}
                  row={row}
                  position={index + 1}
                  indentPx={indentPx}
                  isCollapsed={props.collapsed.has(row)}
                  isSelected={props.selected === row}
                  isMatch={props.matches !== null && props.matches[row] === 1}
                  isCurrentMatch={props.currentMatch === row}
                  onToggle={props.onToggle}
                  onSelect={props.onSelect}
                />
              );
            })}
            {/* After the rows, so it paints over their backgrounds (selection, matches, hover); clicks go through it. */}
            <canvas ref={canvasRef} className="waterfall-canvas" aria-hidden="true" style={{ height: drawn.length * ROW_HEIGHT }} />
          </div>
        </div>
      </div>
    </div>
  );
}

interface RowProps {
  tree: TraceTree;
  row: number;
  /** The row's place in the drawn window, for the hover handler. */
  slot: number;
  marks: RowMarks;
  position: number;
  indentPx: number;
  isCollapsed: boolean;
  isSelected: boolean;
  isMatch: boolean;
  isCurrentMatch: boolean;
  onToggle: (row: number) => void;
  onSelect: (row: number) => void;
}

const WaterfallRow = memo(function WaterfallRow(p: RowProps) {
  const { tree, row, marks } = p;
  const span = tree.spans[row]!;
  const depth = tree.depth[row]!;
  const hasChildren = tree.childCount[row]! > 0;
  const synthetic = (tree.flags[row]! & RowFlag.SYNTHETIC) !== 0;
  const isError = tree.error[row] === 1;
  const classes = ['waterfall-row', p.isSelected && 'selected', p.isMatch && 'match', p.isCurrentMatch && 'current-match', isError && 'error']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={classes}
      role="row"
      aria-level={depth + 1}
      aria-rowindex={p.position}
      aria-selected={p.isSelected}
      aria-expanded={hasChildren ? !p.isCollapsed : undefined}
      data-testid="span-row"
      data-key={tree.keys[row]}
      data-slot={p.slot}
      onClick={() => p.onSelect(row)}
    >
      <div
        className={hasChildren ? 'waterfall-name-col' : 'waterfall-name-col leaf'}
        role="gridcell"
        // The indent in px, not a per-row custom property in a calc(): a fast scroll gives every row a new depth each
        // frame, and an inherited custom property changed on a cell re-resolved the style of all it holds (bench
        // trace.50k.scroll_p95_frame_ms: style recalc 3.2 -> 0.8 ms a frame).
        style={{ paddingLeft: Math.min(depth, MAX_INDENT_LEVELS) * p.indentPx + (hasChildren ? 4 : 4 + TOGGLE_PX) }}
      >
        {hasChildren && (
          <button
            type="button"
            className={p.isCollapsed ? 'span-toggle collapsed' : 'span-toggle'}
            aria-label={`${p.isCollapsed ? 'Expand' : 'Collapse'} ${span.name}`}
            onClick={(e) => {
              e.stopPropagation();
              p.onToggle(row);
            }}
          />
        )}
        {isError && (
          <span className="span-error-mark" role="img" aria-label="error" title="Error status">
            !
          </span>
        )}
        {/* The service colour is this span's left border: one element less per row, and rows are drawn every frame of a scroll. */}
        <span className="span-service" style={{ borderLeftColor: marks.color }}>
          {synthetic ? 'missing parent' : span.service}
        </span>
        <span className="span-name" title={depth > MAX_INDENT_LEVELS ? `depth ${depth}` : undefined}>
          {span.name}
        </span>
        {p.isCollapsed && <span className="span-hidden-count">+{tree.subtreeEnd[row]! - row - 1}</span>}
      </div>
      {/* The bar, critical path, ticks and duration are drawn on the window's canvas; the duration names the cell. */}
      <div className="waterfall-timeline" role="gridcell" aria-label={marks.bar === null ? undefined : marks.duration} />
    </div>
  );
});

/** The canvas's CSS width, kept current by a ResizeObserver (0 in jsdom, which lays nothing out: nothing is drawn there). */
function useCanvasWidth(ref: { current: HTMLCanvasElement | null }): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    setWidth(el.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => setWidth(entries[entries.length - 1]!.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** `<html data-theme>` (useDocumentTheme), followed: a theme switch redraws the canvas in the new colours. */
function useDocumentThemeName(): string | null {
  const [theme, setTheme] = useState<string | null>(() => document.documentElement.getAttribute('data-theme'));
  useEffect(() => {
    const html = document.documentElement;
    const observer = new MutationObserver(() => setTheme(html.getAttribute('data-theme')));
    observer.observe(html, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return theme;
}
