import { useState } from 'react';

/**
 * `value`, or the one returned last time when `same` says they are equal: recomputed arrays and
 * objects (ticks, scales) keep their identity, so memoized children and Recharts' own settings, which
 * compare by reference, see no change and skip their work.
 *
 * The last value is state, updated during render only when it really changes (React's "storing
 * information from previous renders"): unlike a ref written during render, a render React throws away
 * cannot leave a value behind that no committed render showed.
 */
export function useStableValue<T>(value: T, same: (a: T, b: T) => boolean): T {
  const [held, setHeld] = useState(() => value);
  if (held !== value && !same(held, value)) {
    setHeld(() => value);
    return value;
  }
  return held;
}
