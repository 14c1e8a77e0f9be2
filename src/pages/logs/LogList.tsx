import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { logLineTraceUrl } from '../../model/links';
import type { LogLine } from '../../model/logs';
import { LEVEL_COLORS, LEVEL_TEXT } from './levels';
import { LogLineText } from './LogLineText';
import { serviceOf } from './serviceOf';
import { formatLogTime, type TimeZoneMode } from './timeFormat';

export const LOG_ROW_HEIGHT = 22;
const OVERSCAN = 10;

export interface ScrollToLine {
  key: string;
  /** Bumped per request, so asking for the same line again scrolls again. */
  seq: number;
}

export interface LogListProps {
  lines: readonly LogLine[];
  wrap: boolean;
  timeZone: TimeZoneMode;
  /** Search terms and line filters to mark, compiled once for every row. */
  regexes: readonly RegExp[];
  /** Draw JSON lines indented in every row. */
  prettyJson: boolean;
  /** Dedup: key of a kept line → lines folded into it. */
  folded: ReadonlyMap<string, number>;
  selectedKey: string | undefined;
  onSelect: (key: string | undefined) => void;
  /** What opens under the selected line (details, the context after it). */
  renderDetails?: (line: LogLine) => ReactNode;
  /** What opens above the selected line (the context before it). */
  renderAbove?: (line: LogLine) => ReactNode;
  scrollTo?: ScrollToLine | undefined;
  /** The lines shown are the last answer while a new one loads (another query, a refresh). */
  busy?: boolean;
}

/**
 * The log lines, virtualized: only the rows in view (and a few either side) are in the DOM, so 100,000
 * lines scroll like 100. Rows are keyed by the line's stable key, never by position.
 */
