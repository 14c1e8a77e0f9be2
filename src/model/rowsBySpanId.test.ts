import { describe, expect, it } from 'vitest';
import { RowsBySpanId } from './rowsBySpanId';

describe('RowsBySpanId', () => {
  it('answers span ID → row through the node map and the node → row column, as a ReadonlyMap', () => {
    const rows = new RowsBySpanId(new Map([['a', 0], ['b', 1], ['c', 2]]), Int32Array.from([2, 0, 1]));
    expect(rows.get('a')).toBe(2);
    expect(rows.get('c')).toBe(1);
    expect(rows.get('zz')).toBeUndefined();
    expect(rows.has('b')).toBe(true);
    expect(rows.size).toBe(3);
    expect([...rows]).toEqual([['a', 2], ['b', 0], ['c', 1]]);
    expect(new Map(rows.entries())).toEqual(new Map([['a', 2], ['b', 0], ['c', 1]]));
    const seen: string[] = [];
    rows.forEach((row, id) => seen.push(`${id}:${row}`));
    expect(seen).toEqual(['a:2', 'b:0', 'c:1']);
  });
});
