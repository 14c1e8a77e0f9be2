import { describe, expect, it } from 'vitest';
import { span, trace, treeInvariantViolations } from './testing/traceBuilders';
import type { Span } from './trace';
import { YEAR_3000_US } from './traceNormalize';
import { buildTraceTree, RowFlag, type TraceTree } from './traceTree';

const rowOf = (tree: TraceTree, id: string) => {
  const row = tree.rowBySpanId.get(id);
  if (row === undefined) throw new Error(`no row for ${id}`);
  return row;
};

describe('orphan spans', () => {
  it('go under one synthetic "missing parent" row per missing ID, not dropped', () => {
    const tree = buildTraceTree(
      trace([span('root', undefined, 0, 100), span('o1', 'gone', 30, 10), span('o2', 'gone', 20, 40), span('o3', 'lost', 5, 1)]),
    );
    expect(tree.size).toBe(6);
    expect(tree.keys).toEqual(['root', 'missing-parent:lost', 'o3', 'missing-parent:gone', 'o2', 'o1']);
    const synthetic = tree.spans[3]!;
    expect(synthetic.synthetic).toBe('missing-parent');
    expect(synthetic.spanId).toBe('gone');
    expect(synthetic.name).toBe('missing parent span gone');
    expect(tree.flags[3]).toBe(RowFlag.SYNTHETIC);
    expect(tree.serviceIndex[3]).toBe(-1);
    // It spans its orphans: 20 … 60.
    expect([tree.startUs[3], tree.durationUs[3]]).toEqual([20, 40]);
    expect(tree.flags[rowOf(tree, 'o1')]! & RowFlag.ORPHAN).toBe(RowFlag.ORPHAN);
    expect(tree.rowBySpanId.has('gone')).toBe(false);
    expect(tree.warnings).toEqual([
      `3 spans referenced a parent missing from the trace and are shown under a "missing parent" row: 'op-o1' (o1) (parent gone), 'op-o2' (o2) (parent gone), 'op-o3' (o3) (parent lost)`,
    ]);
    expect(tree.services.map((s) => s.name)).toEqual(['svc']);
    expect(treeInvariantViolations(tree)).toEqual([]);
  });

  it('does not skew-shift orphans into their stand-in parent', () => {
    const tree = buildTraceTree(trace([span('o', 'gone', 30, 10)]));
    expect([...tree.skewUs]).toEqual([0, 0]);
  });
});

describe('duplicate span IDs', () => {
  it('keeps both spans, warns, and attaches children to the first', () => {
    const tree = buildTraceTree(
      trace([span('root', undefined, 0, 100), span('x', 'root', 10, 50, { name: 'first' }), span('x', 'root', 20, 5, { name: 'second' }), span('kid', 'x', 30, 5)]),
    );
    expect(tree.keys).toEqual(['root', 'x', 'kid', 'x#2']);
    expect(tree.spans.map((s) => s.name)).toEqual(['op-root', 'first', 'op-kid', 'second']);
    expect(tree.parent[2]).toBe(1);
    expect(tree.flags[3]! & RowFlag.DUPLICATE_ID).toBe(RowFlag.DUPLICATE_ID);
    expect(tree.rowBySpanId.get('x')).toBe(1);
    expect(tree.warnings).toEqual([
      "1 span repeated an earlier span ID; each is kept as its own row and children attach to the first: 'second' (x)",
    ]);
  });

  it('numbers a third copy #3', () => {
    const tree = buildTraceTree(trace([span('x', undefined, 0, 1), span('x', undefined, 1, 1), span('x', undefined, 2, 1)]));
    expect(tree.keys).toEqual(['x', 'x#2', 'x#3']);
  });
});

