import { describe, expect, it } from 'vitest';
import { serviceColorIndex } from './serviceColor';
import { span, trace, TRACE_ID, treeInvariantViolations } from './testing/traceBuilders';
import type { Trace } from './trace';
import { buildTraceTree, RowFlag } from './traceTree';

function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const child of Object.values(v)) stack.push(child);
    }
  }
  return value;
}

// root [0, 100) with children b [10, 20), c [10, 30) and a [40, 50); c has child d [12, 15).
const small = (): Trace =>
  trace([
    span('d', 'c', 12, 3, { service: 'db' }),
    span('a', 'root', 40, 10, { service: 'api', status: 'error' }),
    span('c', 'root', 10, 20, { service: 'api' }),
    span('root', undefined, 0, 100, { service: 'gateway' }),
    span('b', 'root', 10, 10, { service: 'api' }),
  ]);

describe('buildTraceTree', () => {
  it('lays rows out in pre-order, children by start time then span ID', () => {
    const tree = buildTraceTree(small());
    expect(tree.keys).toEqual(['root', 'b', 'c', 'd', 'a']);
    expect([...tree.parent]).toEqual([-1, 0, 0, 2, 0]);
    expect([...tree.depth]).toEqual([0, 1, 1, 2, 1]);
    expect([...tree.subtreeEnd]).toEqual([5, 2, 4, 4, 5]);
    expect([...tree.childCount]).toEqual([3, 0, 1, 0, 0]);
    expect([...tree.startUs]).toEqual([0, 10, 10, 12, 40]);
    expect([...tree.durationUs]).toEqual([100, 10, 20, 3, 10]);
    expect([...tree.error]).toEqual([0, 0, 0, 0, 1]);
    expect(treeInvariantViolations(tree)).toEqual([]);
  });

  it('has a sorted services table with colours from the name alone', () => {
    const tree = buildTraceTree(small());
    expect(tree.services.map((s) => s.name)).toEqual(['api', 'db', 'gateway']);
    expect(tree.services.map((s) => s.colorIndex)).toEqual(['api', 'db', 'gateway'].map((n) => serviceColorIndex(n)));
    expect([...tree.serviceIndex].map((i) => tree.services[i]!.name)).toEqual(['gateway', 'api', 'api', 'db', 'api']);
  });

  it('never mutates its input, which may be frozen', () => {
    const input = small();
    input.spans.push(span('neg', 'root', 5, -3), span('ns', 'root', 1_700_000_000_000_000_000, 5_000));
    const before = JSON.stringify(input);
    deepFreeze(input);
    const tree = buildTraceTree(input);
    expect(JSON.stringify(input)).toBe(before);
    // Untouched spans are shared, not copied: a 100,000-span trace is not duplicated in memory.
    expect(tree.spans[tree.rowBySpanId.get('b')!]).toBe(input.spans[4]);
    expect(tree.spans[tree.rowBySpanId.get('neg')!]).not.toBe(input.spans[5]);
  });

  it('keeps a trace with several roots, ordering the roots by start', () => {
    const tree = buildTraceTree(trace([span('late', undefined, 50, 5), span('early', undefined, 10, 5), span('kid', 'late', 51, 1)]));
    expect(tree.keys).toEqual(['early', 'late', 'kid']);
    expect([...tree.parent]).toEqual([-1, -1, 1]);
    expect(treeInvariantViolations(tree)).toEqual([]);
  });

  it('handles an empty trace', () => {
    const tree = buildTraceTree(trace([]));
    expect(tree.size).toBe(0);
    expect(tree.warnings).toEqual([]);
  });

  it('carries the adapter warnings first', () => {
    const tree = buildTraceTree(trace([span('a', 'gone', 0, 1)], ['from the adapter']));
    expect(tree.warnings[0]).toBe('from the adapter');
    expect(tree.warnings).toHaveLength(2);
  });

  it('keeps FOLLOWS_FROM parents and span links as references', () => {
    const tree = buildTraceTree(
      trace([
        span('root', undefined, 0, 10),
        span('async', 'root', 5, 50, { parentKind: 'follows_from' }),
        span('linker', 'root', 1, 2, {
          links: [
            { traceId: TRACE_ID.toUpperCase(), spanId: 'async', attributes: {}, kind: 'follows_from' },
            { traceId: 'ffffffffffffffffffffffffffffffff', spanId: 'elsewhere', attributes: { why: 'batch' } },
          ],
        }),
      ]),
    );
    const row = (id: string) => tree.rowBySpanId.get(id)!;
    expect(tree.flags[row('async')]! & RowFlag.FOLLOWS_FROM).toBe(RowFlag.FOLLOWS_FROM);
    expect(tree.references).toEqual([
      { fromRow: row('linker'), toRow: row('async'), traceId: TRACE_ID.toUpperCase(), spanId: 'async', kind: 'follows_from' },
      { fromRow: row('linker'), toRow: -1, traceId: 'ffffffffffffffffffffffffffffffff', spanId: 'elsewhere', kind: 'link' },
      { fromRow: row('async'), toRow: row('root'), traceId: TRACE_ID, spanId: 'root', kind: 'follows_from' },
    ]);
    // An async child may outlive its parent: that is not clock skew.
    expect(tree.skewUs[row('async')]).toBe(0);
  });
});
