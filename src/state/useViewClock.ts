import { useCallback, useEffect, useState } from 'react';

export type Clock = () => number;

interface ViewClockState {
  view: string;
  tick: number;
  now: number;
}

export interface ViewClock {
  /** One clock reading shared by everything that renders in the view. */
  now: number;
  tick: number;
  /** Bumps the tick and reads the clock again. */
  refreshNow: () => void;
}

/**
 * When a time scope reads the clock: when a view is entered (`viewKey` changes: a navigation, Back or
 * Forward, a new range), when the tab becomes visible after being hidden, and on each refresh. Between
 * those, every render gets the same reading, so every panel of a view asks for the same range.
 * `clock` must be stable (a module function), or `refreshNow` changes on every render.
 */
export function useViewClock(viewKey: string, clock: Clock, doc: Document): ViewClock {
  const [state, setState] = useState<ViewClockState>(() => ({ view: viewKey, tick: 0, now: clock() }));
  let current = state;
  if (state.view !== viewKey) {
    // Adjusting state while rendering (React's pattern for "state from a changed prop"): the view's very
    // first render, and so its first queries, already ask for the present instead of a stale range.
    current = { view: viewKey, tick: state.tick, now: clock() };
    setState(current);
  }

  const refreshNow = useCallback(() => {
    const now = clock();
    setState((s) => ({ ...s, tick: s.tick + 1, now }));
  }, [clock]);

  useEffect(() => {
    let wasHidden = doc.hidden;
    const onVisibility = () => {
      if (doc.hidden) {
        wasHidden = true;
      } else if (wasHidden) {
        wasHidden = false;
        const now = clock();
        setState((s) => ({ ...s, now }));
      }
    };
    doc.addEventListener('visibilitychange', onVisibility);
    return () => doc.removeEventListener('visibilitychange', onVisibility);
  }, [clock, doc]);

  return { now: current.now, tick: current.tick, refreshNow };
}
