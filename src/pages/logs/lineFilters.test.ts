import { describe, expect, it } from 'vitest';
import { compileTerms, highlightRuns, matchRanges } from './highlight';
import { logqlSearchTerms, luceneSearchTerms, unquoteLogQL } from './lineFilters';

describe('search terms from the query', () => {
  it('takes the positive line filters of LogQL, with or-alternatives, and not the negative ones', () => {
    expect(logqlSearchTerms('{app="a"} |= "timeout" or "refused" != "debug" |~ `pay(ment)?` !~ "x" | json | level="error"')).toEqual([
      { kind: 'text', value: 'timeout' },
      { kind: 'text', value: 'refused' },
      { kind: 'regex', value: 'pay(ment)?' },
    ]);
  });

  it('unquotes Go strings', () => {
    expect(unquoteLogQL('"a\\"b\\\\c"')).toBe('a"b\\c');
    expect(unquoteLogQL('`raw\\n`')).toBe('raw\\n');
  });

  it('finds nothing in a query without line filters, even a broken one', () => {
    expect(logqlSearchTerms('{app="a"')).toEqual([]);
    expect(logqlSearchTerms('')).toEqual([]);
  });

  it('takes Lucene phrases and words, without fields, operators or negations', () => {
    expect(luceneSearchTerms('message:"provider timeout" AND error NOT debug AND -skip service.name:payments')).toEqual([
      { kind: 'text', value: 'provider timeout', ignoreCase: true },
      { kind: 'text', value: 'error', ignoreCase: true },
      { kind: 'text', value: 'payments', ignoreCase: true },
    ]);
  });
});

describe('highlighting', () => {
  it('marks every match, merging overlaps', () => {
    const res = compileTerms([{ kind: 'text', value: 'ab' }, { kind: 'regex', value: 'b+c' }]);
    expect(matchRanges('xabbcab', res)).toEqual([[1, 7]]);
    expect(matchRanges('ab-bc', res)).toEqual([[0, 2], [3, 5]]);
  });

  it('skips regexes that do not compile or match nothing', () => {
    expect(compileTerms([{ kind: 'regex', value: '(' }, { kind: 'regex', value: 'x*' }, { kind: 'text', value: '' }])).toEqual([]);
  });

  it('splits runs at the matches and keeps their colours', () => {
    const out = highlightRuns([{ text: 'a timeout b', color: 'red' }], compileTerms([{ kind: 'text', value: 'TIMEOUT', ignoreCase: true }]));
    expect(out).toEqual([
      { text: 'a ', color: 'red' },
      { text: 'timeout', color: 'red', mark: true },
      { text: ' b', color: 'red' },
    ]);
  });

  it('treats regex metacharacters in text terms literally', () => {
    expect(matchRanges('a.b axb', compileTerms([{ kind: 'text', value: 'a.b' }]))).toEqual([[0, 3]]);
  });
});