export function LogList(props: LogListProps) {
  const { lines, scrollTo } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable per list: a new function would make the virtualizer recompute all 100,000 positions every render.
  const navigate = useNavigate();
  // One handler for every row's trace link: a router Link per row cost more than the rest of the row.
  const openLink = useCallback((href: string) => void navigate(href), [navigate]);
  const itemKey = useCallback((index: number) => lines[index]!.key, [lines]);
  // Rows are one fixed height except the selected one and every row when wrapped or prettified: only those
  // are measured. A measured size sticks to its key, so a change of what is measured forgets them all
  // (measuring all 100,000 lines' rows would re-lay the whole list for every row that scrolls in).
  const variable = props.wrap || props.prettyJson;
  // The largest window drawn so far: fixed-height rows are drawn in a window of this many, so that the rows
  // scrolling out hand their slots to exactly the rows scrolling in (see rowSlot).
  const [windowSize] = useState(() => ({ rows: 0 }));
  const rangeExtractor = useCallback(
    (range: Range) => {
      if (variable) return defaultRangeExtractor(range);
      windowSize.rows = Math.max(windowSize.rows, range.endIndex - range.startIndex + 1 + 2 * range.overscan);
      return fixedWindow(range, windowSize.rows);
    },
    [variable, windowSize],
  );
  // We use no React Compiler; the rule only warns that the compiler would skip this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LOG_ROW_HEIGHT,
    getItemKey: itemKey,
    overscan: OVERSCAN,
    rangeExtractor,
  });
  // The line whose row holds focus. When that line leaves the window its slot shows another line, and focus
  // must not silently move to it: it goes to the list, as it did when the row's element was removed.
  const focusedKey = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    const active = document.activeElement;
    const list = scrollRef.current;
    if (!list || !(active instanceof HTMLElement) || active === list || !list.contains(active)) return;
    if (active.closest<HTMLElement>('.log-row')?.dataset.key !== focusedKey.current) list.focus({ preventScroll: true });
  });
  const measuredFor = useRef({ variable, selectedKey: props.selectedKey });
  useEffect(() => {
    const last = measuredFor.current;
    // Not on mount: nothing has been measured yet, and a reset would lay out all the lines a second time.
    if (last.variable === variable && last.selectedKey === props.selectedKey) return;
    measuredFor.current = { variable, selectedKey: props.selectedKey };
    virtualizer.measure();
  }, [virtualizer, variable, props.selectedKey]);

  useEffect(() => {
    if (!scrollTo) return;
    const index = lines.findIndex((l) => l.key === scrollTo.key);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
    // Only a new request scrolls: new lines arriving must not jump back to the selection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollTo]);

  const items = virtualizer.getVirtualItems();
  const row = (item: (typeof items)[number], style?: CSSProperties) => {
    const line = lines[item.index]!;
    const selected = line.key === props.selectedKey;
    return (
      <div
        key={variable ? `line:${line.key}` : `slot:${rowSlot(item.index, windowSize.rows)}`}
        data-index={item.index}
        ref={variable || selected ? virtualizer.measureElement : undefined}
        role="listitem"
        aria-posinset={item.index + 1}
        aria-setsize={lines.length}
        className="log-item"
        style={style}
      >
        {selected && props.renderAbove ? props.renderAbove(line) : null}
        <LogRow
          line={line}
          selected={selected}
          wrap={props.wrap}
          timeZone={props.timeZone}
          regexes={props.regexes}
          pretty={props.prettyJson}
          folded={props.folded.get(line.key) ?? 0}
          onSelect={props.onSelect}
          onOpenLink={openLink}
        />
        {selected && props.renderDetails ? props.renderDetails(line) : null}
      </div>
    );
  };
  return (
    <div
      className={`log-list${props.wrap ? ' wrap' : ''}${props.prettyJson ? ' pretty' : ''}`}
      ref={scrollRef}
      data-testid="log-list"
      aria-busy={props.busy === true}
      tabIndex={-1}
      onFocus={(e) => {
        focusedKey.current = e.target.closest<HTMLElement>('.log-row')?.dataset.key;
      }}
    >
      <div className="log-rows" role="list" aria-label="Log lines" style={{ height: virtualizer.getTotalSize() }}>
        {variable ? (
          // Measured rows flow one under the other in a moved window: a row whose height changes pushes the rest down.
          <div className="log-rows-window" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
            {items.map((item) => row(item))}
          </div>
        ) : (
          // Fixed-height rows are placed one by one and kept in slot order, so the DOM order never changes
          // while scrolling (a moved node is laid out afresh); aria-posinset gives assistive tech the order.
          inSlotOrder(items, windowSize.rows).map((item) => row(item, { transform: `translateY(${item.start}px)` }))
        )}
      </div>
    </div>
  );
}

/**
 * The rows drawn for fixed-height lines: the virtualizer's range with its overscan, padded to exactly `size`
 * rows (fewer only when the list is shorter), so a scroll by k rows drops k and adds k.
 */
export function fixedWindow(range: Range, size: number): number[] {
  const start = Math.max(0, Math.min(range.startIndex - range.overscan, range.count - size));
  const end = Math.min(range.count, start + size);
  const out: number[] = [];
  for (let i = start; i < end; i++) out.push(i);
  return out;
}

/**
 * The slot of a row in a window of `size` consecutive rows: `index % size` differs for every row in the window,
 * and the row scrolling in at the bottom takes the slot of the one leaving at the top. React keeps a slot's
 * elements and changes only their text and attributes: building and removing whole rows was most of a
 * scrolled frame's work. A line keeps its slot while it is in the window, so the selected row keeps its details
 * (drawn only for the selected line, so a slot handed to another line drops them) and a clicked toggle its focus.
 */
export function rowSlot(index: number, size: number): number {
  return index % Math.max(1, size);
}

/** The window's items ordered by slot: the order their elements keep in the DOM. */
function inSlotOrder<T extends { index: number }>(items: readonly T[], size: number): T[] {
  return [...items].sort((a, b) => rowSlot(a.index, size) - rowSlot(b.index, size));
}

interface LogRowProps {
  line: LogLine;
  selected: boolean;
  wrap: boolean;
  timeZone: TimeZoneMode;
  regexes: readonly RegExp[];
  pretty: boolean;
  folded: number;
  onSelect: (key: string | undefined) => void;
  onOpenLink: (href: string) => void;
}

export const LogRow = memo(function LogRow({ line, selected, wrap, timeZone, regexes, pretty, folded, onSelect, onOpenLink }: LogRowProps) {
  const traceUrl = logLineTraceUrl(line);
  const service = serviceOf(line);
  return (
    <div
      className={selected ? 'log-row selected' : 'log-row'}
      data-testid="log-row"
      data-key={line.key}
      data-level={line.level}
      aria-expanded={selected}
      style={{ '--level-color': LEVEL_COLORS[line.level] } as CSSProperties}
      onClick={(e) => {
        // A click on the trace link (or a selection drag) is not a toggle.
        if ((e.target as HTMLElement).closest('a') || window.getSelection()?.toString()) return;
        onSelect(selected ? undefined : line.key);
      }}
    >
      <button
        type="button"
        className="log-toggle"
        aria-label={`${selected ? 'Collapse' : 'Expand'} line at ${formatLogTime(line.timeMs, timeZone)}`}
        onClick={(e) => {
          e.stopPropagation();
          onSelect(selected ? undefined : line.key);
        }}
      >
        {selected ? '▾' : '▸'}
      </button>
      <time className="log-time" dateTime={new Date(line.timeMs).toISOString()}>
        {formatLogTime(line.timeMs, timeZone)}
      </time>
      <span className="log-level">
        {LEVEL_TEXT[line.level]}
      </span>
      <span className="log-service" title={service}>
        {service}
      </span>
      <span className={wrap || pretty ? 'log-line wrapped' : 'log-line'}>
        <LogLineText line={line.line} regexes={regexes} pretty={pretty} />
      </span>
      {folded > 0 ? (
        <span className="log-folded" title={`${folded} duplicate lines folded into this one`}>
          ×{folded + 1}
        </span>
      ) : null}
      {traceUrl ? (
        <a
          className="log-trace-link"
          href={traceUrl}
          data-testid="log-trace-link"
          title={`Trace ${line.traceId}`}
          onClick={(e) => {
            // A plain click stays in the app; a middle or modified click opens a tab as any link does.
            if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
            e.preventDefault();
            onOpenLink(traceUrl);
          }}
        >
          trace
        </a>
      ) : null}
    </div>
  );
});
