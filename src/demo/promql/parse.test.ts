import { describe, expect, it } from 'vitest';
import type { ExprNode, VectorSelectorNode } from './ast';
import { parseQuery } from './parse';

const selectors = (query: string): VectorSelectorNode[] =>
  parseQuery(query).nodes.filter((n: ExprNode): n is VectorSelectorNode => n.kind === 'vectorSelector');
const offsetsOf = (query: string) => selectors(query).map((s) => [s.matchers.find((m) => m.name === '__name__')?.value, s.offsetMs]);

describe('offset binds tighter than any operator, as in PromQL', () => {
  // Lezer hangs the offset on the whole binary expression; PromQL gives it to the rightmost operand.
  it('applies to the right operand of a binary expression only', () => {
    expect(offsetsOf('a / b offset 1w')).toEqual([
      ['a', 0],
      ['b', 604_800_000],
    ]);
    expect(offsetsOf('a + b * c offset 5m')).toEqual([
      ['a', 0],
      ['b', 0],
      ['c', 300_000],
    ]);
  });

  it('applies under a unary minus, and not across parentheses', () => {
    expect(offsetsOf('-a offset 5m')).toEqual([['a', 300_000]]);
    expect(parseQuery('-a offset 5m').root.kind).toBe('unaryMinus');
    expect(() => parseQuery('(a + b) offset 5m')).toThrow(
      '1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery',
    );
  });

  it('keeps negative offsets and offsets inside range functions', () => {
    expect(offsetsOf('a offset -5m')).toEqual([['a', -300_000]]);
    expect(offsetsOf('rate(a[5m]) / rate(a[5m] offset 1h)')).toEqual([
      ['a', 0],
      ['a', 3_600_000],
    ]);
  });

  it('refuses an operator after the offset that binds tighter than the one before it', () => {
    // PromQL reads a - ((b offset 1m) * 2); lezer's tree says (a - b offset 1m) * 2.
    expect(() => parseQuery('a - b offset 1m * 2')).toThrow('unsupported by the Watchfloor demo: an offset followed by an operator');
    expect(() => parseQuery('-a offset 1m ^ 2')).toThrow('unsupported by the Watchfloor demo: an offset followed by an operator');
    expect(offsetsOf('a * b offset 1m - 2')).toEqual([
      ['a', 0],
      ['b', 60_000],
    ]);
  });
});
