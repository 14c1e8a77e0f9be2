import { memo, useEffect, useRef } from 'react';
import { seriesColor } from '../../lib/colors';
import type { CriticalPathSegment } from '../../model/criticalPath';
import type { TimeWindow } from '../../model/traceViewParams';
import type { SpanEvent } from '../../model/trace';
import { RowFlag, type TraceTree } from '../../model/traceTree';
import { formatMicros, timeTicksIn } from './format';
import { useRowWindow } from './rowWindow';

export const ROW_HEIGHT = 24;
/**
 * Rows drawn beyond each edge: a scroll re-renders in its own frame, so these only cover compositor-side scrolling.
 * Every row drawn costs layout and paint on each frame of a fast scroll (bench `trace.50k.scroll_p95_frame_ms`).
 */
const OVERSCAN = 2;
/** Indent stops growing here: a 100,000-deep chain must not push its names off the screen. */
const MAX_INDENT_LEVELS = 40;
const INDENT_PX = 14;
/** Width of the collapse toggle; a row without children is indented by it instead, so names line up. */
const TOGGLE_PX = 23;
/** Event ticks drawn per bar at most: the detail panel lists them all. */
const MAX_EVENT_TICKS = 50;
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
  for (let index = first; index < last; index++) drawn.push(index);
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
          <div className="waterfall-window" role="rowgroup" style={{ transform: `translateY(${first * ROW_HEIGHT}px)` }}>
            {drawn.map((index) => {
              const row = rows[index]!;
              return (
                <WaterfallRow
                  key={index - first}
                  tree={tree}
                  row={row}
                  position={index + 1}
                  isCollapsed={props.collapsed.has(row)}
                  isSelected={props.selected === row}
                  isMatch={props.matches !== null && props.matches[row] === 1}
                  isCurrentMatch={props.currentMatch === row}
                  segments={props.critical.get(row)}
                  traceStartUs={axis.traceStartUs}
                  traceDurationUs={axis.traceDurationUs}
                  onToggle={props.onToggle}
                  onSelect={props.onSelect}
                />
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

interface RowProps {
  tree: TraceTree;
  row: number;
  position: number;
  isCollapsed: boolean;
  isSelected: boolean;
  isMatch: boolean;
  isCurrentMatch: boolean;
  segments: readonly CriticalPathSegment[] | undefined;
  traceStartUs: number;
  traceDurationUs: number;
  onToggle: (row: number) => void;
  onSelect: (row: number) => void;
}

const WaterfallRow = memo(function WaterfallRow(p: RowProps) {
  const { tree, row, traceStartUs: t0, traceDurationUs: total } = p;
  const span = tree.spans[row]!;
  const depth = tree.depth[row]!;
  const hasChildren = tree.childCount[row]! > 0;
  const synthetic = (tree.flags[row]! & RowFlag.SYNTHETIC) !== 0;
  const isError = tree.error[row] === 1;
  const color = serviceColorOf(tree, row);
  const start = tree.startUs[row]!;
  const duration = tree.durationUs[row]!;
  const left = pct(start - t0, total);
  const width = pct(start + duration - t0, total) - left;
  // Zoomed in, a span may lie wholly outside the window: it keeps its row but draws no bar.
  const inView = (from: number, to: number) => !(total > 0) || (to >= t0 && from <= t0 + total);
  const shown = inView(start, start + duration);
  // The duration goes after the bar; a bar reaching the right edge has it before, and one that also starts near
  // the left edge (no room before it either: the label would cover the name column) has it inside its end.
  const labelAt = left + width <= 75 ? 'after' : left >= 15 ? 'before' : 'inside';
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
      onClick={() => p.onSelect(row)}
    >
      <div className="waterfall-name-col" role="gridcell" style={{ paddingLeft: Math.min(depth, MAX_INDENT_LEVELS) * INDENT_PX + (hasChildren ? 4 : 4 + TOGGLE_PX) }}>
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
        <span className="span-service" style={{ borderLeftColor: color }}>
          {synthetic ? 'missing parent' : span.service}
        </span>
        <span className="span-name" title={depth > MAX_INDENT_LEVELS ? `depth ${depth}` : undefined}>
          {span.name}
        </span>
        {p.isCollapsed && <span className="span-hidden-count">+{tree.subtreeEnd[row]! - row - 1}</span>}
      </div>
      <div className="waterfall-timeline" role="gridcell">
        {shown && <span className="span-bar" style={{ left: `${left}%`, width: `${width}%`, background: color }} />}
        {p.segments?.filter((s) => inView(s.startUs, s.endUs)).map((s) => (
          <span
            key={s.startUs}
            className="span-critical"
            data-testid="critical-segment"
            style={{ left: `${pct(s.startUs - t0, total)}%`, width: `${pct(s.endUs - t0, total) - pct(s.startUs - t0, total)}%` }}
          />
        ))}
        {span.events.slice(0, MAX_EVENT_TICKS).map((ev, i) => {
          const at = ev.timeUs + tree.skewUs[row]!;
          if (!inView(at, at)) return null;
          // Events have no ID and never reorder: their place in the span is their identity. The name is a title
          // attribute, i.e. text: an event named like markup stays characters.
          return (
            <span
              key={`${i}:${ev.timeUs}`}
              className={isExceptionEvent(ev) ? 'span-event-tick exception' : 'span-event-tick'}
              data-testid="event-tick"
              title={`${ev.name} at +${formatMicros(ev.timeUs - span.startUs)}`}
              style={{ left: `${pct(at - t0, total)}%` }}
            />
          );
        })}
        {shown && (
          <span
            className={labelAt === 'after' ? 'span-duration' : `span-duration ${labelAt === 'before' ? 'left' : 'inside'}`}
            style={labelAt === 'after' ? { left: `${left + width}%` } : { right: `${100 - (labelAt === 'before' ? left : left + width)}%` }}
          >
            {formatMicros(duration)}
          </span>
        )}
      </div>
    </div>
  );
});

/** OpenTelemetry's `exception` event, or any event carrying `exception.type` (the demo's timeout): drawn in red. */
function isExceptionEvent(ev: SpanEvent): boolean {
  return ev.name === 'exception' || typeof ev.attributes['exception.type'] === 'string';
}

function pct(us: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(100, Math.max(0, (us / total) * 100));
}
