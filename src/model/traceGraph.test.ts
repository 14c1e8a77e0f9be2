import { describe, expect, it } from 'vitest';
import { selfTimes } from './selfTime';
import { randomTrace, span, trace } from './testing/traceBuilders';
import { layoutTraceGraph, MISSING_PARENT_KEY, traceGraph, type TraceGraph } from './traceGraph';
import { buildTraceTree } from './traceTree';

function graphOf(spans: Parameters<typeof trace>[0]) {
  const tree = buildTraceTree(trace(spans));
  return traceGraph(tree, selfTimes(tree));
}

const edgeList = (g: TraceGraph) =>
  g.edges.map((e) => ({ from: g.nodes[e.from]!.key, to: g.nodes[e.to]!.key, count: e.count, errors: e.errorCount, totalUs: e.totalUs }));

// gateway → payments (server span, with an inner client span) → payment-provider twice, one failing; gateway → auth.
const incident = [
  span('g', undefined, 0, 1000, { service: 'gateway' }),
  span('a', 'g', 10, 50, { service: 'auth' }),
  span('p', 'g', 100, 800, { service: 'payments' }),
  span('pc', 'p', 110, 700, { service: 'payments', kind: 'client' }),
  span('x1', 'pc', 120, 300, { service: 'payment-provider', status: 'error' }),
  span('x2', 'pc', 500, 200, { service: 'payment-provider' }),
];

describe('traceGraph', () => {
  it('has one node per service and one edge per calling pair, with counts, errors and time', () => {
    const g = graphOf(incident);
    expect(g.nodes.map((n) => n.key)).toEqual(['auth', 'gateway', 'payment-provider', 'payments']);
    expect(edgeList(g)).toEqual([
      { from: 'gateway', to: 'auth', count: 1, errors: 0, totalUs: 50 },
      { from: 'gateway', to: 'payments', count: 1, errors: 0, totalUs: 800 },
      { from: 'payments', to: 'payment-provider', count: 2, errors: 1, totalUs: 500 },
    ]);
    const payments = g.nodes.find((n) => n.key === 'payments')!;
    // A same-service child is work inside the node, not an edge: payments' two spans, self 100 + 200.
    expect(payments).toMatchObject({ spanCount: 2, errorCount: 0, selfUs: 300, rootCount: 0 });
    expect(g.nodes.find((n) => n.key === 'gateway')!.rootCount).toBe(1);
    expect(g.nodes.find((n) => n.key === 'payment-provider')!.errorCount).toBe(1);
  });

  it('puts orphans under one "missing parent" node', () => {
    const g = graphOf([...incident, span('o1', 'gone', 10, 5, { service: 'auth' }), span('o2', 'gone2', 10, 5, { service: 'search' })]);
    const missing = g.nodes[g.nodes.length - 1]!;
    expect(missing).toMatchObject({ key: MISSING_PARENT_KEY, serviceIndex: -1, spanCount: 0 });
    expect(missing.service).toBeUndefined();
    expect(edgeList(g).filter((e) => e.from === MISSING_PARENT_KEY)).toEqual([
      { from: MISSING_PARENT_KEY, to: 'auth', count: 1, errors: 0, totalUs: 5 },
      { from: MISSING_PARENT_KEY, to: 'search', count: 1, errors: 0, totalUs: 5 },
    ]);
  });

  it('counts both spans of a duplicated ID, and children go to the first', () => {
    const g = graphOf([span('r', undefined, 0, 100, { service: 'a' }), span('d', 'r', 1, 10, { service: 'b' }), span('d', 'r', 20, 10, { service: 'b' }), span('k', 'd', 2, 5, { service: 'c' })]);
    expect(edgeList(g)).toEqual([
      { from: 'a', to: 'b', count: 2, errors: 0, totalUs: 20 },
      { from: 'b', to: 'c', count: 1, errors: 0, totalUs: 5 },
    ]);
  });

  it('takes a span cycle as the model broke it: no loop, every span counted', () => {
    const g = graphOf([span('x', 'y', 0, 10, { service: 'a' }), span('y', 'x', 0, 10, { service: 'b' })]);
    expect(g.nodes.reduce((n, x) => n + x.spanCount, 0)).toBe(2);
    expect(g.edges).toHaveLength(1);
  });

  it('counts FOLLOWS_FROM children on their edge', () => {
    const g = graphOf([span('r', undefined, 0, 100, { service: 'api' }), span('q', 'r', 90, 500, { service: 'worker', parentKind: 'follows_from' })]);
    expect(g.edges[0]).toMatchObject({ count: 1, followsFromCount: 1 });
  });
});