describe('self-references and cycles', () => {
  it('shows a span that names itself as parent as a root, with a warning', () => {
    const tree = buildTraceTree(trace([span('me', 'me', 0, 10), span('kid', 'me', 1, 2)]));
    expect(tree.keys).toEqual(['me', 'kid']);
    expect([...tree.parent]).toEqual([-1, 0]);
    expect(tree.flags[0]! & RowFlag.SELF_PARENT).toBe(RowFlag.SELF_PARENT);
    expect(tree.warnings).toEqual(["1 span named itself as its parent and is shown as a root: 'op-me' (me)"]);
  });

  it('breaks a cycle at its earliest-starting span and names it', () => {
    // a → b → c → a, with d hanging off b and a real root beside it.
    const tree = buildTraceTree(
      trace([span('b', 'a', 10, 5), span('c', 'b', 12, 1), span('a', 'c', 5, 20), span('d', 'b', 11, 1), span('real', undefined, 0, 1)]),
    );
    expect(tree.keys).toEqual(['real', 'a', 'b', 'd', 'c']);
    expect(tree.parent[rowOf(tree, 'a')]).toBe(-1);
    expect(tree.flags[rowOf(tree, 'a')]! & RowFlag.CYCLE_BROKEN).toBe(RowFlag.CYCLE_BROKEN);
    expect(tree.warnings).toHaveLength(1);
    expect(tree.warnings[0]).toMatch(/^1 cycle in parent references broken, each at the span shown as a root: 'op-a' \(a\) \(parent chain /);
    expect(tree.warnings[0]).toContain('(parent chain a → c → b → a)');
    expect(treeInvariantViolations(tree)).toEqual([]);
  });

  it('breaks a two-span cycle and several cycles independently', () => {
    const tree = buildTraceTree(trace([span('p', 'q', 1, 1), span('q', 'p', 2, 1), span('r', 's', 4, 1), span('s', 'r', 3, 1)]));
    expect(tree.keys).toEqual(['p', 'q', 's', 'r']);
    expect(tree.warnings[0]).toMatch(/^2 cycles in parent references broken/);
    expect(treeInvariantViolations(tree)).toEqual([]);
  });

  it('breaks a 100,000-span cycle without looping or overflowing', () => {
    const n = 100_000;
    const spans: Span[] = [];
    for (let i = 0; i < n; i++) spans.push(span(`s${i}`, `s${(i + n - 1) % n}`, 1000 + i, 10));
    const tree = buildTraceTree(trace(spans));
    expect(tree.size).toBe(n);
    expect(tree.keys[0]).toBe('s0');
    expect(tree.depth[n - 1]).toBe(n - 1);
    expect(tree.warnings[0]).toContain('(parent chain s0 → s99999 → s99998 → s99997 → …)');
  });
});

describe('bad fields', () => {
  it('clamps a negative duration to 0 and says so', () => {
    const tree = buildTraceTree(trace([span('root', undefined, 0, 100), span('neg', 'root', 10, -5)]));
    expect(tree.durationUs[1]).toBe(0);
    expect(tree.warnings).toEqual(["1 span had a negative duration, clamped to 0: 'op-neg' (neg) (-5 µs)"]);
  });

  it('divides ns timestamps by 1000 when the start is past the year 3000', () => {
    const startNs = 1_700_000_000_000_000_000;
    const tree = buildTraceTree(trace([span('root', undefined, 1_700_000_000_000_000, 100), span('ns', 'root', startNs + 10_000, 50_000)]));
    expect(startNs).toBeGreaterThan(YEAR_3000_US);
    expect(tree.startUs[1]).toBe(1_700_000_000_000_010);
    expect(tree.durationUs[1]).toBe(50);
    expect(tree.warnings).toEqual([
      "1 span had timestamps in ns where µs were expected (start after year 3000) and was divided by 1000: 'op-ns' (ns)",
    ]);
  });

  it('fills missing fields with defaults and a warning per kind, never throwing', () => {
    const broken = [
      { traceId: 't', spanId: 'root', name: 'root', service: 'api', startUs: 100, durationUs: 10 },
      { parentSpanId: 'root', name: 7, durationUs: 'x' },
      { spanId: 'nostart', parentSpanId: 'root', service: '' },
    ] as unknown as Span[];
    const tree = buildTraceTree(trace(broken));
    expect(tree.size).toBe(3);
    const row = rowOf(tree, '(missing span ID #2)');
    expect(tree.spans[row]!.name).toBe('7');
    expect(tree.durationUs[row]).toBe(0);
    const nostart = tree.spans[rowOf(tree, 'nostart')]!;
    expect(nostart.name).toBe('(no name)');
    expect(nostart.service).toBe('unknown service');
    expect(nostart.startUs).toBe(100);
    expect(nostart.attributes).toEqual({});
    expect(nostart.events).toEqual([]);
    expect(nostart.status).toBe('unset');
    expect(tree.warnings).toEqual([
      "1 span had no span ID and got a placeholder: '7' ((missing span ID #2))",
      "2 spans had no name: '7' ((missing span ID #2)), '(no name)' (nostart)",
      "2 spans had no service: '7' ((missing span ID #2)), '(no name)' (nostart)",
      "2 spans had no start time and were placed at their parent's start (or the trace start): '7' ((missing span ID #2)), '(no name)' (nostart)",
      "2 spans had no duration and were given 0: '7' ((missing span ID #2)), '(no name)' (nostart)",
    ]);
    expect(treeInvariantViolations(tree)).toEqual([]);
  });

  it('names a span whose name is empty (a Jaeger span without operationName) and warns', () => {
    const tree = buildTraceTree(trace([span('root', undefined, 0, 10, { name: '' })]));
    expect(tree.spans[0]!.name).toBe('(no name)');
    expect(tree.warnings).toEqual(["1 span had no name: '(no name)' (root)"]);
  });

  it('warns of values too long to show in full (1 MB), in attributes, keys and events, and keeps them whole', () => {
    const mb = 'x'.repeat(1_000_000);
    const tree = buildTraceTree(
      trace([
        span('root', undefined, 0, 10, { attributes: { blob: mb } }),
        span('k', 'root', 1, 1, { attributes: { [mb]: 1 } }),
        span('ev', 'root', 2, 1, { events: [{ timeUs: 2, name: 'e', attributes: { stack: mb } }] }),
        span('ok', 'root', 3, 1, { attributes: { short: 'x'.repeat(100_000) } }),
      ]),
    );
    expect(tree.warnings).toEqual([
      `3 spans had an attribute or event value over 100,000 characters; the span detail shows the start of each, with "show all": 'op-root' (root), 'op-k' (k), 'op-ev' (ev)`,
    ]);
    expect(tree.spans[0]!.attributes.blob).toBe(mb);
  });

  it('places a span without a start at its parent start, without shifting its children', () => {
    const noStart = { ...span('x', 'a', 0, 0), startUs: undefined } as unknown as Span;
    const tree = buildTraceTree(trace([span('root', undefined, 1000, 1000), span('a', 'root', 1500, 100), noStart, span('y', 'x', 1510, 5)]));
    expect(tree.keys).toEqual(['root', 'a', 'x', 'y']);
    expect([...tree.startUs]).toEqual([1000, 1500, 1500, 1510]);
    expect([...tree.skewUs]).toEqual([0, 0, 0, 0]);
    expect(tree.flags[2]! & RowFlag.START_MISSING).toBe(RowFlag.START_MISSING);
    expect(tree.warnings).toEqual(["1 span had no start time and was placed at its parent's start (or the trace start): 'op-x' (x)"]);
  });

  it('names three spans and counts the rest, so a huge trace gets a short warning', () => {
    const spans = [span('root', undefined, 0, 10)];
    for (let i = 0; i < 10; i++) spans.push(span(`n${i}`, 'root', 1, -1));
    const tree = buildTraceTree(trace(spans));
    expect(tree.warnings[0]).toBe(
      "10 spans had a negative duration, clamped to 0: 'op-n0' (n0) (-1 µs), 'op-n1' (n1) (-1 µs), 'op-n2' (n2) (-1 µs), and 7 more",
    );
  });
});

describe('clock skew', () => {
  it('shifts a child that starts before its parent to the parent start, with its subtree, and records the shift', () => {
    const tree = buildTraceTree(
      trace([span('root', undefined, 100, 50), span('early', 'root', 90, 20), span('grandkid', 'early', 95, 5), span('fine', 'root', 120, 5)]),
    );
    expect(tree.keys).toEqual(['root', 'early', 'grandkid', 'fine']);
    expect([...tree.startUs]).toEqual([100, 100, 105, 120]);
    expect([...tree.skewUs]).toEqual([0, 10, 10, 0]);
    expect(tree.flags[1]! & RowFlag.SKEW_SHIFTED).toBe(RowFlag.SKEW_SHIFTED);
    // The grandchild moved with its parent; it was not shifted in its own right.
    expect(tree.flags[2]! & RowFlag.SKEW_SHIFTED).toBe(0);
    // The reported times stay on the span for the detail panel.
    expect(tree.spans[1]!.startUs).toBe(90);
    expect(tree.warnings).toEqual(["1 span lay outside its parent (clock skew) and was shifted into it: 'op-early' (early) (by +10 µs)"]);
  });

  it('centres a server span that ends after its client span', () => {
    const tree = buildTraceTree(trace([span('client', undefined, 0, 100, { kind: 'client' }), span('server', 'client', 60, 60, { kind: 'server' })]));
    // (100 − 60) / 2 = 20: the server ran 20 … 80.
    expect(tree.startUs[1]).toBe(20);
    expect(tree.skewUs[1]).toBe(-40);
  });

  it('aligns a server span longer than its client to the client start', () => {
    const tree = buildTraceTree(trace([span('client', undefined, 100, 10, { kind: 'client' }), span('server', 'client', 50, 30, { kind: 'server' })]));
    expect(tree.startUs[1]).toBe(100);
  });

  it('leaves a same-process child that only ends late alone', () => {
    const tree = buildTraceTree(trace([span('root', undefined, 0, 10), span('late', 'root', 5, 100)]));
    expect(tree.skewUs[1]).toBe(0);
    expect(tree.warnings).toEqual([]);
  });

  it('re-sorts siblings by their adjusted start', () => {
    // z reports 95 (before its parent's 100) and is shifted to 100; y starts at 101 and stays after it.
    const tree = buildTraceTree(trace([span('root', undefined, 100, 50), span('y', 'root', 101, 1), span('z', 'root', 95, 1)]));
    expect(tree.keys).toEqual(['root', 'z', 'y']);
  });
});
