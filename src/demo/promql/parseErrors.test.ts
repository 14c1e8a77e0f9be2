import { describe, expect, it } from 'vitest';
import { PromqlError } from './errors';
import { parseQuery } from './parse';

/**
 * Every expected text below is what Prometheus 2.42 (/usr/bin/prometheus) answered for the query
 * on /api/v1/query, after `invalid parameter "query": `. The differential test in
 * e2e/promql-diff.real.test.ts checks a sample of them against the running binary.
 */
const PROMETHEUS_2_42: ReadonlyArray<readonly [string, string]> = [
  // the 2.42 lexer: unbalanced ( ) [ ]
  ['sum(rate(x[5m])', '1:16: parse error: unclosed left parenthesis'],
  ['(x', '1:3: parse error: unclosed left parenthesis'],
  ['x + on(a', '1:9: parse error: unclosed left parenthesis'],
  ['x{a="b"}\n+ (y', '2:5: parse error: unclosed left parenthesis'],
  ['x)', `1:3: parse error: unexpected right parenthesis ')'`],
  ['sum(x))', `1:8: parse error: unexpected right parenthesis ')'`],
  ['x[5m', '1:5: parse error: unclosed left bracket'],
  ['x[5m:1m', '1:8: parse error: unclosed left bracket'],
  ['x]', `1:2: parse error: unexpected right bracket ']'`],
  ['x[5m]]', `1:6: parse error: unexpected right bracket ']'`],
  ['x[5m:[', `1:6: parse error: unexpected left bracket '['`],
  ['x[5m:5m:', `1:8: parse error: unexpected colon ':'`],
  // the 2.42 lexer: braces, stray characters, strings and escapes
  ['x{job="inventory"', '1:18: parse error: unexpected end of input inside braces'],
  ['x{a="b",', '1:9: parse error: unexpected end of input inside braces'],
  ['x{a="b"\n', '2:1: parse error: unexpected end of input inside braces'],
  ['x{{', `1:3: parse error: unexpected left brace '{'`],
  ['x{a~"b"}', `1:4: parse error: unexpected character inside braces: '~'`],
  ['x{a!}', `1:4: parse error: unexpected character after '!' inside braces: '}'`],
  ['x{a="b"}}', `1:9: parse error: unexpected character: '}'`],
  ['x ~ y', `1:3: parse error: unexpected character: '~'`],
  ['x.y', `1:2: parse error: unexpected character: '.'`],
  ['x !', `1:3: parse error: unexpected character after '!': '�'`],
  ['x=~y', `1:2: parse error: unexpected character after '=': '~'`],
  ['x{a="b}', '1:5: parse error: unterminated quoted string'],
  [`x{a='b}`, '1:5: parse error: unterminated quoted string'],
  ['"abc', '1:1: parse error: unterminated quoted string'],
  ['x{a=`b}', '1:5: parse error: unterminated raw string'],
  ['x{a="\\q"}', `1:5: parse error: unknown escape sequence U+0071 'q'`],
  ['x{a="\\xZZ"}', `1:5: parse error: illegal character U+005A 'Z' in escape sequence`],
  ['x{a="\\u12"}', `1:5: parse error: illegal character U+0022 '"' in escape sequence`],
  ['x{a="\\400"}', '1:5: parse error: escape sequence is an invalid Unicode code point'],
  ['x{a="\\', '1:5: parse error: escape sequence not terminated'],
  // durations and numbers
  ['rate(x[5x])', '1:8: parse error: bad duration syntax: "5"'],
  ['x[5]', '1:3: parse error: missing unit character in duration'],
  ['x[]', '1:3: parse error: missing unit character in duration'],
  ['x[-5m]', '1:3: parse error: missing unit character in duration'],
  ['x[5m5]', '1:3: parse error: bad duration syntax: "5m5"'],
  ['x[5mm]', '1:3: parse error: bad duration syntax: "5mm"'],
  ['x[1h30]', '1:3: parse error: bad duration syntax: "1h30"'],
  ['5x', '1:1: parse error: bad number or duration syntax: "5"'],
  ['1_000', '1:1: parse error: bad number or duration syntax: "1"'],
  ['0x1g', '1:1: parse error: bad number or duration syntax: "0x1"'],
  ['x offset 5x', '1:10: parse error: bad number or duration syntax: "5"'],
  ['x[1.5m]', '1:3: parse error: not a valid duration string: "1.5m"'],
  ['x offset 1.5m', '1:10: parse error: not a valid duration string: "1.5m"'],
  ['x[0s]', '1:3: parse error: duration must be greater than 0'],
  ['x offset 0s', '1:10: parse error: duration must be greater than 0'],
  ['1e', '1:1: parse error: error parsing number: strconv.ParseFloat: parsing "1e": invalid syntax'],
  ['0x', '1:1: parse error: error parsing number: strconv.ParseFloat: parsing "0x": invalid syntax'],
  ['1e999', '1:1: parse error: error parsing number: strconv.ParseFloat: parsing "1e999": value out of range'],
  // unexpected tokens outside any context, and positions (lines, UTF-8 bytes)
  ['x y', '1:3: parse error: unexpected identifier "y"'],
  ['x 1', '1:3: parse error: unexpected number "1"'],
  ['1.2.3', '1:4: parse error: unexpected number ".3"'],
  ['x "abc"', '1:3: parse error: unexpected string "\\"abc\\""'],
  ['x "abcdefghijklmn"', '1:3: parse error: unexpected string "\\"abcdefghi"...'],
  ['x 5m', '1:3: parse error: unexpected duration "5m"'],
  ['5m', '1:1: parse error: unexpected duration "5m"'],
  ['x sum', '1:3: parse error: unexpected <aggr:sum>'],
  ['x by', '1:3: parse error: unexpected <by>'],
  ['x a:b', '1:3: parse error: unexpected metric identifier "a:b"'],
  ['x :y', '1:3: parse error: unexpected metric identifier ":y"'],
  ['1 =', '1:3: parse error: unexpected "="'],
  ['x,', '1:2: parse error: unexpected ","'],
  ['()', '1:2: parse error: unexpected ")"'],
  ['(1,2)', '1:3: parse error: unexpected ","'],
  ['x{a="b"}{', '1:9: parse error: unexpected "{"'],
  ['abs(x) (', '1:8: parse error: unexpected "("'],
  ['by(x)', '1:3: parse error: unexpected "("'],
  ['start()', '1:6: parse error: unexpected "("'],
  ['x +', '1:4: parse error: unexpected end of input'],
  ['x + ', '1:5: parse error: unexpected end of input'],
  ['x and', '1:6: parse error: unexpected end of input'],
  ['-', '1:2: parse error: unexpected end of input'],
  ['x == bool', '1:10: parse error: unexpected end of input'],
  ['x # comment\n+', '2:2: parse error: unexpected end of input'],
  ['x\n y', '2:2: parse error: unexpected identifier "y"'],
  ['x{a="é"} y', '1:11: parse error: unexpected identifier "y"'],
  // label matchers
  ['x{a=~b}', '1:6: parse error: unexpected identifier "b" in label matching, expected string'],
  ['x{a="b" c="d"}', '1:9: parse error: unexpected identifier "c" in label matching, expected "," or "}"'],
  ['x{="b"}', '1:3: parse error: unexpected "=" in label matching, expected identifier or "}"'],
  ['x{,}', '1:3: parse error: unexpected "," in label matching, expected identifier or "}"'],
  ['x{a="b",,}', '1:9: parse error: unexpected "," in label matching, expected identifier or "}"'],
  ['x{a b}', '1:5: parse error: unexpected identifier "b" in label matching, expected label matching operator'],
  ['x{a}', '1:4: parse error: unexpected "}" in label matching, expected label matching operator'],
  ['x{a=}', '1:5: parse error: unexpected "}" in label matching, expected string'],
  ['x{a=="b"}', '1:5: parse error: unexpected "=" in label matching, expected string'],
  ['x{"a"="b"}', '1:3: parse error: unexpected string "\\"a\\"" in label matching, expected identifier or "}"'],
  // grouping labels (by, without, on, ignoring, group_left, group_right)
  ['sum(x) by', '1:10: parse error: unexpected end of input in grouping opts, expected "("'],
  ['sum by', '1:7: parse error: unexpected end of input in grouping opts, expected "("'],
  ['sum(x) without', '1:15: parse error: unexpected end of input in grouping opts, expected "("'],
  ['x + on', '1:7: parse error: unexpected end of input in grouping opts, expected "("'],
  ['x + on(a) group_left', '1:21: parse error: unexpected end of input in grouping opts, expected "("'],
  ['x + ignoring(a) group_left group_right y', '1:28: parse error: unexpected <group_right> in grouping opts, expected "("'],
  ['sum by a (x)', '1:8: parse error: unexpected identifier "a" in grouping opts, expected "("'],
  ['sum by (a (x)', '1:11: parse error: unexpected "(" in grouping opts, expected "," or ")"'],
  ['sum by (,) (x)', '1:9: parse error: unexpected "," in grouping opts, expected label'],
  ['sum by (a:b) (x)', '1:9: parse error: unexpected metric identifier "a:b" in grouping opts, expected label'],
  ['sum(x) by (a b)', '1:14: parse error: unexpected identifier "b" in grouping opts, expected "," or ")"'],
  ['x + on(1) y', '1:8: parse error: unexpected number "1" in grouping opts, expected label'],
  // aggregation and call arguments
  ['sum by (a) by (b) (x)', '1:12: parse error: unexpected <by> in aggregation'],
  ['sum by(a)', '1:10: parse error: unexpected end of input in aggregation'],
  ['sum by(a) x', '1:11: parse error: unexpected identifier "x" in aggregation'],
  ['sum(,)', '1:5: parse error: unexpected "," in aggregation'],
  ['sum(x y)', '1:7: parse error: unexpected identifier "y" in aggregation'],
  ['sum(rate(x y))', '1:12: parse error: unexpected identifier "y" in aggregation'],
  ['sum(x + )', '1:9: parse error: unexpected ")" in aggregation'],
  ['sum(5m)', '1:5: parse error: unexpected duration "5m" in aggregation'],
  ['sum x', '1:5: parse error: unexpected identifier "x"'],
  ['sum(x) by (a) y', '1:15: parse error: unexpected identifier "y"'],
  ['rate(x y)', '1:8: parse error: unexpected identifier "y"'],
  ['rate(,)', '1:6: parse error: unexpected ","'],
  ['sum(x,)', '1:6: parse error: trailing commas not allowed in function call args'],
  ['sum(x,,)', '1:6: parse error: trailing commas not allowed in function call args'],
  ['abs(x, )', '1:6: parse error: trailing commas not allowed in function call args'],
  ['histogram_quantile(0.9,)', '1:23: parse error: trailing commas not allowed in function call args'],
  // offset, @, brackets, and syntax newer than 2.42
  ['x offset', '1:9: parse error: unexpected end of input in offset, expected duration'],
  ['x[5m] offset', '1:13: parse error: unexpected end of input in offset, expected duration'],
  ['x offset y', '1:10: parse error: unexpected identifier "y" in offset, expected duration'],
  ['x offset 5', '1:10: parse error: unexpected number "5" in offset, expected duration'],
  ['x offset -', '1:11: parse error: unexpected end of input in offset, expected duration'],
  ['x offset (5m)', '1:10: parse error: unexpected "(" in offset, expected duration'],
  ['x @', '1:4: parse error: unexpected end of input in @, expected timestamp'],
  ['x @ y', '1:5: parse error: unexpected identifier "y" in @, expected timestamp'],
  ['x[5m 1m]', '1:6: parse error: unexpected duration "1m" in subquery or range, expected ":" or "]"'],
  ['x[5m+1m]', '1:5: parse error: unexpected <op:+> in subquery or range, expected ":" or "]"'],
  ['x[5m] smoothed', '1:7: parse error: unexpected identifier "smoothed"'],
  ['sum(x) smoothed', '1:8: parse error: unexpected identifier "smoothed"'],
  // function and aggregation names, argument counts and types
  ['foo(x)', '1:1: parse error: unknown function with name "foo"'],
  ['foo(x', '1:6: parse error: unclosed left parenthesis'],
  ['foo(x y)', '1:7: parse error: unexpected identifier "y"'],
  ['sort_by_label(x)', '1:1: parse error: unknown function with name "sort_by_label"'],
  ['limitk(1, x)', '1:1: parse error: unknown function with name "limitk"'],
  ['x + fill(0) y', '1:5: parse error: unknown function with name "fill"'],
  ['rate()', '1:1: parse error: expected 1 argument(s) in call to "rate", got 0'],
  ['rate(x, y)', '1:1: parse error: expected 1 argument(s) in call to "rate", got 2'],
  ['rate(x)', '1:6: parse error: expected type range vector in call to function "rate", got instant vector'],
  ['abs(x[5m])', '1:5: parse error: expected type instant vector in call to function "abs", got range vector'],
  ['vector(x)', '1:8: parse error: expected type scalar in call to function "vector", got instant vector'],
  ['time(1)', '1:1: parse error: expected 0 argument(s) in call to "time", got 1'],
  ['round(x, 1, 2)', '1:1: parse error: expected at most 2 argument(s) in call to "round", got 3'],
  ['label_join(x)', '1:1: parse error: expected at least 3 argument(s) in call to "label_join", got 1'],
  ['label_replace(x, "a", "b", "c")', '1:1: parse error: expected 5 argument(s) in call to "label_replace", got 4'],
  ['label_replace(x, "a", "b", "c", 1)', '1:33: parse error: expected type string in call to function "label_replace", got scalar'],
  ['rate(abs(x))', '1:6: parse error: expected type range vector in call to function "rate", got instant vector'],
  ['sum(time())', '1:5: parse error: expected type instant vector in aggregation expression, got scalar'],
  ['sum(x[5m])', '1:5: parse error: expected type instant vector in aggregation expression, got range vector'],
  ['sum()', '1:1: parse error: no arguments for aggregate expression provided'],
  ['sum(x, y)', '1:1: parse error: wrong number of arguments for aggregate expression provided, expected 1, got 2'],
  ['topk(x)', '1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1'],
  ['count_values(1, x)', '1:14: parse error: expected type string in aggregation parameter, got scalar'],
  ['quantile("a", x)', '1:10: parse error: expected type scalar in aggregation parameter, got string'],
  ['topk(x, y[5m])', '1:9: parse error: expected type instant vector in aggregation expression, got range vector'],
  // selectors, ranges, offsets and operators
  ['x{a="b"} offset 5m[5m]', '1:19: parse error: no offset modifiers allowed before range'],
  ['sum(x)[5m]', '1:7: parse error: ranges only allowed for vector selectors'],
  ['(x)[5m]', '1:4: parse error: ranges only allowed for vector selectors'],
  ['x[5m][5m]', '1:6: parse error: ranges only allowed for vector selectors'],
  ['-x[5m]', '1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got "range vector"'],
  ['x + y[5m]', '1:5: parse error: binary expression must contain only scalar and instant vector types'],
  ['x + 1 offset 5m', '1:5: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery'],
  ['sum(x) offset 5m', '1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery'],
  ['x offset 5m offset 1m', '1:1: parse error: offset may not be set multiple times'],
  ['x[5m] + 1', '1:1: parse error: binary expression must contain only scalar and instant vector types'],
  ['x + bool y', '1:3: parse error: bool modifier can only be used on comparison operators'],
  ['1 > 2', '1:3: parse error: comparisons between scalars must use BOOL modifier'],
  ['x and on(a) group_left y', '1:1: parse error: no grouping allowed for "and" operation'],
  ['1 and x', '1:1: parse error: set operator "and" not allowed in binary scalar expression'],
  ['{}', '1:1: parse error: vector selector must contain at least one non-empty matcher'],
  ['x{__name__="y"}', '1:1: parse error: metric name must not be set twice: "x" or "y"'],
  // regular expressions (Go's regexp wording)
  ['x{a=~"("}', '1:3: parse error: error parsing regexp: missing closing ): `^(?:()$`'],
  ['x{a=~"a)"}', '1:3: parse error: error parsing regexp: unexpected ): `^(?:a))$`'],
  ['x{a=~"[a"}', '1:3: parse error: error parsing regexp: missing closing ]: `[a)$`'],
  ['x{a=~"[z-a]"}', '1:3: parse error: error parsing regexp: invalid character class range: `z-a`'],
  ['x{a=~"*a"}', '1:3: parse error: error parsing regexp: missing argument to repetition operator: `*`'],
  ['x{a=~"a**"}', '1:3: parse error: error parsing regexp: invalid nested repetition operator: `**`'],
  ['x{a=~"a{2,1}"}', '1:3: parse error: error parsing regexp: invalid repeat count: `{2,1}`'],
  ['x{a=~"(?z)"}', '1:3: parse error: error parsing regexp: invalid or unsupported Perl syntax: `(?z`'],
  ['x{a=~"(?<x>a)"}', '1:3: parse error: error parsing regexp: invalid or unsupported Perl syntax: `(?<`'],
  ['x{a=~"(?=a)"}', '1:3: parse error: error parsing regexp: invalid or unsupported Perl syntax: `(?=`'],
  ['x{a=~"(a)\\\\1"}', '1:3: parse error: error parsing regexp: invalid escape sequence: `\\1`'],
  // where lezer and 2.42 part ways: keywords as metric names, unknown calls, the AT item, blanks in brackets
  ['rate(x[5m@])', '1:10: parse error: unexpected "<Item 57385>" <op:@> in subquery or range, expected ":" or "]"'],
  ['@x', '1:1: parse error: unexpected "<Item 57385>" <op:@>'],
  ['clamp(x,[ 1, 4)', '1:8: parse error: trailing commas not allowed in function call args'],
  ['clamp(x, 1, on  4)', '1:11: parse error: trailing commas not allowed in function call args'],
  ['topk(3, [x)', '1:7: parse error: trailing commas not allowed in function call args'],
  ['max by (job) ( offset y)', '1:23: parse error: unexpected identifier "y" in aggregation'],
  [' offset rate(x[5m])', '1:9: parse error: unexpected identifier "rate"'],
  ['x + on(a) offset  group_left(b) y', '1:19: parse error: unexpected <group_left>'],
  ['topk(3,  offset 5m', '1:17: parse error: unexpected duration "5m" in aggregation'],
  ['to(3,  by x) offset 5m', '1:11: parse error: unexpected identifier "x"'],
  ['foo(x, sum by (a b) (y))', '1:18: parse error: unexpected identifier "b" in grouping opts, expected "," or ")"'],
  ['histogra_quantile(0.9, sum by (le, a (rate(x[5m]))))', '1:38: parse error: unexpected "(" in grouping opts, expected "," or ")"'],
  ['x >= 0. y', '1:9: parse error: unexpected identifier "y"'],
  ['irate(x[m])', '1:9: parse error: not a valid duration string: "m"'],
  ['increase(x[10m bool ])', `1:17: parse error: unexpected colon 'o'`],
  ['-1e999', '1:2: parse error: error parsing number: strconv.ParseFloat: parsing "1e999": value out of range'],
  // no expression
  ['  ', '1:1: parse error: no expression found in input'],
  ['# only comment', '1:1: parse error: no expression found in input'],
];

