import { useEffect, useState } from 'react';

/**
 * True once `on` has stayed true for `delayMs`, false as soon as it is false. For indicators of work
 * that is usually quick: a spinner that would only flash for a moment is never shown.
 */
export function useDelayedFlag(on: boolean, delayMs: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!on) return undefined;
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => {
      clearTimeout(timer);
      setShown(false);
    };
  }, [on, delayMs]);
  return on && shown;
}
