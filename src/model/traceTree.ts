import { clockSkewShiftUs } from './clockSkew';
import { RowsBySpanId } from './rowsBySpanId';
import { serviceColorIndex } from './serviceColor';
import type { Span, SpanRefKind, Trace } from './trace';
import { normalizeSpans } from './traceNormalize';
import { resolveParents, RowFlag } from './traceParents';
import { agree, plural, pushTallies, WarningTally } from './traceWarnings';

export { RowFlag } from './traceParents';

export interface TraceService {
  name: string;
  /** Stable colour slot from the name alone (serviceColor.ts). */
  colorIndex: number;
}

/** A FOLLOWS_FROM parent, an extra CHILD_OF reference or a span link, from one row to a span here or elsewhere. */
export interface TraceReference {
  fromRow: number;
  /** The row it points at when that span is in this trace, else -1 (another trace, or a span not returned). */
  toRow: number;
  traceId: string;
  spanId: string;
  kind: SpanRefKind;
}

/**
 * A trace as equal-length columns indexed by row, rows in display order: depth-first pre-order, children after
 * their parent, siblings by (adjusted) start time then span ID, roots likewise. A subtree is the contiguous
 * range [row, subtreeEnd[row]). Built once per trace; nothing in it points back into mutable state.
 */
export interface TraceTree {
  traceId: string;
  /** Number of rows, synthetic "missing parent" rows included. */
  size: number;
  /** The span of each row: the input object, or a fixed copy when a field had to be repaired (never the input mutated). */
  spans: readonly Span[];
  /** Unique per row: the span ID, with `#2`, `#3` for later duplicates. Use it for React keys and selection. */
  keys: readonly string[];
  parent: Int32Array;
  depth: Int32Array;
  subtreeEnd: Int32Array;
  childCount: Int32Array;
  /** After the clock-skew adjustment. */
  startUs: Float64Array;
  durationUs: Float64Array;
  /** Adjusted minus reported start: the row's own skew shift plus its ancestors' (0 where no start was reported). */
  skewUs: Float64Array;
  /** Index into `services`; -1 only for synthetic rows, which belong to no service. */
  serviceIndex: Int32Array;
  /** Sorted by name. */
  services: readonly TraceService[];
  /** 1 where the span's status is error. */
  error: Uint8Array;
  /** RowFlag bits. */
  flags: Uint8Array;
  references: readonly TraceReference[];
  /** Row of the first span with each span ID (a duplicate ID resolves to the first, as children do). */
  rowBySpanId: ReadonlyMap<string, number>;
  /** The trace's own warnings (from the adapter), then one per kind of adjustment made here. */
  warnings: readonly string[];
}

/** A tree as built, from its structured clone (posted by the trace-file worker): the clone lost `rowBySpanId`'s methods. */
export function reviveTraceTree(cloned: TraceTree): TraceTree {
  return { ...cloned, rowBySpanId: RowsBySpanId.revive(cloned.rowBySpanId) };
}

