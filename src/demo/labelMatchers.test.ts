import { describe, expect, it } from 'vitest';
import { compileAnchoredRegex, compileMatcher, matcherPredicate } from './labelMatchers';
import type { LabelMatcher } from './source';

const re = (value: string) => compileAnchoredRegex(value);
const matches = (value: string, s: string) => re(value).test(s);

describe('compileAnchoredRegex: RE2 as Prometheus 2.42 compiles it (^(?:value)$)', () => {
  it('anchors the whole value, alternation included', () => {
    expect(matches('pay', 'payments')).toBe(false);
    expect(matches('a|b', 'ab')).toBe(false);
    expect(matches('a|b', 'b')).toBe(true);
  });

  it('lets . stop at \\n only (2.42 sets no s flag), and (?s) cross it', () => {
    expect(matches('line.*', 'line one\nline two')).toBe(false);
    expect(matches('(?s)line.*', 'line one\nline two')).toBe(true);
    expect(matches('carriage.return', 'carriage\rreturn')).toBe(true);
    expect(matches('a.b', 'a\u2028b')).toBe(true);
    expect(matches('.', '😀')).toBe(true);
    expect(matches('[^a]', '\n')).toBe(true);
  });

  it('scopes (?m) to ^ and $ at line ends', () => {
    expect(matches('(?m)a$\\nb', 'a\nb')).toBe(true);
    expect(matches('a$\\nb', 'a\nb')).toBe(false);
  });

  it('takes a leading (?i) for the whole value, with Unicode case folding', () => {
    expect(matches('(?i)payments', 'PAYments')).toBe(true);
    expect(matches('(?i)kelvin', '\u212Aelvin')).toBe(true);
    expect(matches('(?i)small', '\u017Fmall')).toBe(true);
    expect(re('(?i)payments').flags).toContain('i');
  });

  it('scopes (?i) groups mid-pattern, which JS in Node 20 cannot spell, by expanding them', () => {
    expect(matches('PAY(?i:ments)', 'PAYMENTS')).toBe(true);
    expect(matches('PAY(?i:ments)', 'payments')).toBe(false);
    expect(matches('PAY(?i)ments', 'PAYmEnTs')).toBe(true);
    expect(matches('(?i)PAY(?-i:ments)', 'payments')).toBe(true);
    expect(matches('(?i)PAY(?-i:ments)', 'payMENTS')).toBe(false);
    expect(matches('(a(?i)b)c', 'aBc')).toBe(true);
    expect(matches('(a(?i)b)c', 'aBC')).toBe(false);
    expect(matches('x(?i:[k-l])y', 'x\u212Ay')).toBe(true);
    expect(matches('x(?i:[^k])y', 'xKy')).toBe(false);
    expect(re('PAY(?i:ments)').flags).not.toContain('i');
  });

  it('keeps \\d, \\s, \\w and POSIX classes ASCII, as RE2 does', () => {
    expect(matches('\\w+', 'Straße')).toBe(false);
    expect(matches('\\s', '\u00a0')).toBe(false);
    expect(matches('\\s', '\v')).toBe(false);
    expect(matches('[[:space:]]', '\v')).toBe(true);
    expect(matches('[[:^alpha:]]+', '123')).toBe(true);
    expect(matches('\\pL+', 'Straße')).toBe(true);
    expect(matches('\\p{Greek}', 'λ')).toBe(true);
  });

  it('reads RE2-only literal syntax: \\Q…\\E, \\x{…}, octal, escaped punctuation, literal braces', () => {
    expect(matches('\\Qa.b\\E', 'a.b')).toBe(true);
    expect(matches('\\Qa.b\\E', 'axb')).toBe(false);
    expect(matches('\\x{1F600}', '😀')).toBe(true);
    expect(matches('\\101', 'A')).toBe(true);
    expect(matches('\\_\\:\\@', '_:@')).toBe(true);
    expect(matches('a{,2}', 'a{,2}')).toBe(true);
    expect(matches('[]a]+', ']a')).toBe(true);
    expect(matches('(?P<name>pay)ments', 'payments')).toBe(true);
  });

  it('honours (?U) by swapping greediness and accepts a repetition of a repetition across a flag group', () => {
    expect(re('(?U)a+').source).toContain('+?');
    expect(matches('a*(?i)*', 'aaa')).toBe(true);
  });

  it("refuses what Go's parser refuses, in Go's words", () => {
    const reason = (value: string) => {
      try {
        re(value);
        return 'accepted';
      } catch (e) {
        return (e as { reason?: string }).reason ?? String(e);
      }
    };
    expect(reason('(')).toBe('missing closing ): `^(?:()$`');
    expect(reason('a)|(b')).toBe('unexpected ): `a)|(b`');
    expect(reason('x{1001}')).toBe('invalid repeat count: `{1001}`');
    expect(reason('[[:foo:]]')).toBe('invalid character class range: `[:foo:]`');
    expect(reason('(?i-)a')).toBe('invalid or unsupported Perl syntax: `(?i-)`');
    expect(reason('\\8')).toBe('invalid escape sequence: `\\8`');
    expect(reason('a+*')).toBe('invalid nested repetition operator: `+*`');
    expect(reason('(?<n>a)')).toBe('invalid or unsupported Perl syntax: `(?<`');
  });
});

describe('compileMatcher and matcherPredicate', () => {
  const m = (type: LabelMatcher['type'], value: string): LabelMatcher => ({ name: 'v', type, value });

  it('treats a missing label as the empty string', () => {
    expect(compileMatcher(m('=~', ''))({})).toBe(true);
    expect(compileMatcher(m('!~', '.+'))({})).toBe(true);
    expect(compileMatcher(m('=~', '(?i)x'))({})).toBe(false);
  });

  it('selects with (?i) without throwing (the original defect: `^(?:(?i)foo)$` with the s flag threw)', () => {
    expect(matcherPredicate([m('=~', '(?i)foo')])({ v: 'FOO' })).toBe(true);
    expect(matcherPredicate([m('!~', '.*')])({ v: 'line\nbreak' })).toBe(true);
  });

  it('hands the same matchers the same compiled predicate', () => {
    expect(matcherPredicate([m('=', 'a'), m('!=', 'b')])).toBe(matcherPredicate([m('=', 'a'), m('!=', 'b')]));
    expect(matcherPredicate([m('=', 'a')])({ v: 'a' })).toBe(true);
    expect(matcherPredicate([m('=', 'a')])({ v: 'b' })).toBe(false);
  });
});
