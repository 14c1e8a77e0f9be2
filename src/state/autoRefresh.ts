import { useEffect } from 'react';

/**
 * Calls `onTick` every `intervalMs` (0 = off); the time scope passes its "refresh now". A wall screen
 * runs for weeks, so the timer and the listener are removed on unmount or when the interval changes.
 * While the tab is hidden, ticks are skipped (nobody sees them); the first one missed is made up as soon
 * as the tab is visible again. `onTick` should be stable, or the timer restarts on every change of it.
 */
export function useAutoRefresh(intervalMs: number, onTick: () => void, doc: Document = document): void {
  useEffect(() => {
    if (intervalMs <= 0) return undefined;
    let missed = false;
    const timer = setInterval(() => {
      if (doc.hidden) missed = true;
      else onTick();
    }, intervalMs);
    const onVisibility = () => {
      if (!doc.hidden && missed) {
        missed = false;
        onTick();
      }
    };
    doc.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      doc.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs, onTick, doc]);
}
