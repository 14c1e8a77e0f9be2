import { RowFlag, type TraceTree } from './traceTree';

/**
 * The trace graph: services as nodes, calls as edges. A call is a span whose parent span belongs to another
 * service (or to a "missing parent" stand-in, for orphans); a child in its parent's own service is work inside
 * that service, counted on the node. One pass over the rows; nothing walks the tree.
 */
export interface TraceGraphNode {
  /** The service name, or MISSING_PARENT_KEY for the node standing for parents the backend did not return. */
  key: string;
  /** Undefined for the missing-parent node. */
  service?: string;
  /** Index into `tree.services`, -1 for the missing-parent node: the colour comes from it. */
  serviceIndex: number;
  spanCount: number;
  errorCount: number;
  /** Sum of the service's spans' self time (µs): where the trace spent its time in this service. */
  selfUs: number;
  /** Spans of this service with no parent at all (the trace's entry points). */
  rootCount: number;
}

export interface TraceGraphEdge {
  /** `from` and `to` keys joined by U+0000: unique, never shown. */
  key: string;
  from: number;
  to: number;
  /** Child spans on this edge (calls). */
  count: number;
  /** Of those, spans with an error status. */
  errorCount: number;
  /** Sum of the child spans' durations (µs). */
  totalUs: number;
  /** Of those, FOLLOWS_FROM children: work the caller did not wait for. */
  followsFromCount: number;
}

export interface TraceGraph {
  nodes: TraceGraphNode[];
  edges: TraceGraphEdge[];
}

/** Never a service name a backend can send through our adapters (they carry no U+0000 in names they accept). */
export const MISSING_PARENT_KEY = '\u0000missing parent';

/** Nodes in `tree.services` order (sorted by name), then the missing-parent node if orphans exist; edges by (from, to). */
export function traceGraph(tree: TraceTree, self: Float64Array): TraceGraph {
  const serviceCount = tree.services.length;
  const missing = serviceCount;
  const nodes: TraceGraphNode[] = tree.services.map((s, i) => ({
    key: s.name,
    service: s.name,
    serviceIndex: i,
    spanCount: 0,
    errorCount: 0,
    selfUs: 0,
    rootCount: 0,
  }));
  let hasMissing = false;
  const edgeOf = new Map<number, TraceGraphEdge>();
  const nodeOfRow = (row: number) => {
    const index = tree.serviceIndex[row]!;
    return index >= 0 ? index : missing;
  };
  for (let row = 0; row < tree.size; row++) {
    const synthetic = (tree.flags[row]! & RowFlag.SYNTHETIC) !== 0;
    if (synthetic) {
      hasMissing = true;
      continue;
    }
    const node = nodes[tree.serviceIndex[row]!]!;
    node.spanCount++;
    node.errorCount += tree.error[row]!;
    node.selfUs += self[row]!;
    const p = tree.parent[row]!;
    if (p < 0) {
      node.rootCount++;
      continue;
    }
    const from = nodeOfRow(p);
    const to = tree.serviceIndex[row]!;
    if (from === to) continue;
    const id = from * (serviceCount + 1) + to;
    let edge = edgeOf.get(id);
    if (!edge) edgeOf.set(id, (edge = { key: '', from, to, count: 0, errorCount: 0, totalUs: 0, followsFromCount: 0 }));
    edge.count++;
    edge.errorCount += tree.error[row]!;
    edge.totalUs += tree.durationUs[row]!;
    if ((tree.flags[row]! & RowFlag.FOLLOWS_FROM) !== 0) edge.followsFromCount++;
  }
  if (hasMissing) nodes.push({ key: MISSING_PARENT_KEY, serviceIndex: -1, spanCount: 0, errorCount: 0, selfUs: 0, rootCount: 0 });
  const edges = [...edgeOf.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => e);
  for (const e of edges) e.key = `${nodes[e.from]!.key}\u0000${nodes[e.to]!.key}`;
  return { nodes, edges };
}

/** Where each node goes: a layer (column, callers left of callees) and a position within it. */
export interface GraphLayout {
  layerCount: number;
  layer: Int32Array;
  /** 0-based position within its layer, after crossing reduction. */
  position: Int32Array;
  /** Nodes per layer. */
  layerSize: Int32Array;
  /** 1 for an edge that closes a cycle between services (drawn, but against the flow); index as `graph.edges`. */
  back: Uint8Array;
}

/** Barycentre sweeps (down then up) used to reduce crossings; each is O(edges + nodes log nodes). */
const ORDER_SWEEPS = 6;

/**
 * A layered layout, computed iteratively: cycles between services are broken by a depth-first search from the
 * entry services (its back edges are reversed for layering only), layers are longest paths from the sources,
 * and positions within a layer come from barycentre sweeps. Deterministic for one graph.
 */