/** Builds the columns from a trace without mutating it. Iterative throughout: a 100,000-deep chain is fine. */
export function buildTraceTree(trace: Trace): TraceTree {
  const normalized = normalizeSpans(trace.spans ?? [], trace.traceId);
  const links = resolveParents(normalized.spans);
  const { nodes, parentOf, topoOrder } = links;
  const total = nodes.length;
  const nodeFlags = links.flags;
  const skewed = new WarningTally((c) => `${plural(c, 'span')} lay outside ${agree(c, 'its parent (clock skew) and was', 'their parents (clock skew) and were')} shifted into ${agree(c, 'it', 'them')}`);

  // The fields the passes below need, read once in input order (the order the parser allocated the spans in,
  // so mostly sequential in memory); the passes then walk typed arrays in tree order instead of span objects.
  const nodeStart = new Float64Array(total);
  const nodeDuration = new Float64Array(total);
  const nodeError = new Uint8Array(total);
  // Service of each node as an index in first-seen order, -1 for synthetic nodes; sorted into name order below.
  const nodeService = new Int32Array(total);
  const firstSeenService = new Map<string, number>();
  for (let v = 0; v < total; v++) {
    const span = nodes[v]!;
    nodeStart[v] = span.startUs;
    nodeDuration[v] = span.durationUs;
    nodeError[v] = span.status === 'error' ? 1 : 0;
    if (span.synthetic !== undefined) {
      nodeService[v] = -1;
      continue;
    }
    let id = firstSeenService.get(span.service);
    if (id === undefined) firstSeenService.set(span.service, (id = firstSeenService.size));
    nodeService[v] = id;
  }

  // Topological order, so a parent's values are final before its children read them.
  // Invariant: shift[v] = shift[parent] + v's own skew shift, and adjStart[v] = reported start + shift[v]; a span
  // with no start sits at its parent's adjusted start and passes on only its parent's shift.
  const adjStart = new Float64Array(total);
  const shift = new Float64Array(total);
  for (let k = 0; k < total; k++) {
    const v = topoOrder[k]!;
    const p = parentOf[v]!;
    if (v < normalized.startMissing.length && normalized.startMissing[v] === 1) nodeFlags[v]! |= RowFlag.START_MISSING;
    if (p < 0) {
      adjStart[v] = nodeStart[v]!;
      continue;
    }
    if ((nodeFlags[v]! & RowFlag.START_MISSING) !== 0) {
      adjStart[v] = adjStart[p]!;
      shift[v] = shift[p]!;
      continue;
    }
    const start = nodeStart[v]! + shift[p]!;
    let own = 0;
    // Most children lie inside their parent: only the others need the skew rule (and its two small objects).
    const inside = start >= adjStart[p]! && start + nodeDuration[v]! <= adjStart[p]! + nodeDuration[p]!;
    if (!inside && (nodeFlags[p]! & RowFlag.SYNTHETIC) === 0) {
      const span = nodes[v]!;
      own = clockSkewShiftUs(
        { startUs: adjStart[p]!, durationUs: nodeDuration[p]!, kind: nodes[p]!.kind },
        { startUs: start, durationUs: nodeDuration[v]!, kind: span.kind },
        (nodeFlags[v]! & RowFlag.FOLLOWS_FROM) !== 0,
      );
      if (own !== 0) {
        nodeFlags[v]! |= RowFlag.SKEW_SHIFTED;
        skewed.add(span, `(by ${own > 0 ? '+' : ''}${Math.round(own)} µs)`);
      }
    }
    shift[v] = shift[p]! + own;
    adjStart[v] = start + own;
  }

  // Siblings in start order, then by span ID, then input order (so even duplicates have one order). Lists are
  // sorted in place, and only when out of order: adapters mostly hand spans over sorted, and a chain has none.
  const before = (a: number, b: number) => adjStart[a]! - adjStart[b]! || compareIds(nodes[a]!.spanId, nodes[b]!.spanId) || a - b;
  const children = links.children;
  for (let v = 0; v < total; v++) sortSlice(children.list, children.offsets[v]!, children.offsets[v + 1]!, before);
  const roots: number[] = [];
  for (let v = 0; v < total; v++) if (parentOf[v] === -1) roots.push(v);
  roots.sort(before);

  // Depth-first with an explicit stack; children pushed last-first so the first child pops next.
  // Invariant: rows are assigned in pre-order, so parent[row] < row and a node's descendants follow it without gaps.
  const rowOfNode = new Int32Array(total);
  const nodeOfRow = new Int32Array(total);
  const stack = new Int32Array(total);
  let top = 0;
  for (let k = roots.length - 1; k >= 0; k--) stack[top++] = roots[k]!;
  let nextRow = 0;
  while (top > 0) {
    const v = stack[--top]!;
    rowOfNode[v] = nextRow;
    nodeOfRow[nextRow++] = v;
    for (let k = children.offsets[v + 1]! - 1; k >= children.offsets[v]!; k--) stack[top++] = children.list[k]!;
  }

  const sortedNames = [...firstSeenService.keys()].sort(compareIds);
  const services = sortedNames.map((name) => ({ name, colorIndex: serviceColorIndex(name) }));
  const sortedIndexOf = new Int32Array(sortedNames.length);
  sortedNames.forEach((name, i) => (sortedIndexOf[firstSeenService.get(name)!] = i));

  const spans = new Array<Span>(total);
  const keys = new Array<string>(total);
  const parent = new Int32Array(total);
  const depth = new Int32Array(total);
  const childCount = new Int32Array(total);
  const startUs = new Float64Array(total);
  const durationUs = new Float64Array(total);
  const skewUs = new Float64Array(total);
  const serviceIndex = new Int32Array(total);
  const error = new Uint8Array(total);
  const flags = new Uint8Array(total);
  // Row order: parent[row] is already filled when row is reached, so depth[row] = depth[parent] + 1, roots 0.
  for (let row = 0; row < total; row++) {
    const v = nodeOfRow[row]!;
    const span = nodes[v]!;
    const p = parentOf[v]!;
    spans[row] = span;
    keys[row] = links.keys[v]!;
    parent[row] = p < 0 ? -1 : rowOfNode[p]!;
    depth[row] = p < 0 ? 0 : depth[parent[row]!]! + 1;
    childCount[row] = children.offsets[v + 1]! - children.offsets[v]!;
    startUs[row] = adjStart[v]!;
    durationUs[row] = nodeDuration[v]!;
    skewUs[row] = shift[v]!;
    serviceIndex[row] = nodeService[v]! < 0 ? -1 : sortedIndexOf[nodeService[v]!]!;
    error[row] = nodeError[v]!;
    flags[row] = nodeFlags[v]!;
  }

  // Reverse pre-order: a row's descendants all come after it, so they are done first. Until its turn,
  // subtreeEnd[row] sums its children's subtree sizes; then it becomes row + 1 + that sum, the exclusive end.
  const subtreeEnd = new Int32Array(total);
  for (let row = total - 1; row >= 0; row--) {
    subtreeEnd[row] = subtreeEnd[row]! + row + 1;
    const p = parent[row]!;
    if (p >= 0) subtreeEnd[p] = subtreeEnd[p]! + (subtreeEnd[row]! - row);
  }

  // The resolver's ID → first node map, read through rowOfNode: no second 100,000-entry map is written.
  const rowBySpanId = new RowsBySpanId(links.nodeBySpanId, rowOfNode);
  const references = collectReferences(spans, parent, flags, rowBySpanId, trace.traceId);

  const warnings = [...(trace.warnings ?? []), ...normalized.warnings, ...links.warnings];
  pushTallies(warnings, [skewed]);
  return {
    traceId: trace.traceId,
    size: total,
    spans,
    keys,
    parent,
    depth,
    subtreeEnd,
    childCount,
    startUs,
    durationUs,
    skewUs,
    serviceIndex,
    services,
    error,
    flags,
    references,
    rowBySpanId,
    warnings,
  };
}