function failure(query: string): PromqlError {
  try {
    parseQuery(query);
  } catch (e) {
    if (e instanceof PromqlError) return e;
    throw e;
  }
  throw new Error(`parsed without error: ${query}`);
}

describe('parse errors worded and placed as Prometheus 2.42', () => {
  it.each(PROMETHEUS_2_42)('%j', (query, expected) => {
    const error = failure(query);
    expect(error.message).toBe(expected);
    expect(error.kind).toBe('parse');
  });
});

describe('valid PromQL the demo does not evaluate stays "unsupported"', () => {
  it.each([
    ['holt_winters(x[5m], 0.5, 0.5)', 'function "holt_winters"'],
    ['group(x)', 'aggregation "group"'],
    ['rate(x[5m:1m])', 'subqueries'],
    // 2.42 lexes a letter inside brackets as the subquery colon: this is x[5m:] there.
    ['x[5m y]', 'subqueries'],
    ['x[5m:1m] offset 5m', 'subqueries'],
    ['x @ 100', 'the @ modifier'],
    ['5.', 'the number literal "5."'],
    ['offset', 'the metric name "offset"'],
  ])('%j', (query, what) => {
    const error = failure(query);
    expect(error.message).toBe(`unsupported by the Watchfloor demo: ${what}`);
    expect(error.kind).toBe('unsupported');
  });

  it('reports a parse error in an unsupported call before "unsupported"', () => {
    expect(failure('sum(predict_linear(x[5m], 60)[5m])').message).toBe('1:30: parse error: ranges only allowed for vector selectors');
    expect(failure('rate(predict_linear(x[5m], 60))').message).toBe(
      '1:6: parse error: expected type range vector in call to function "rate", got instant vector',
    );
  });
});
