import { describe, expect, it } from 'vitest';
import { lexPromql } from './promLexer';

const kinds = (query: string) => lexPromql(query).tokens.map((t) => `${t.kind}:${t.text}`);

describe('the 2.42 lexer port', () => {
  it('gives keywords, aggregators and operators their item kinds, and plain identifiers inside braces', () => {
    expect(kinds('sum by (job) (rate(x{by="a"}[5m] offset -1h)) and on() bool')).toEqual([
      'aggregator:sum', 'keyword:by', 'punct:(', 'identifier:job', 'punct:)', 'punct:(', 'identifier:rate', 'punct:(',
      'identifier:x', 'punct:{', 'identifier:by', 'punct:=', 'string:"a"', 'punct:}', 'punct:[', 'duration:5m', 'punct:]',
      'keyword:offset', 'operator:-', 'duration:1h', 'punct:)', 'punct:)', 'operator:and', 'keyword:on', 'punct:(', 'punct:)',
      'keyword:bool', 'eof:',
    ]);
  });

  it('reads numbers, Inf/NaN, metric identifiers and skips comments', () => {
    expect(kinds('0x1F + .5e3 * Inf # note\n- a:b')).toEqual([
      'number:0x1F', 'operator:+', 'number:.5e3', 'operator:*', 'number:Inf', 'operator:-', 'metricIdentifier:a:b', 'eof:',
    ]);
  });

  it('stops at the first error, reporting where 2.42 does and which token it replaced', () => {
    expect(lexPromql('x) + y')).toEqual({
      tokens: [{ kind: 'identifier', text: 'x', start: 0, end: 1, inBraces: false }],
      error: { offset: 2, message: "unexpected right parenthesis ')'", tokenIndex: 1 },
    });
    expect(lexPromql('x[5m y z]').error).toEqual({ offset: 7, message: "unexpected colon 'z'", tokenIndex: 4 });
  });
});