export function layoutTraceGraph(graph: TraceGraph): GraphLayout {
  const n = graph.nodes.length;
  const m = graph.edges.length;
  const out = csr(n, graph.edges, (e) => e.from);
  const back = new Uint8Array(m);

  // Depth-first search with an explicit stack, entry services first (most root spans), then by node order.
  // Invariant: state 1 = on the current path, 2 = finished; an edge into a state-1 node closes a cycle.
  const starts = [...graph.nodes.keys()].sort((a, b) => graph.nodes[b]!.rootCount - graph.nodes[a]!.rootCount || a - b);
  const state = new Uint8Array(n);
  const discovery = new Int32Array(n);
  let discovered = 0;
  const stackNode = new Int32Array(n);
  const stackNext = new Int32Array(n);
  for (const s of starts) {
    if (state[s] !== 0) continue;
    let top = 0;
    stackNode[0] = s;
    stackNext[0] = out.offsets[s]!;
    state[s] = 1;
    discovery[s] = discovered++;
    while (top >= 0) {
      const v = stackNode[top]!;
      const k = stackNext[top]!;
      if (k >= out.offsets[v + 1]!) {
        state[v] = 2;
        top--;
        continue;
      }
      stackNext[top] = k + 1;
      const e = out.list[k]!;
      const w = graph.edges[e]!.to;
      if (state[w] === 1) back[e] = 1;
      else if (state[w] === 0) {
        state[w] = 1;
        discovery[w] = discovered++;
        top++;
        stackNode[top] = w;
        stackNext[top] = out.offsets[w]!;
      }
    }
  }

  // Longest-path layering over the forward edges (a DAG now), in Kahn's topological order.
  const indegree = new Int32Array(n);
  for (let e = 0; e < m; e++) if (back[e] === 0) indegree[graph.edges[e]!.to]!++;
  const layer = new Int32Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (const s of starts) if (indegree[s] === 0) queue[tail++] = s;
  while (head < tail) {
    const v = queue[head++]!;
    for (let k = out.offsets[v]!; k < out.offsets[v + 1]!; k++) {
      const e = out.list[k]!;
      if (back[e] !== 0) continue;
      const w = graph.edges[e]!.to;
      layer[w] = Math.max(layer[w]!, layer[v]! + 1);
      if (--indegree[w]! === 0) queue[tail++] = w;
    }
  }
  let layerCount = 0;
  for (let v = 0; v < n; v++) layerCount = Math.max(layerCount, layer[v]! + 1);

  // Initial order within each layer: discovery order. Then barycentre sweeps against the neighbouring side.
  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  for (const v of [...graph.nodes.keys()].sort((a, b) => discovery[a]! - discovery[b]!)) layers[layer[v]!]!.push(v);
  const position = new Int32Array(n);
  const place = () => layers.forEach((list) => list.forEach((v, i) => (position[v] = i)));
  place();
  const into = csr(n, graph.edges, (e) => e.to);
  const neighbours = (v: number, down: boolean): number[] => {
    const lists = down ? into : out;
    const result: number[] = [];
    for (let k = lists.offsets[v]!; k < lists.offsets[v + 1]!; k++) {
      const e = graph.edges[lists.list[k]!]!;
      result.push(down ? e.from : e.to);
    }
    return result;
  };
  for (let sweep = 0; sweep < ORDER_SWEEPS; sweep++) {
    const down = sweep % 2 === 0;
    for (let i = 0; i < layerCount; i++) {
      const list = layers[down ? i : layerCount - 1 - i]!;
      const key = new Map<number, number>();
      for (const v of list) {
        // Positions scaled by layer size, so neighbours in layers of different sizes weigh alike.
        const ns = neighbours(v, down).filter((w) => layer[w] !== layer[v]);
        key.set(v, ns.length === 0 ? position[v]! : ns.reduce((sum, w) => sum + position[w]! / Math.max(1, layers[layer[w]!]!.length), 0) / ns.length * list.length);
      }
      list.sort((a, b) => key.get(a)! - key.get(b)! || position[a]! - position[b]!);
      list.forEach((v, p) => (position[v] = p));
    }
  }
  place();
  const layerSize = Int32Array.from(layers, (l) => l.length);
  return { layerCount, layer, position, layerSize, back };
}

function csr(n: number, edges: readonly TraceGraphEdge[], endOf: (e: TraceGraphEdge) => number): { offsets: Int32Array; list: Int32Array } {
  const offsets = new Int32Array(n + 1);
  for (const e of edges) offsets[endOf(e) + 1]!++;
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, n);
  const list = new Int32Array(edges.length);
  edges.forEach((e, i) => (list[fill[endOf(e)]!++] = i));
  return { offsets, list };
}
