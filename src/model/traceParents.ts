import type { Span } from './trace';
import { agree, plural, pushTallies, WarningTally } from './traceWarnings';

/** Bits of `TraceTree.flags`: what the model did to a row, so the span detail can say so. */
export const RowFlag = {
  /** A row the model invented: the stand-in for a missing parent. */
  SYNTHETIC: 1,
  /** Shares its span ID with an earlier span; kept as its own row, and children attach to the first. */
  DUPLICATE_ID: 2,
  /** Its parent was missing from the trace; it sits under a synthetic row. */
  ORPHAN: 4,
  /** Named itself as its parent; shown as a root. */
  SELF_PARENT: 8,
  /** A cycle in parent references was broken here; shown as a root. */
  CYCLE_BROKEN: 16,
  /** Its parent reference is FOLLOWS_FROM: the parent did not wait for it. */
  FOLLOWS_FROM: 32,
  /** Shifted by the clock-skew adjustment (its own shift, not one inherited from an ancestor). */
  SKEW_SHIFTED: 64,
  /** It had no start time; the model placed it at its parent's start. */
  START_MISSING: 128,
} as const;

/** A child list per node, as one flat array: children of `p` are `list[offsets[p]] … list[offsets[p + 1] - 1]`. */
export interface ChildLists {
  offsets: Int32Array;
  list: Int32Array;
}

/** Fills the child lists in the order `order` visits the nodes, so sorting `order` sorts every list at once. */
export function childLists(parentOf: Int32Array, order: Int32Array): ChildLists {
  const count = parentOf.length;
  const offsets = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) {
    const p = parentOf[i]!;
    if (p >= 0) offsets[p + 1]!++;
  }
  for (let i = 0; i < count; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, count);
  const list = new Int32Array(offsets[count]!);
  for (let k = 0; k < order.length; k++) {
    const node = order[k]!;
    const p = parentOf[node]!;
    if (p >= 0) list[fill[p]!++] = node;
  }
  return { offsets, list };
}

export interface ParentLinks {
  /** The normalized input spans in input order, then one synthetic span per missing parent ID. */
  nodes: Span[];
  /** Node index of each node's parent, -1 for a root; after this step every node is reachable from a root. */
  parentOf: Int32Array;
  flags: Uint8Array;
  /** A key per node, unique in the trace: the span ID, with `#2`, `#3`… for later spans that repeat one. */
  keys: string[];
  /** Every node once, each after its parent (breadth first). */
  topoOrder: Int32Array;
  /** Children of each node, in input order. */
  children: ChildLists;
  /** The node of the first span with each span ID; synthetic nodes are not in it. */
  nodeBySpanId: Map<string, number>;
  warnings: string[];
}

/**
 * Resolves parent references into node indexes and makes them a forest: duplicates stay apart, self-parents and
 * cycles become roots, orphans go under a synthetic "missing parent" span per missing ID. Never mutates `spans`.
 */