describe('layoutTraceGraph', () => {
  it('puts callers in earlier layers than their callees (longest path)', () => {
    const g = graphOf(incident);
    const layout = layoutTraceGraph(g);
    const layerOf = (key: string) => layout.layer[g.nodes.findIndex((n) => n.key === key)]!;
    expect(layerOf('gateway')).toBe(0);
    expect(layerOf('auth')).toBe(1);
    expect(layerOf('payments')).toBe(1);
    expect(layerOf('payment-provider')).toBe(2);
    expect(layout.layerCount).toBe(3);
    expect([...layout.layerSize]).toEqual([1, 2, 1]);
    expect([...layout.back]).toEqual([0, 0, 0]);
  });

  it('uses the longest path when a service is reached by paths of different lengths', () => {
    const g = graphOf([span('r', undefined, 0, 100, { service: 'a' }), span('b', 'r', 1, 50, { service: 'b' }), span('c', 'b', 2, 10, { service: 'c' }), span('c2', 'r', 60, 10, { service: 'c' })]);
    const layout = layoutTraceGraph(g);
    expect(layout.layer[g.nodes.findIndex((n) => n.key === 'c')]).toBe(2);
  });

  it('breaks a call cycle between services at one back edge, entry service first', () => {
    // gateway → auth → gateway (a callback): a cycle of services, though not of spans.
    const g = graphOf([span('g', undefined, 0, 100, { service: 'gateway' }), span('a', 'g', 1, 50, { service: 'auth' }), span('g2', 'a', 2, 10, { service: 'gateway' })]);
    const layout = layoutTraceGraph(g);
    expect(g.edges).toHaveLength(2);
    const backEdges = g.edges.filter((_, i) => layout.back[i] === 1);
    expect(backEdges.map((e) => `${g.nodes[e.from]!.key}→${g.nodes[e.to]!.key}`)).toEqual(['auth→gateway']);
    expect(layout.layer[g.nodes.findIndex((n) => n.key === 'gateway')]).toBe(0);
    expect(layout.layer[g.nodes.findIndex((n) => n.key === 'auth')]).toBe(1);
  });

  it('gives every node a distinct place on a 10,000-span trace with 30 services', () => {
    const tree = buildTraceTree(randomTrace(10_000, 5, 25));
    const g = traceGraph(tree, selfTimes(tree));
    const layout = layoutTraceGraph(g);
    const places = new Set(g.nodes.map((_, v) => `${layout.layer[v]}:${layout.position[v]}`));
    expect(places.size).toBe(g.nodes.length);
    for (let v = 0; v < g.nodes.length; v++) expect(layout.position[v]).toBeLessThan(layout.layerSize[layout.layer[v]!]!);
    // Every forward edge points to a later layer.
    g.edges.forEach((e, i) => {
      if (layout.back[i] === 0) expect(layout.layer[e.to]!).toBeGreaterThan(layout.layer[e.from]!);
    });
  });

  it('reduces crossings: two parallel chains stay side by side', () => {
    // r → a1 → a2 and r → b1 → b2, handed over so that the initial order would cross them.
    const g = graphOf([
      span('r', undefined, 0, 100, { service: 'r' }),
      span('a1', 'r', 1, 10, { service: 'a1' }),
      span('b1', 'r', 2, 10, { service: 'z1' }),
      span('b2', 'b1', 3, 5, { service: 'b2' }),
      span('a2', 'a1', 3, 5, { service: 'y2' }),
    ]);
    const layout = layoutTraceGraph(g);
    const pos = (k: string) => layout.position[g.nodes.findIndex((n) => n.key === k)]!;
    expect(Math.sign(pos('a1') - pos('z1'))).toBe(Math.sign(pos('y2') - pos('b2')));
  });
});
