import { useCallback, useLayoutEffect, useState } from 'react';

/** Where nothing lays out (jsdom), charts still draw at a sensible width. */
const FALLBACK_WIDTH = 600;

/**
 * The content width in pixels of the element given to the returned callback ref, following resizes
 * and re-mounts. Widths are rounded down to 8 px so a scrollbar appearing does not redraw every
 * chart; 0 until the first measurement.
 */
export function useElementWidth<T extends HTMLElement>(): [(el: T | null) => void, number] {
  const [element, setElement] = useState<T | null>(null);
  const [width, setWidth] = useState(0);
  const ref = useCallback((el: T | null) => setElement(el), []);
  useLayoutEffect(() => {
    if (!element) return undefined;
    const measure = () => {
      const w = element.clientWidth;
      setWidth(w > 0 ? Math.floor(w / 8) * 8 : FALLBACK_WIDTH);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [ref, width];
}
