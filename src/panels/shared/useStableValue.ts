import { useRef } from 'react';

/**
 * `value`, or the one returned last time when `same` says they are equal: recomputed arrays and
 * objects (ticks, scales) keep their identity, so memoized children and Recharts' own settings, which
 * compare by reference, see no change and skip their work.
 */
export function useStableValue<T>(value: T, same: (a: T, b: T) => boolean): T {
  const held = useRef(value);
  if (held.current !== value && !same(held.current, value)) held.current = value;
  return held.current;
}
