import { useEffect, useState } from 'react';

/**
 * Whole seconds that `waiting` has been true, once that is at least `afterMs`; undefined before that
 * and as soon as it is false. It ticks once a second only while shown, so a page of settled panels
 * runs no timers.
 */
export function useWaitingSeconds(waiting: boolean, afterMs: number): number | undefined {
  const [seconds, setSeconds] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (!waiting) return undefined;
    const start = Date.now();
    const tick = () => setSeconds(Math.floor((Date.now() - start) / 1000));
    let interval: ReturnType<typeof setInterval> | undefined;
    const timer = setTimeout(() => {
      tick();
      interval = setInterval(tick, 1000);
    }, afterMs);
    return () => {
      clearTimeout(timer);
      if (interval !== undefined) clearInterval(interval);
      setSeconds(undefined);
    };
  }, [waiting, afterMs]);
  return waiting ? seconds : undefined;
}
