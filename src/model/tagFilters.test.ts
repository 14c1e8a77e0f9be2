import { describe, expect, it } from 'vitest';
import { parseTagFilters } from './tagFilters';
import { formatTagFilters } from './traceSearchState';

describe('parseTagFilters', () => {
  it('reads several key=value pairs separated by spaces', () => {
    expect(parseTagFilters('http.status_code=500 error=true')).toEqual({ 'http.status_code': '500', error: 'true' });
    expect(parseTagFilters('  a=1\t b=2 ')).toEqual({ a: '1', b: '2' });
    expect(parseTagFilters('')).toEqual({});
  });

  it('reads quoted values with spaces, escaped quotes, an equals sign, and an empty value', () => {
    expect(parseTagFilters('http.route="/cart items" msg="say \\"hi\\"" q="a=b" empty=""')).toEqual({
      'http.route': '/cart items',
      msg: 'say "hi"',
      q: 'a=b',
      empty: '',
    });
  });

  it.each([
    ['error', /has no value/],
    ['=500', /no key/],
    ['a="open', /no closing quote/],
    ['a="x"b=1', /Put a space/],
    ['a=x"y', /holds a quote/],
  ])('rejects %j with a message', (text, message) => {
    const out = parseTagFilters(text);
    expect(out).toBeInstanceOf(Error);
    expect((out as Error).message).toMatch(message);
  });

  it('round-trips through formatTagFilters', () => {
    const tags = { 'http.status_code': '500', route: '/a b', quote: 'x"y\\z', empty: '', '<script>': '<b>' };
    expect(parseTagFilters(formatTagFilters(tags))).toEqual(tags);
  });
});
