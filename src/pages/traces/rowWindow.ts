import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** The slice of rows to draw: `[first, last)` of the visible-row list. */
export interface RowWindow {
  first: number;
  last: number;
  /** Scrolls the box so row `index` is in view, moving as little as possible (nothing when it already is). */
  scrollToRow: (index: number) => void;
}

interface Viewport {
  top: number;
  height: number;
}

/** Which rows `[first, last)` a box of `height` px scrolled to `top` shows, with `overscan` rows either side. */
export function windowOf(top: number, height: number, count: number, rowHeight: number, overscan: number): { first: number; last: number } {
  const first = Math.max(0, Math.min(count, Math.floor(top / rowHeight) - overscan));
  const last = Math.max(first, Math.min(count, Math.ceil((top + height) / rowHeight) + overscan));
  return { first, last };
}

/**
 * Windowing for rows of one fixed height: O(rows drawn) per scroll, nothing per row of the list. (A general
 * virtualizer measures every item: an object and a key per row, rebuilt whenever the list changes, which at
 * 100,000 rows cost more than drawing them.) A scroll re-renders synchronously, so the frame that paints the
 * new scroll position paints its rows too, rather than a blank overscan one frame later.
 */
export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number): RowWindow {
  const [view, setView] = useState<Viewport>({ top: 0, height: 0 });
  // Set while we scroll the box ourselves from an effect, where a synchronous flush is not allowed.
  const programmatic = useRef(false);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el === null) return;
    const read = () => {
      const top = el.scrollTop;
      const height = el.clientHeight;
      setView((v) => (v.top === top && v.height === height ? v : { top, height }));
    };
    read();
    const onScroll = () => (programmatic.current ? read() : flushSync(read));
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(read);
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize?.disconnect();
    };
  }, [scrollRef]);

  const scrollToRow = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (el === null || index < 0) return;
      const top = index * rowHeight;
      const bottom = top + rowHeight;
      let to: number | undefined;
      if (top < el.scrollTop) to = top;
      else if (bottom > el.scrollTop + el.clientHeight) to = bottom - el.clientHeight;
      if (to === undefined) return;
      programmatic.current = true;
      try {
        el.scrollTo({ top: to });
      } finally {
        programmatic.current = false;
      }
      setView({ top: el.scrollTop, height: el.clientHeight });
    },
    [scrollRef, rowHeight],
  );

  return { ...windowOf(view.top, view.height, count, rowHeight, overscan), scrollToRow };
}
