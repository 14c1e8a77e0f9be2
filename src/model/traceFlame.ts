import type { TraceTree } from './traceTree';

/**
 * The trace flame graph (an icicle over time, as Tempo's and Jaeger's "trace flamegraph"): one level per tree
 * depth, each span a box from its start to its end. Spans are grouped by level once per tree; what is drawn
 * for a time window and a width comes from `flameBoxes`, which merges spans too thin to see into one box.
 */
export interface FlameLayout {
  levelCount: number;
  /** Rows of level `d` are `rows[offsets[d]] … rows[offsets[d + 1] - 1]`, in start order (then display order). */
  offsets: Int32Array;
  rows: Int32Array;
  /** Per position in `rows`: the latest end among that level's rows up to here, so a search can stop early. */
  maxEndUs: Float64Array;
}

/** Groups rows by depth, each level in start order. O(n log n) at worst; O(n) when levels are already sorted. */
export function flameLayout(tree: TraceTree): FlameLayout {
  const { size, depth, startUs, durationUs } = tree;
  let levelCount = 0;
  for (let row = 0; row < size; row++) levelCount = Math.max(levelCount, depth[row]! + 1);
  // Counting sort by depth; rows go in display order, so each level starts in pre-order.
  const offsets = new Int32Array(levelCount + 1);
  for (let row = 0; row < size; row++) offsets[depth[row]! + 1]!++;
  for (let d = 0; d < levelCount; d++) offsets[d + 1]! += offsets[d]!;
  const fill = offsets.slice(0, levelCount);
  const rows = new Int32Array(size);
  for (let row = 0; row < size; row++) rows[fill[depth[row]!]!++] = row;
  const byStart = (a: number, b: number) => startUs[a]! - startUs[b]! || a - b;
  for (let d = 0; d < levelCount; d++) {
    const from = offsets[d]!;
    const to = offsets[d + 1]!;
    for (let k = from + 1; k < to; k++) {
      if (startUs[rows[k - 1]!]! > startUs[rows[k]!]!) {
        rows.subarray(from, to).sort(byStart);
        break;
      }
    }
  }
  const maxEndUs = new Float64Array(size);
  for (let d = 0; d < levelCount; d++) {
    let latest = -Infinity;
    for (let k = offsets[d]!; k < offsets[d + 1]!; k++) {
      const row = rows[k]!;
      latest = Math.max(latest, startUs[row]! + durationUs[row]!);
      maxEndUs[k] = latest;
    }
  }
  return { levelCount, offsets, rows, maxEndUs };
}

/** What the flame graph shows: an absolute time window (µs) over `widthPx`, and a range of levels. */
export interface FlameViewport {
  startUs: number;
  endUs: number;
  widthPx: number;
  firstLevel: number;
  /** Exclusive. */
  endLevel: number;
}

/** One box to draw: one span, or (`count` > 1) a merged box for spans each thinner than the minimum; `row` is its first. */
export interface FlameBox {
  level: number;
  x: number;
  width: number;
  row: number;
  count: number;
  /** Any span in the box has an error status. */
  error: boolean;
}

/** Boxes narrower than this (CSS px) are merged with their thin neighbours rather than drawn one by one. */
export const FLAME_MIN_BOX_PX = 2;

/**
 * The boxes to draw for a viewport, level by level, left to right. Spans outside the window are skipped;
 * spans narrower than FLAME_MIN_BOX_PX are gathered into merged boxes over the pixels they touch, so a level
 * with 100,000 thin spans draws at most one box per pixel. Cost: O(rows in the levels shown).
 */
export function flameBoxes(tree: TraceTree, layout: FlameLayout, view: FlameViewport): FlameBox[] {
  const out: FlameBox[] = [];
  const span = view.endUs - view.startUs;
  if (!(span > 0) || !(view.widthPx > 0)) return out;
  const scale = view.widthPx / span;
  const first = Math.max(0, view.firstLevel);
  const end = Math.min(layout.levelCount, view.endLevel);
  for (let level = first; level < end; level++) {
    // Invariant: `merged` (when set) covers the thin spans met since the last wide one, whose pixels touch.
    let merged: FlameBox | null = null;
    for (let k = layout.offsets[level]!; k < layout.offsets[level + 1]!; k++) {
      const row = layout.rows[k]!;
      const start = tree.startUs[row]!;
      if (start > view.endUs) break;
      const stop = start + tree.durationUs[row]!;
      // Visible when it overlaps the window; a zero-length span when it lies inside it (edges included).
      if (stop < view.startUs || (stop > start && (stop === view.startUs || start === view.endUs))) continue;
      const x0 = (Math.max(start, view.startUs) - view.startUs) * scale;
      const x1 = (Math.min(stop, view.endUs) - view.startUs) * scale;
      const isError = tree.error[row] === 1;
      if (x1 - x0 >= FLAME_MIN_BOX_PX) {
        if (merged !== null) out.push(merged);
        merged = null;
        out.push({ level, x: x0, width: x1 - x0, row, count: 1, error: isError });
        continue;
      }
      const px0 = Math.floor(x0);
      const px1 = Math.max(px0 + 1, Math.ceil(x1));
      if (merged !== null && px0 <= merged.x + merged.width) {
        merged.width = Math.max(merged.width, px1 - merged.x);
        merged.count++;
        merged.error ||= isError;
      } else {
        if (merged !== null) out.push(merged);
        merged = { level, x: px0, width: px1 - px0, row, count: 1, error: isError };
      }
    }
    if (merged !== null) out.push(merged);
  }
  return out;
}

/**
 * The row drawn at time `timeUs` on `level` (the last in start order whose span contains it, as it is drawn on
 * top), or -1. `slackUs` widens each span by that much either side, so a 1 px sliver can still be hovered.
 */
export function flameHit(tree: TraceTree, layout: FlameLayout, level: number, timeUs: number, slackUs = 0): number {
  if (!(level >= 0 && level < layout.levelCount)) return -1;
  const from = layout.offsets[level]!;
  // Binary search: the last position whose start ≤ timeUs + slack.
  let lo = from;
  let hi = layout.offsets[level + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tree.startUs[layout.rows[mid]!]! <= timeUs + slackUs) lo = mid + 1;
    else hi = mid;
  }
  // Walk back while an earlier span could still reach timeUs (maxEndUs says when none can).
  for (let k = lo - 1; k >= from && layout.maxEndUs[k]! >= timeUs - slackUs; k--) {
    const row = layout.rows[k]!;
    if (tree.startUs[row]! + tree.durationUs[row]! >= timeUs - slackUs) return row;
  }
  return -1;
}
