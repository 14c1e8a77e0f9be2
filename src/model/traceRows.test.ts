import { describe, expect, it } from 'vitest';
import { span, trace } from './testing/traceBuilders';
import { collapseAll, collapseOneLevel, expandAll, expandOneLevel, findRows, keysOfRows, revealRow, rowsOfKeys, visibleRows } from './traceRows';
import { buildTraceTree, type TraceTree } from './traceTree';

// Rows: 0 root, 1 a, 2 a1, 3 a1x, 4 a2, 5 b, 6 b1, 7 c.
const tree = buildTraceTree(
  trace([
    span('root', undefined, 0, 100, { service: 'Gateway' }),
    span('a', 'root', 1, 50, { attributes: { 'http.route': '/Cart/{id}', retries: [1, ['deep', 'Needle']] } }),
    span('a1', 'a', 2, 10, { name: 'SELECT carts' }),
    span('a1x', 'a1', 3, 1),
    span('a2', 'a', 20, 10, { resource: { 'host.name': 'pod-7' } }),
    span('b', 'root', 60, 20),
    span('b1', 'b', 61, 5, { name: '<script>alert(1)</script>' }),
    span('c', 'root', 90, 5),
  ]),
);
const keysOf = (t: TraceTree, rows: Iterable<number>) => [...rows].map((r) => t.keys[r]);

describe('visibleRows', () => {
  it('shows everything with nothing collapsed', () => {
    expect(keysOf(tree, visibleRows(tree, new Set()))).toEqual(['root', 'a', 'a1', 'a1x', 'a2', 'b', 'b1', 'c']);
  });

  it('skips a collapsed row’s whole subtree, nested collapses included', () => {
    expect(keysOf(tree, visibleRows(tree, new Set([1])))).toEqual(['root', 'a', 'b', 'b1', 'c']);
    expect(keysOf(tree, visibleRows(tree, new Set([1, 2, 5])))).toEqual(['root', 'a', 'b', 'c']);
    expect(keysOf(tree, visibleRows(tree, new Set([0])))).toEqual(['root']);
  });

  it('ignores a collapsed leaf', () => {
    expect(visibleRows(tree, new Set([3]))).toHaveLength(8);
  });
});

describe('collapse and expand', () => {
  it('collapses all to the roots and expands all back', () => {
    const all = collapseAll(tree);
    expect(keysOf(tree, [...all].sort((x, y) => x - y))).toEqual(['root', 'a', 'a1', 'b']);
    expect(keysOf(tree, visibleRows(tree, all))).toEqual(['root']);
    expect(visibleRows(tree, expandAll())).toHaveLength(8);
  });

  it('expands one level at a time, as Jaeger UI does', () => {
    let collapsed: Set<number> = collapseAll(tree);
    collapsed = expandOneLevel(tree, collapsed);
    expect(keysOf(tree, visibleRows(tree, collapsed))).toEqual(['root', 'a', 'b', 'c']);
    collapsed = expandOneLevel(tree, collapsed);
    expect(keysOf(tree, visibleRows(tree, collapsed))).toEqual(['root', 'a', 'a1', 'a2', 'b', 'b1', 'c']);
    collapsed = expandOneLevel(tree, collapsed);
    expect(collapsed.size).toBe(0);
  });

  it('collapses the deepest open parent of each branch', () => {
    let collapsed = collapseOneLevel(tree, new Set());
    expect(keysOf(tree, [...collapsed].sort((x, y) => x - y))).toEqual(['a1', 'b']);
    collapsed = collapseOneLevel(tree, collapsed);
    expect(keysOf(tree, [...collapsed].sort((x, y) => x - y))).toEqual(['a', 'a1', 'b']);
    collapsed = collapseOneLevel(tree, collapsed);
    expect(keysOf(tree, visibleRows(tree, collapsed))).toEqual(['root']);
  });

  it('reveals a row by opening its collapsed ancestors only', () => {
    const collapsed = revealRow(tree, new Set([0, 1, 2, 5]), 3);
    expect([...collapsed]).toEqual([5]);
    expect(keysOf(tree, visibleRows(tree, collapsed))).toContain('a1x');
  });

  it('does not mutate the set it is given', () => {
    const given = new Set([1]);
    expandOneLevel(tree, given);
    collapseOneLevel(tree, given);
    revealRow(tree, given, 2);
    expect([...given]).toEqual([1]);
  });
});

describe('findRows', () => {
  it('matches names, services, attribute keys and values, and resource attributes, ignoring case', () => {
    expect(keysOf(tree, findRows(tree, 'select'))).toEqual(['a1']);
    expect(keysOf(tree, findRows(tree, 'gateway'))).toEqual(['root']);
    expect(keysOf(tree, findRows(tree, 'HTTP.ROUTE'))).toEqual(['a']);
    expect(keysOf(tree, findRows(tree, 'cart/{'))).toEqual(['a']);
    expect(keysOf(tree, findRows(tree, 'needle'))).toEqual(['a']);
    expect(keysOf(tree, findRows(tree, 'pod-7'))).toEqual(['a2']);
    expect(keysOf(tree, findRows(tree, '<script>'))).toEqual(['b1']);
  });

  it('returns matches in display order and nothing for an empty query', () => {
    expect(keysOf(tree, findRows(tree, 'op-a'))).toEqual(['a', 'a1x', 'a2']);
    expect(findRows(tree, '   ')).toHaveLength(0);
    expect(findRows(tree, 'no such thing')).toHaveLength(0);
  });
});

describe('row keys', () => {
  it('carry collapsed state over to a rebuilt tree whose rows moved', () => {
    const collapsed = keysOfRows(tree, new Set([1, 5, 99]));
    expect([...collapsed]).toEqual(['a', 'b']);
    // The same trace with an earlier span added: every row index shifts by one.
    const rebuilt = buildTraceTree(trace([...tree.spans, span('first', 'root', 0.5, 0.1)]));
    const rows = rowsOfKeys(rebuilt, collapsed);
    expect(keysOf(rebuilt, visibleRows(rebuilt, rows))).toEqual(['root', 'first', 'a', 'b', 'c']);
  });
});
