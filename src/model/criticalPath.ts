import { RowFlag, type TraceTree } from './traceTree';

/** A stretch of time during which `row` itself (not a child it waits on) was what the trace waited for. */
export interface CriticalPathSegment {
  row: number;
  startUs: number;
  endUs: number;
}

/**
 * The critical path below `rootRow`, in time order, by Jaeger UI's definition: from the root's end walk back
 * into the last-finishing child, and from each span's start back into its parent, taking the parent's child that
 * finished last before that point. Children are first clipped to their parent and FOLLOWS_FROM children (which
 * the parent did not wait for) and children wholly outside it are left out, as Jaeger does. Iterative: each span
 * is entered at most once, so a cycle of zero-length spans cannot loop and a 100,000-deep chain cannot overflow.
 * A child ending exactly where the walk stands counts as finished before it (Jaeger uses `<`, which hands
 * back-to-back calls' time to the parent).
 */
export function criticalPath(tree: TraceTree, rootRow = 0): CriticalPathSegment[] {
  if (rootRow < 0 || rootRow >= tree.size) return [];
  const { parent, subtreeEnd, startUs, durationUs, flags } = tree;
  const first = rootRow;
  const last = subtreeEnd[rootRow]!;
  const span = last - first;

  // Pre-order from the root: a parent's clipped bounds are final before its children read them.
  // Invariant: for an included row, [clipStart, clipEnd] lies inside its parent's clipped bounds.
  const clipStart = new Float64Array(span);
  const clipEnd = new Float64Array(span);
  const excluded = new Uint8Array(span);
  clipStart[0] = startUs[rootRow]!;
  clipEnd[0] = startUs[rootRow]! + durationUs[rootRow]!;
  for (let row = first + 1; row < last; row++) {
    const i = row - first;
    const p = parent[row]! - first;
    const start = startUs[row]!;
    const end = start + durationUs[row]!;
    if (excluded[p] !== 0 || (flags[row]! & RowFlag.FOLLOWS_FROM) !== 0 || start > clipEnd[p]! || end < clipStart[p]!) {
      excluded[i] = 1;
      continue;
    }
    clipStart[i] = Math.max(start, clipStart[p]!);
    clipEnd[i] = Math.min(end, clipEnd[p]!);
  }

  // Each row's included children as one flat list, every slice sorted by clipped end, latest first.
  const offsets = new Int32Array(span + 1);
  for (let row = first + 1; row < last; row++) if (excluded[row - first] === 0) offsets[parent[row]! - first + 1]!++;
  for (let i = 0; i < span; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, span);
  const list = new Int32Array(offsets[span]!);
  for (let row = first + 1; row < last; row++) {
    if (excluded[row - first] === 0) list[fill[parent[row]! - first]!++] = row - first;
  }
  const byEndDesc = (a: number, b: number) => clipEnd[b]! - clipEnd[a]! || b - a;
  for (let i = 0; i < span; i++) if (offsets[i + 1]! - offsets[i]! > 1) list.subarray(offsets[i]!, offsets[i + 1]!).sort(byEndDesc);

  // The walk. Invariant: `bound` only falls while the walk stays at one row, so a child skipped for ending after
  // it can be skipped for good; `cursor[i]` is how far row i's list has been consumed.
  const cursor = offsets.slice(0, span);
  const visited = new Uint8Array(span);
  const segments: CriticalPathSegment[] = [];
  let cur = 0;
  let bound = clipEnd[0]!;
  visited[0] = 1;
  for (;;) {
    let next = -1;
    for (let k = cursor[cur]!; k < offsets[cur + 1]!; k++) {
      const c = list[k]!;
      if (visited[c] !== 0 || clipEnd[c]! > bound) continue;
      next = c;
      cursor[cur] = k + 1;
      break;
    }
    if (next < 0) cursor[cur] = offsets[cur + 1]!;
    if (next >= 0) {
      if (clipEnd[next]! < bound) segments.push({ row: cur + first, startUs: clipEnd[next]!, endUs: bound });
      visited[next] = 1;
      cur = next;
      bound = clipEnd[next]!;
      continue;
    }
    if (bound > clipStart[cur]!) segments.push({ row: cur + first, startUs: clipStart[cur]!, endUs: bound });
    if (cur === 0) break;
    bound = clipStart[cur]!;
    cur = parent[cur + first]! - first;
  }
  // Zero-length children can split one span's stretch in two; join what touches so each stretch is drawn once.
  const merged: CriticalPathSegment[] = [];
  for (let k = segments.length - 1; k >= 0; k--) {
    const s = segments[k]!;
    const prev = merged[merged.length - 1];
    if (prev !== undefined && prev.row === s.row && prev.endUs === s.startUs) prev.endUs = s.endUs;
    else merged.push(s);
  }
  return merged;
}

/** 1 for each row with at least one critical-path segment: what the waterfall marks. */
export function criticalPathRows(tree: TraceTree, segments: readonly CriticalPathSegment[]): Uint8Array {
  const marks = new Uint8Array(tree.size);
  for (const s of segments) marks[s.row] = 1;
  return marks;
}