export function resolveParents(spans: readonly Span[]): ParentLinks {
  const n = spans.length;
  const duplicates = new WarningTally((c) => `${plural(c, 'span')} repeated an earlier span ID; each is kept as its own row and children attach to the first`);
  const selfParents = new WarningTally((c) => `${plural(c, 'span')} ${agree(c, 'named itself as its parent and is shown as a root', 'named themselves as their parent and are shown as roots')}`);
  const orphans = new WarningTally((c) => `${plural(c, 'span')} referenced a parent missing from the trace and ${agree(c, 'is', 'are')} shown under a "missing parent" row`);
  const cycles = new WarningTally((c) => `${plural(c, 'cycle')} in parent references broken, each at the span shown as a root`);

  const firstOfId = new Map<string, number>();
  const repeats = new Map<string, number>();
  const keys: string[] = new Array<string>(n);
  const flagsReal = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const id = spans[i]!.spanId;
    if (firstOfId.get(id) === undefined) {
      firstOfId.set(id, i);
      keys[i] = id;
    } else {
      const seen = (repeats.get(id) ?? 1) + 1;
      repeats.set(id, seen);
      keys[i] = `${id}#${seen}`;
      flagsReal[i]! |= RowFlag.DUPLICATE_ID;
      duplicates.add(spans[i]!);
    }
  }

  // Missing parent IDs in order of first mention, each becoming one synthetic node after the real ones.
  const missing = new Map<string, number>();
  const parentReal = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const span = spans[i]!;
    const pid = span.parentSpanId;
    if (typeof pid !== 'string' || pid === '') {
      parentReal[i] = -1;
    } else if (pid === span.spanId) {
      parentReal[i] = -1;
      flagsReal[i]! |= RowFlag.SELF_PARENT;
      selfParents.add(span);
    } else {
      const found = firstOfId.get(pid);
      if (found !== undefined) {
        parentReal[i] = found;
      } else {
        let synthetic = missing.get(pid);
        if (synthetic === undefined) {
          synthetic = n + missing.size;
          missing.set(pid, synthetic);
        }
        parentReal[i] = synthetic;
        flagsReal[i]! |= RowFlag.ORPHAN;
        orphans.add(span, `(parent ${pid})`);
      }
    }
    if (span.parentKind === 'follows_from' && parentReal[i]! >= 0) flagsReal[i]! |= RowFlag.FOLLOWS_FROM;
  }

  const total = n + missing.size;
  const nodes = spans.slice();
  const parentOf = new Int32Array(total).fill(-1);
  parentOf.set(parentReal);
  const flags = new Uint8Array(total);
  flags.set(flagsReal);
  // Each synthetic parent spans its orphans: bounds gathered in one pass, however many parents are missing.
  const lo = new Float64Array(missing.size).fill(Infinity);
  const hi = new Float64Array(missing.size).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    const k = parentReal[i]! - n;
    if (k < 0) continue;
    lo[k] = Math.min(lo[k]!, spans[i]!.startUs);
    hi[k] = Math.max(hi[k]!, spans[i]!.startUs + spans[i]!.durationUs);
  }
  const traceId = spans[0]?.traceId ?? '';
  for (const [pid, node] of missing) {
    nodes.push(missingParentSpan(pid, traceId, lo[node - n]!, hi[node - n]!));
    keys.push(`missing-parent:${pid}`);
    flags[node] = RowFlag.SYNTHETIC;
  }

  const identity = new Int32Array(total);
  for (let i = 0; i < total; i++) identity[i] = i;
  const children = childLists(parentOf, identity);

  // Breadth-first from the roots. Invariant: `reached[v]` is 1 exactly when v is in topoOrder[0 … tail).
  const reached = new Uint8Array(total);
  const topoOrder = new Int32Array(total);
  let tail = 0;
  const visitFrom = (root: number) => {
    let head = tail;
    reached[root] = 1;
    topoOrder[tail++] = root;
    while (head < tail) {
      const v = topoOrder[head++]!;
      for (let k = children.offsets[v]!; k < children.offsets[v + 1]!; k++) {
        const c = children.list[k]!;
        if (reached[c] === 0) {
          reached[c] = 1;
          topoOrder[tail++] = c;
        }
      }
    }
  };
  for (let v = 0; v < total; v++) if (parentOf[v] === -1) visitFrom(v);

  // What no root reaches hangs off a cycle. Walk up from it, stamping each node with the walk's number; meeting
  // our own stamp closes the cycle, which is broken at its earliest-starting span (the likeliest real root).
  const stamp = new Int32Array(total);
  let walk = 0;
  for (let u = 0; u < total; u++) {
    if (reached[u] !== 0) continue;
    walk++;
    let v = u;
    while (reached[v] === 0 && stamp[v] !== walk) {
      stamp[v] = walk;
      v = parentOf[v]!;
    }
    if (reached[v] !== 0) continue;
    let breakAt = v;
    for (let w = parentOf[v]!; w !== v; w = parentOf[w]!) if (earlier(nodes[w]!, nodes[breakAt]!)) breakAt = w;
    // The chain as the parent references run, from the span the cycle is broken at, back to it.
    const path: string[] = [];
    let w = breakAt;
    do {
      path.push(nodes[w]!.spanId);
      w = parentOf[w]!;
    } while (w !== breakAt && path.length < 4);
    path.push(w === breakAt ? nodes[w]!.spanId : '…');
    parentOf[breakAt] = -1;
    flags[breakAt]! |= RowFlag.CYCLE_BROKEN;
    cycles.add(nodes[breakAt]!, `(parent chain ${path.join(' → ')})`);
    visitFrom(breakAt);
  }

  const warnings: string[] = [];
  pushTallies(warnings, [duplicates, selfParents, orphans, cycles]);
  // Breaking a cycle cut a parent link, so the lists are rebuilt; rare, and O(n).
  const finalChildren = cycles.size > 0 ? childLists(parentOf, identity) : children;
  return { nodes, parentOf, flags, keys, topoOrder, children: finalChildren, nodeBySpanId: firstOfId, warnings };
}

function earlier(a: Span, b: Span): boolean {
  return a.startUs < b.startUs || (a.startUs === b.startUs && a.spanId < b.spanId);
}

/** The stand-in for a parent the trace lacks: it spans its orphans, and says plainly what it is. */
function missingParentSpan(parentId: string, traceId: string, start: number, end: number): Span {
  return {
    traceId,
    spanId: parentId,
    name: `missing parent span ${parentId}`,
    service: '(missing)',
    kind: 'unspecified',
    startUs: start,
    durationUs: end - start,
    status: 'unset',
    attributes: {},
    resource: {},
    events: [],
    links: [],
    synthetic: 'missing-parent',
  };
}
