import { describe, expect, it } from 'vitest';
import { criticalPath, criticalPathRows } from './criticalPath';
import { chainTrace, span, trace } from './testing/traceBuilders';
import { buildTraceTree, type TraceTree } from './traceTree';

const named = (tree: TraceTree, segments: ReturnType<typeof criticalPath>) => segments.map((s) => [tree.keys[s.row], s.startUs, s.endUs]);

describe('criticalPath', () => {
  it('walks back from the root end through the last-finishing child (Jaeger UI definition)', () => {
    // root 0–100; a 10–40 overlaps b 30–70, which waits on b1 35–60; c 80–90 runs last.
    const tree = buildTraceTree(
      trace([
        span('root', undefined, 0, 100),
        span('a', 'root', 10, 30),
        span('b', 'root', 30, 40),
        span('b1', 'b', 35, 25),
        span('c', 'root', 80, 10),
      ]),
    );
    expect(named(tree, criticalPath(tree))).toEqual([
      ['root', 0, 30],
      ['b', 30, 35],
      ['b1', 35, 60],
      ['b', 60, 70],
      ['root', 70, 80],
      ['c', 80, 90],
      ['root', 90, 100],
    ]);
    expect([...criticalPathRows(tree, criticalPath(tree))]).toEqual([1, 0, 1, 1, 1]);
  });

  it('clips a child that overflows its parent', () => {
    const tree = buildTraceTree(trace([span('root', undefined, 0, 100), span('x', 'root', 50, 100)]));
    expect(named(tree, criticalPath(tree))).toEqual([
      ['root', 0, 50],
      ['x', 50, 100],
    ]);
  });

  it('does not wait on FOLLOWS_FROM children', () => {
    const tree = buildTraceTree(trace([span('root', undefined, 0, 10), span('async', 'root', 5, 3, { parentKind: 'follows_from' })]));
    expect(named(tree, criticalPath(tree))).toEqual([['root', 0, 10]]);
  });

  it('gives back-to-back children their own time', () => {
    const tree = buildTraceTree(trace([span('root', undefined, 0, 20), span('a', 'root', 0, 10), span('b', 'root', 10, 10)]));
    expect(named(tree, criticalPath(tree))).toEqual([
      ['a', 0, 10],
      ['b', 10, 20],
    ]);
  });

  it('terminates on zero-length children, joining the parent stretches they split', () => {
    const tree = buildTraceTree(trace([span('root', undefined, 0, 10), span('z1', 'root', 5, 0), span('z2', 'root', 5, 0)]));
    expect(named(tree, criticalPath(tree))).toEqual([['root', 0, 10]]);
  });

  it('starts from another root when asked, and is empty for a row that does not exist', () => {
    const tree = buildTraceTree(trace([span('r1', undefined, 0, 5), span('r2', undefined, 10, 5), span('k', 'r2', 11, 2)]));
    expect(named(tree, criticalPath(tree, 1))).toEqual([
      ['r2', 10, 11],
      ['k', 11, 13],
      ['r2', 13, 15],
    ]);
    expect(criticalPath(tree, 7)).toEqual([]);
    expect(criticalPath(buildTraceTree(trace([])))).toEqual([]);
  });

  it('covers a 100,000-deep chain end to end without overflowing the stack', () => {
    const n = 100_000;
    const tree = buildTraceTree(chainTrace(n));
    const segments = criticalPath(tree);
    // Each span owns 1 µs before its child starts and 1 µs after it ends; the leaf owns its 2 µs.
    expect(segments).toHaveLength(2 * n - 1);
    expect(segments[0]!.startUs).toBe(tree.startUs[0]);
    expect(segments[segments.length - 1]!.endUs).toBe(tree.startUs[0]! + tree.durationUs[0]!);
    let gaps = 0;
    for (let k = 1; k < segments.length; k++) if (segments[k]!.startUs !== segments[k - 1]!.endUs) gaps++;
    expect(gaps).toBe(0);
  });
});
