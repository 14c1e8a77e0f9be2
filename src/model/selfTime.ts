import type { TraceTree } from './traceTree';

/**
 * Self time per row, in µs: the part of its duration not covered by any child, children clipped to the parent and
 * overlapping children counted once. Children follow their parent in start order (next sibling at subtreeEnd), so
 * one sweep per parent finds the union; each row is swept once as a child, O(n) overall.
 */
export function selfTimes(tree: TraceTree): Float64Array {
  const { size, subtreeEnd, startUs, durationUs } = tree;
  const self = new Float64Array(size);
  for (let p = 0; p < size; p++) {
    const start = startUs[p]!;
    const end = start + durationUs[p]!;
    // Invariant: [start, coveredTo) is already counted in `covered`; child starts never decrease.
    let coveredTo = start;
    let covered = 0;
    for (let c = p + 1; c < subtreeEnd[p]!; c = subtreeEnd[c]!) {
      const from = Math.max(startUs[c]!, coveredTo);
      const to = Math.min(startUs[c]! + durationUs[c]!, end);
      if (to > from) {
        covered += to - from;
        coveredTo = to;
      }
    }
    self[p] = durationUs[p]! - covered;
  }
  return self;
}
