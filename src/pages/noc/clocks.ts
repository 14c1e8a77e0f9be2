import { useEffect, useState } from 'react';
import { playlistIndex } from './nocParams';

/** A once-a-second reading of both clocks: the wall clock for display, the monotonic one for staleness. */
export function useSecondClock(): { wall: number; mono: number } {
  const [now, setNow] = useState(() => ({ wall: Date.now(), mono: performance.now() }));
  useEffect(() => {
    const id = window.setInterval(() => setNow({ wall: Date.now(), mono: performance.now() }), 1000);
    return () => window.clearInterval(id);
  }, []);
  return now;
}

/**
 * The playlist screen to show, changed by a timer set for the next switch (on the monotonic clock, from the
 * playlist's start), not by a clock ticking every second: the page around it re-renders once per screen, and
 * a dashboard on the wall is not re-rendered every second for nothing.
 */
export function usePlaylistIndex(count: number, intervalMs: number): number {
  const [startedMono] = useState(() => performance.now());
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (count <= 1) return undefined;
    let id = 0;
    const schedule = () => {
      const elapsed = performance.now() - startedMono;
      // 1 ms past the boundary, so the reading lands in the next screen's slot.
      id = window.setTimeout(() => {
        setIndex(playlistIndex(count, intervalMs, performance.now() - startedMono));
        schedule();
      }, intervalMs - (elapsed % intervalMs) + 1);
    };
    schedule();
    return () => window.clearTimeout(id);
  }, [count, intervalMs, startedMono]);
  return count <= 1 ? 0 : index % count;
}

/**
 * A monotonic reading (`performance.now()`) that moves only when asked to: at `at`, the next moment something
 * shown depends on the time (a tile turning STALE, a STALE tile's age reaching its next second). A board that is
 * fresh is not re-rendered every second for nothing; one that is STALE ticks once a second. `undefined`: nothing
 * changes with time alone. The reading is at least `at` (a timer may fire a fraction of a ms early against
 * `performance.now()`), so the moment asked for is always reached and the next one is asked for.
 */
export function useMonotonicWake(at: number | undefined): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (at === undefined) return undefined;
    const id = window.setTimeout(() => setNow(Math.max(performance.now(), at)), Math.max(0, at - performance.now()));
    return () => window.clearTimeout(id);
  }, [at]);
  return now;
}
