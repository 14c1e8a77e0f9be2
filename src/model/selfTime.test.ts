import { describe, expect, it } from 'vitest';
import { selfTimes } from './selfTime';
import { chainTrace, span, trace } from './testing/traceBuilders';
import { buildTraceTree } from './traceTree';

describe('selfTimes', () => {
  it('subtracts the union of child intervals, overlaps counted once', () => {
    // root 0–100 with a 10–40, b 30–70 (overlapping: union 10–70) and c 80–90; b waits on b1 35–60.
    const tree = buildTraceTree(
      trace([span('root', undefined, 0, 100), span('a', 'root', 10, 30), span('b', 'root', 30, 40), span('b1', 'b', 35, 25), span('c', 'root', 80, 10)]),
    );
    expect(tree.keys).toEqual(['root', 'a', 'b', 'b1', 'c']);
    expect([...selfTimes(tree)]).toEqual([30, 30, 15, 25, 10]);
  });

  it('clips children to the parent and ignores a child nested inside another', () => {
    const tree = buildTraceTree(trace([span('root', undefined, 0, 100), span('x', 'root', 50, 100), span('y', 'root', 60, 5)]));
    expect([...selfTimes(tree)]).toEqual([50, 100, 5]);
  });

  it('is the full duration of a leaf and 0 for a fully covered parent', () => {
    const tree = buildTraceTree(trace([span('p', undefined, 0, 10), span('k', 'p', 0, 10)]));
    expect([...selfTimes(tree)]).toEqual([0, 10]);
  });

  it('runs over a 100,000-deep chain', () => {
    const self = selfTimes(buildTraceTree(chainTrace(100_000)));
    expect(self.every((v) => v === 2)).toBe(true);
  });
});
