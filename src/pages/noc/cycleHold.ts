import { useEffect, useState } from 'react';

/**
 * A refresh cycle's answers, shown together. While `busy` (some of the cycle's queries still out), the value
 * shown stays the one from before the cycle, and the whole cycle lands in one render when the last answer is
 * in: the board's queries answer one by one (one per signal), and each answer would otherwise re-grade and
 * redraw every tile (about 3 redraws of the whole board per refresh, the bulk of `noc.refresh_main_thread_ms`).
 * A cycle with a slow query is held at most `maxMs`; after that every answer shows as it comes, so one slow
 * signal delays the others by no more than that.
 */
export function useCycleHold<T>(value: T, busy: boolean, maxMs: number): T {
  const [shown, setShown] = useState(value);
  const [expired, setExpired] = useState(false);
  const [wasBusy, setWasBusy] = useState(busy);
  // Adjusting state while rendering: a new busy period starts with its hold not yet expired.
  if (busy !== wasBusy) {
    setWasBusy(busy);
    if (busy) setExpired(false);
  }
  useEffect(() => {
    if (!busy) return undefined;
    const id = window.setTimeout(() => setExpired(true), maxMs);
    return () => window.clearTimeout(id);
  }, [busy, maxMs]);
  const follow = !busy || (expired && wasBusy === busy);
  if (follow && shown !== value) setShown(value);
  return follow ? value : shown;
}
