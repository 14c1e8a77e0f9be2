import { useEffect } from 'react';
import { bumpRefreshTick } from './refreshTick';

/**
 * Bumps the refresh tick every `intervalMs` (0 = off). A wall screen runs for weeks, so the timer and the
 * listener are removed on unmount or when the interval changes. While the tab is hidden, ticks are
 * skipped (nobody sees them); the first one missed is made up as soon as the tab is visible again.
 */
export function useAutoRefresh(intervalMs: number, doc: Document = document): void {
  useEffect(() => {
    if (intervalMs <= 0) return undefined;
    let missed = false;
    const timer = setInterval(() => {
      if (doc.hidden) missed = true;
      else bumpRefreshTick();
    }, intervalMs);
    const onVisibility = () => {
      if (!doc.hidden && missed) {
        missed = false;
        bumpRefreshTick();
      }
    };
    doc.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      doc.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs, doc]);
}
