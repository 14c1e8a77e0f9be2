import { describe, expect, it } from 'vitest';
import { criticalPath } from './criticalPath';
import { selfTimes } from './selfTime';
import { chainTrace, randomTrace, seededRandom, span, trace, treeInvariantViolations } from './testing/traceBuilders';
import type { Span, Trace } from './trace';
import { collapseAll, expandOneLevel, findRows, visibleRows } from './traceRows';
import { buildTraceTree, RowFlag, type TraceTree } from './traceTree';
import { summarizeTraceTree, traceStatistics } from './traceStats';

// Scale: 100,000 spans must build and every algorithm must finish without a stack overflow. No timing
// assertions here; the benchmarks measure speed.
const N = 100_000;

/** 0 when the critical path below `root` tiles its time exactly: contiguous segments from its start to its end. */
function criticalPathFlaws(tree: TraceTree, root: number): number {
  const segments = criticalPath(tree, root);
  const start = tree.startUs[root]!;
  const end = start + tree.durationUs[root]!;
  if (segments.length === 0) return end === start ? 0 : 1;
  let flaws = segments[0]!.startUs === start && segments[segments.length - 1]!.endUs === end ? 0 : 1;
  for (let k = 0; k < segments.length; k++) {
    const s = segments[k]!;
    if (s.endUs <= s.startUs || (k > 0 && s.startUs !== segments[k - 1]!.endUs)) flaws++;
    if (s.row < root || s.row >= tree.subtreeEnd[root]!) flaws++;
  }
  return flaws;
}

function expectWholeModel(tree: TraceTree, spanCount: number) {
  expect(treeInvariantViolations(tree)).toEqual([]);
  let real = 0;
  for (let row = 0; row < tree.size; row++) if ((tree.flags[row]! & RowFlag.SYNTHETIC) === 0) real++;
  expect(real).toBe(spanCount);

  expect(criticalPathFlaws(tree, 0)).toBe(0);

  const self = selfTimes(tree);
  let outOfRange = 0;
  for (let row = 0; row < tree.size; row++) if (!(self[row]! >= 0 && self[row]! <= tree.durationUs[row]!)) outOfRange++;
  expect(outOfRange).toBe(0);

  const stats = traceStatistics(tree, self);
  expect(stats.byService.reduce((sum, s) => sum + s.count, 0)).toBe(spanCount);
  expect(summarizeTraceTree(tree).spanCount).toBe(spanCount);
  expect(visibleRows(tree, new Set())).toHaveLength(tree.size);
}

describe('the trace model at 100,000 spans', () => {
  it('builds a random tree and keeps every invariant', () => {
    const tree = buildTraceTree(randomTrace(N, 7));
    expect(tree.size).toBe(N);
    expect(tree.warnings).toEqual([]);
    expectWholeModel(tree, N);
    const roots = visibleRows(tree, collapseAll(tree));
    expect([...roots]).toEqual([0]);
    expect(findRows(tree, 'op-7').length).toBeGreaterThan(0);
  });

  it('caps the depth of a random tree when asked, as the benchmarks need', () => {
    const tree = buildTraceTree(randomTrace(N, 5, 25));
    expect(tree.depth.reduce((m, d) => Math.max(m, d), 0)).toBe(24);
    expect(tree.services).toHaveLength(30);
    expect(treeInvariantViolations(tree)).toEqual([]);
  });

  it('builds a 100,000-deep chain without recursion', () => {
    const tree = buildTraceTree(chainTrace(N));
    expect(tree.depth[N - 1]).toBe(N - 1);
    expect(tree.subtreeEnd[0]).toBe(N);
    expect(summarizeTraceTree(tree).depth).toBe(N);
    expectWholeModel(tree, N);
    // Each "expand one level" opens one more row of the chain; two steps show three rows.
    const twice = expandOneLevel(tree, expandOneLevel(tree, collapseAll(tree)));
    expect(visibleRows(tree, twice)).toHaveLength(3);
  });

  it('survives a hostile 100,000-span trace: orphans, duplicates, cycles, self-parents, bad times', () => {
    const base = randomTrace(N, 11).spans;
    const random = seededRandom(3);
    const spans: Span[] = base.map((s, i) => {
      const roll = random();
      if (s.parentSpanId === undefined) return s;
      if (roll < 0.01) return { ...s, parentSpanId: `gone-${i % 97}` };
      if (roll < 0.02) return { ...s, parentSpanId: s.spanId };
      if (roll < 0.03) return { ...s, durationUs: -s.durationUs - 1 };
      if (roll < 0.04) return { ...s, startUs: s.startUs * 1000 + 7, durationUs: s.durationUs * 1000 };
      if (roll < 0.05) return { ...s, startUs: s.startUs - 5_000 };
      return s;
    });
    // Duplicates of 500 spans, and 200 two-span cycles off to the side.
    for (let i = 0; i < 500; i++) spans.push({ ...base[i * 7]!, name: `dup-${i}` });
    for (let i = 0; i < 200; i++) spans.push(span(`cy-${i}-a`, `cy-${i}-b`, 10 + i, 1), span(`cy-${i}-b`, `cy-${i}-a`, 11 + i, 1));
    const input: Trace = trace(spans);
    const before = spans.slice();
    const tree = buildTraceTree(input);
    // Input untouched: same objects in the same order.
    expect(input.spans.every((s, i) => s === before[i])).toBe(true);
    expect(tree.warnings.length).toBeGreaterThanOrEqual(6);
    expect(tree.warnings.every((w) => w.length < 600)).toBe(true);
    expect(treeInvariantViolations(tree)).toEqual([]);
    const synthetic = tree.flags.filter((f) => (f & RowFlag.SYNTHETIC) !== 0).length;
    expect(tree.size - synthetic).toBe(spans.length);
    expect(synthetic).toBeGreaterThan(0);
    const self = selfTimes(tree);
    expect(traceStatistics(tree, self).byService.reduce((sum, s) => sum + s.count, 0)).toBe(spans.length);
    let flaws = 0;
    for (let r = 0; r < tree.size; r = tree.subtreeEnd[r]!) flaws += criticalPathFlaws(tree, r);
    expect(flaws).toBe(0);
  });
});
