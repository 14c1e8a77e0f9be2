import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { CrossLink } from '../../model/correlations';
import type { LogLine } from '../../model/logs';
import { LEVEL_COLORS, LEVEL_TEXT } from './levels';
import { lineNodes } from './LogLineText';
import { serviceOf } from './serviceOf';
import { formatLogTime, type TimeZoneMode } from './timeFormat';

export const LOG_ROW_HEIGHT = 22;
// Rows are rendered in the scroll event, before the frame paints: a few either side hide nothing more.
const OVERSCAN = 5;

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
  /**
   * The query these lines answer once not busy, as `data-query`: a test or bench that has just changed the
   * URL waits for the list to name the new query, not for a not-busy list the new query has not reached yet.
   */
  query?: string;
  /** A line's trace link (the correlator's `traceOfLogLine`); stable per datasource, as rows are memoized on it. */
  traceLink?: (line: LogLine) => CrossLink | undefined;
  /** Said inside the list when it has no line (and is not loading): why, and what to try. */
  empty?: ReactNode;
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
  // We use no React Compiler; the rule only warns that the compiler would skip this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LOG_ROW_HEIGHT,
    getItemKey: itemKey,
    overscan: OVERSCAN,
  });

  // Rows are one fixed height except the selected one and every row when wrapped or prettified: only those
  // are measured. A measured size sticks to its key, so a change of what is measured forgets them all
  // (measuring all 100,000 lines' rows would re-lay the whole list for every row that scrolls in).
  const variable = props.wrap || props.prettyJson;
  const measuredFor = useRef({ variable, selectedKey: props.selectedKey });
  const last = measuredFor.current;
  // Forgotten here, before this render reads the rows' places, not in an effect after it: the rows measured in
  // this commit must land in the emptied cache, not be wiped by a reset that follows them (rows are placed by
  // these sizes, so a lost size draws the rows after a selected line over its details). Not on mount: nothing
  // has been measured yet, and a reset would lay out all the lines a second time.
  if (last.variable !== variable || last.selectedKey !== props.selectedKey) {
    measuredFor.current = { variable, selectedKey: props.selectedKey };
    virtualizer.measure();
  }
  // A new ref per reset: React calls it again for every measured row in the commit, so the rows that were
  // measured before (the selected one when wrap is switched) are measured again, not only the newly attached.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const measureRow = useCallback((el: HTMLElement | null) => virtualizer.measureElement(el), [virtualizer, variable, props.selectedKey]);

  // Keyboard: the lines are a tree of one level, each line an item that expands into its details. One line is
  // in the Tab order (roving tabindex): the last one focused or clicked while it is drawn, else the first in view.
  // Arrow keys move between lines, Enter, Space and the left and right arrows open and close one. A toggle
  // button per row did the same for Tab, at 2 ms a frame of a fast scroll (a dozen buttons mounted a frame).
  const listId = useId();
  const [activeKey, setActiveKey] = useState<string | undefined>();
  const focusPending = useRef<{ index: number; key: string } | undefined>(undefined);
  const onFocus = useCallback(
    (e: { target: EventTarget }) => {
      const el = e.target as HTMLElement;
      if (el.classList.contains('log-item')) setActiveKey(lines[Number(el.dataset.index)]?.key);
    },
    [lines],
  );
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = e.target as HTMLElement;
    // Keys inside a line's details (its buttons, links, the context lines) are theirs.
    if (!el.classList.contains('log-item')) return;
    const index = Number(el.dataset.index);
    const line = lines[index];
    if (line === undefined) return;
    const open = line.key === props.selectedKey;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / LOG_ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page, Home: 0, End: lines.length - 1 };
    if (e.key in moves) {
      const to = Math.min(lines.length - 1, Math.max(0, moves[e.key]!));
      e.preventDefault();
      focusPending.current = { index: to, key: lines[to]!.key };
      setActiveKey(lines[to]!.key);
      virtualizer.scrollToIndex(to, { align: 'auto' });
    } else if (e.key === 'Enter' || e.key === ' ' || (e.key === 'ArrowRight' && !open) || (e.key === 'ArrowLeft' && open)) {
      e.preventDefault();
      props.onSelect(open ? undefined : line.key);
    }
  };
  // The line a key moved to takes the focus once it is drawn (at once, or after the scroll that brings it in).
  useLayoutEffect(() => {
    const want = focusPending.current;
    if (want === undefined) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`.log-item[data-index="${want.index}"]`);
    if (!el || lines[want.index]?.key !== want.key) return;
    focusPending.current = undefined;
    el.focus({ preventScroll: true });
  });

  useEffect(() => {
    if (!scrollTo) return;
    const index = lines.findIndex((l) => l.key === scrollTo.key);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
    // Only a new request scrolls: new lines arriving must not jump back to the selection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollTo]);

  const items = virtualizer.getVirtualItems();
  const tabbableKey = items.some((item) => lines[item.index]!.key === activeKey) ? activeKey : firstInView(items, virtualizer.scrollOffset ?? 0, lines);
  return (
    <div className={`log-list${props.wrap ? ' wrap' : ''}${props.prettyJson ? ' pretty' : ''}`} ref={scrollRef} data-testid="log-list" data-query={props.query} aria-busy={props.busy === true}>
      {lines.length === 0 && props.busy !== true && props.empty !== undefined ? (
        <div className="log-list-empty" data-testid="log-list-empty">
          {props.empty}
        </div>
      ) : null}
      <div className="log-rows" role="tree" aria-label="Log lines" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown} onFocus={onFocus}>
        {items.map((item) => {
          const line = lines[item.index]!;
          const selected = line.key === props.selectedKey;
          const rowId = `${listId}-${lineIdOf(line)}`;
          return (
            <div
              // Keyed by line, each row at its own offset: a row that stays in view across a scroll keeps its
              // element and its place in the rows' layer, so the browser repaints and rasterizes only the rows
              // that came in. (Rows stacked in one translated window all moved within it whenever the first
              // row changed: every frame repainted every row.)
              key={item.key}
              data-index={item.index}
              ref={variable || selected ? measureRow : undefined}
              role="treeitem"
              aria-expanded={selected}
              aria-posinset={item.index + 1}
              aria-setsize={lines.length}
              // Named by its row alone: by content, an open line's name would take in all of its details.
              aria-labelledby={rowId}
              tabIndex={line.key === tabbableKey ? 0 : -1}
              className="log-item"
              style={{ top: item.start }}
            >
              {selected && props.renderAbove ? props.renderAbove(line) : null}
              <LogRow
                id={rowId}
                line={line}
                selected={selected}
                wrap={props.wrap}
                timeZone={props.timeZone}
                regexes={props.regexes}
                pretty={props.prettyJson}
                folded={props.folded.get(line.key) ?? 0}
                onSelect={props.onSelect}
                onOpenLink={openLink}
                traceLink={props.traceLink}
              />
              {selected && props.renderDetails ? props.renderDetails(line) : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}

// A number per line object for its row's element ID (what its item is labelled by). Not the line's index, which
// every line arriving at the top of a tail shifts (every memoized row would re-render), nor its key, which can hold
// spaces (an ID reference cannot).
const lineIds = new WeakMap<LogLine, number>();
let lastLineId = 0;
function lineIdOf(line: LogLine): number {
  let id = lineIds.get(line);
  if (id === undefined) lineIds.set(line, (id = ++lastLineId));
  return id;
}

/** The key of the first line drawn at or below the top of the view (the overscan draws a few above it). */
function firstInView(items: readonly { index: number; start: number }[], scrollOffset: number, lines: readonly LogLine[]): string | undefined {
  const item = items.find((i) => i.start >= scrollOffset) ?? items[0];
  return item === undefined ? undefined : lines[item.index]!.key;
}

interface LogRowProps {
  id: string;
  line: LogLine;
  selected: boolean;
  wrap: boolean;
  timeZone: TimeZoneMode;
  regexes: readonly RegExp[];
  pretty: boolean;
  folded: number;
  onSelect: (key: string | undefined) => void;
  onOpenLink: (href: string) => void;
  traceLink?: ((line: LogLine) => CrossLink | undefined) | undefined;
}

/** Characters of the service column; a longer name is cut with an ellipsis (its row's title says it all). */
const SERVICE_CHARS = 15;
/** The level column: six characters, the level text and its padding (the longest level text and a space). */
const LEVEL_CELL = Object.fromEntries(Object.entries(LEVEL_TEXT).map(([level, text]) => [level, text + ' '.repeat(Math.max(1, 6 - text.length))])) as Record<LogLine['level'], string>;

/** The service as the column draws it: at most SERVICE_CHARS, then padded (in `text`) so the line starts at the same place. */
function serviceColumn(service: string): { text: string; cut: boolean } {
  const chars = service.length > SERVICE_CHARS ? [...service] : undefined;
  const cut = chars !== undefined && chars.length > SERVICE_CHARS;
  const text = cut ? `${chars.slice(0, SERVICE_CHARS - 1).join('')}…` : service;
  return { text: text + ' '.repeat(Math.max(1, SERVICE_CHARS + 1 - (cut ? SERVICE_CHARS : (chars?.length ?? service.length)))), cut };
}

/**
 * One line. Unwrapped (the fixed-height rows a scroll draws by the dozen per frame), the row is one line of
 * monospace text: the columns are inline runs padded with spaces to fixed character widths, so a row is laid
 * out as a single paragraph instead of five flex cells each with its own layout and clip. Wrapped or
 * prettified, the same elements are flex cells (the spaces that end them collapse), so a wrapped line keeps
 * its own column. The duplicate count and trace link sit at the row's right edge either way.
 * Each cell holds one string (its padding included; the time's gap is a margin, so its text is the time
 * alone), and a plain line is one string too: React sets an element's lone text directly, with no text node or
 * component of its own to create. A scroll at a screen a frame mounts a dozen rows a frame, and a row had
 * twice the React work with the pads and the line's text as nodes of their own.
 */
export const LogRow = memo(function LogRow({ id, line, selected, wrap, timeZone, regexes, pretty, folded, onSelect, onOpenLink, traceLink }: LogRowProps) {
  // No trace datasource: no link in the row (the details say why).
  const trace = traceLink?.(line);
  const traceUrl = trace?.available ? trace.href : undefined;
  const service = serviceColumn(serviceOf(line));
  const time = formatLogTime(line.timeMs, timeZone);
  return (
    <div
      id={id}
      className={selected ? 'log-row selected' : 'log-row'}
      data-testid="log-row"
      data-key={line.key}
      data-level={line.level}
      // One custom property colours the level bar (a box-shadow: no element of its own) and the level text.
      style={{ '--level-color': LEVEL_COLORS[line.level] } as CSSProperties}
      onClick={(e) => {
        // A click on the trace link (or a selection drag) is not a toggle.
        if ((e.target as HTMLElement).closest('a') || window.getSelection()?.toString()) return;
        onSelect(selected ? undefined : line.key);
      }}
    >
      <time className="log-time" dateTime={new Date(line.timeMs).toISOString()}>
        {time}
      </time>
      <span className="log-level">{LEVEL_CELL[line.level]}</span>
      <span className="log-service" title={service.cut ? serviceOf(line) : undefined}>
        {service.text}
      </span>
      <span className={wrap || pretty ? 'log-line wrapped' : 'log-line'}>{lineNodes(line.line, regexes, pretty)}</span>
      {folded > 0 || traceUrl ? (
        <span className="log-row-end">
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
              data-link-kind="log-trace"
              title={`Trace ${line.traceId} in ${trace?.available ? trace.datasourceName : ''}`}
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
        </span>
      ) : null}
    </div>
  );
});