function sortSlice(list: Int32Array, from: number, to: number, before: (a: number, b: number) => number): void {
  for (let k = from + 1; k < to; k++) {
    if (before(list[k - 1]!, list[k]!) > 0) {
      list.subarray(from, to).sort(before);
      return;
    }
  }
}

/** Plain code-unit order: deterministic in every locale, and span IDs are ASCII. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function collectReferences(
  spans: readonly Span[],
  parent: Int32Array,
  flags: Uint8Array,
  rowBySpanId: ReadonlyMap<string, number>,
  traceId: string,
): TraceReference[] {
  const ownTrace = traceId.toLowerCase();
  const references: TraceReference[] = [];
  for (let row = 0; row < spans.length; row++) {
    const span = spans[row]!;
    if ((flags[row]! & RowFlag.FOLLOWS_FROM) !== 0) {
      references.push({ fromRow: row, toRow: parent[row]!, traceId, spanId: span.parentSpanId ?? '', kind: 'follows_from' });
    }
    for (const link of span.links) {
      const sameTrace = typeof link.traceId === 'string' && link.traceId.toLowerCase() === ownTrace;
      const toRow = sameTrace ? (rowBySpanId.get(link.spanId) ?? -1) : -1;
      references.push({ fromRow: row, toRow, traceId: link.traceId, spanId: link.spanId, kind: link.kind ?? 'link' });
    }
  }
  return references;
}
