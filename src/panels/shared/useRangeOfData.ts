import { useState } from 'react';
import type { TimeRange } from '../../model/time';

/**
 * The range a panel should draw: the one current when its data last changed. On a refresh tick the
 * range moves at once but the new data comes later; drawing the old data against the new range would
 * shift every line, then shift it back, rendering each chart twice. This keeps data and axis together.
 * (State set during render when the data changes, not a ref: see useStableValue.)
 */
export function useRangeOfData(data: unknown, range: TimeRange): TimeRange {
  const [held, setHeld] = useState(() => ({ data, range }));
  if (held.data !== data) {
    setHeld({ data, range });
    return range;
  }
  return held.range;
}
