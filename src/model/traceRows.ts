import type { AttrValue } from './trace';
import type { TraceTree } from './traceTree';

/**
 * The rows shown, in display order, when the rows in `collapsed` hide their descendants. A collapsed row's
 * subtree is the contiguous range up to subtreeEnd, so it is skipped in one step: O(visible rows + collapsed).
 */
export function visibleRows(tree: TraceTree, collapsed: ReadonlySet<number>): Int32Array {
  const out = new Int32Array(tree.size);
  let count = 0;
  // Invariant: every row before `row` is either in out[0 … count) or inside a collapsed, visible row's subtree.
  for (let row = 0; row < tree.size; ) {
    out[count++] = row;
    row = collapsed.has(row) ? tree.subtreeEnd[row]! : row + 1;
  }
  return out.slice(0, count);
}

/** Every row with children collapsed: only the roots stay visible. */
export function collapseAll(tree: TraceTree): Set<number> {
  const collapsed = new Set<number>();
  for (let row = 0; row < tree.size; row++) if (tree.childCount[row]! > 0) collapsed.add(row);
  return collapsed;
}

export function expandAll(): Set<number> {
  return new Set<number>();
}

/** Jaeger's "expand one level": opens each collapsed row that is visible, i.e. the topmost collapsed row of each branch. */
export function expandOneLevel(tree: TraceTree, collapsed: ReadonlySet<number>): Set<number> {
  const next = new Set(collapsed);
  for (const row of visibleRows(tree, collapsed)) if (collapsed.has(row)) next.delete(row);
  return next;
}

/** Jaeger's "collapse one level": closes the deepest open parent of each visible branch. */
export function collapseOneLevel(tree: TraceTree, collapsed: ReadonlySet<number>): Set<number> {
  const next = new Set(collapsed);
  // Invariant: `open` is the latest visible open parent with no visible open parent below it so far.
  let open = -1;
  for (const row of visibleRows(tree, collapsed)) {
    if (open >= 0 && tree.depth[row]! <= tree.depth[open]!) {
      next.add(open);
      open = -1;
    }
    if (tree.childCount[row]! > 0 && !collapsed.has(row)) open = row;
  }
  if (open >= 0) next.add(open);
  return next;
}

/** Opens every collapsed ancestor of `row` so it is visible (a `?span=` deep link, a find match). */
export function revealRow(tree: TraceTree, collapsed: ReadonlySet<number>, row: number): Set<number> {
  const next = new Set(collapsed);
  for (let p = tree.parent[row] ?? -1; p >= 0; p = tree.parent[p]!) next.delete(p);
  return next;
}

/**
 * Rows whose span name, service, span ID, or an attribute or resource attribute key or value contains `query`,
 * ignoring case, in display order. An empty query matches nothing.
 */
export function findRows(tree: TraceTree, query: string): Int32Array {
  const needle = query.trim().toLowerCase();
  if (needle === '') return new Int32Array(0);
  const has = (text: string) => text.toLowerCase().includes(needle);
  const out: number[] = [];
  for (let row = 0; row < tree.size; row++) {
    const span = tree.spans[row]!;
    if (has(span.name) || has(span.service) || has(span.spanId) || attrsMatch(span.attributes, has) || attrsMatch(span.resource, has)) {
      out.push(row);
    }
  }
  return Int32Array.from(out);
}

function attrsMatch(attrs: Readonly<Record<string, AttrValue>>, has: (text: string) => boolean): boolean {
  for (const key in attrs) {
    if (has(key)) return true;
    // Values may be nested arrays; an explicit stack, as everywhere in the trace model.
    const stack: (AttrValue | undefined)[] = [attrs[key]];
    while (stack.length > 0) {
      const v = stack.pop();
      if (Array.isArray(v)) for (const item of v) stack.push(item);
      else if (v !== undefined && has(String(v))) return true;
    }
  }
  return false;
}

/**
 * Row indexes are positions in one built tree; state that outlives it (a refetch, a rebuilt tree) is kept by row
 * key instead. These two translate, in O(n).
 */
export function keysOfRows(tree: TraceTree, rows: Iterable<number>): Set<string> {
  const keys = new Set<string>();
  for (const row of rows) {
    const key = tree.keys[row];
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

export function rowsOfKeys(tree: TraceTree, keys: ReadonlySet<string>): Set<number> {
  const rows = new Set<number>();
  if (keys.size === 0) return rows;
  for (let row = 0; row < tree.size; row++) if (keys.has(tree.keys[row]!)) rows.add(row);
  return rows;
}
