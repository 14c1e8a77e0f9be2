import { describe, expect, it } from 'vitest';
import { parseGoFloat, parsePromDuration, parsePromqlNumber, unquoteString } from './literals';

describe('literals', () => {
  it('parses floats like Go strconv (le labels)', () => {
    expect(parseGoFloat('+Inf')).toBe(Infinity);
    expect(parseGoFloat('0.25')).toBe(0.25);
    expect(parseGoFloat('1e3')).toBe(1000);
    expect(parseGoFloat('0x1p-2')).toBe(0.25);
    expect(parseGoFloat('NaN')).toBeNaN();
    expect(parseGoFloat('1_000')).toBeNull();
    expect(parseGoFloat('')).toBeNull();
  });

  it('parses PromQL numbers with Go integer prefixes', () => {
    expect(parsePromqlNumber('0x1f')).toBe(31);
    expect(parsePromqlNumber('010')).toBe(8);
    expect(parsePromqlNumber('1.5e3')).toBe(1500);
  });

  it('parses durations in descending unit order', () => {
    expect(parsePromDuration('1h30m')).toBe(5_400_000);
    expect(parsePromDuration('2d')).toBe(172_800_000);
    expect(parsePromDuration('100ms')).toBe(100);
    expect(parsePromDuration('30m1h')).toBeNull();
  });

  it('unquotes strings with Go escapes', () => {
    expect(unquoteString('"a\\"b\\n\\u00e9"')).toBe('a"b\né');
    expect(unquoteString("'it\\'s'")).toBe("it's");
    expect(unquoteString('`raw\\n`')).toBe('raw\\n');
    expect(unquoteString('"open')).toBeNull();
    expect(unquoteString('"bad \\q"')).toBeNull();
  });
});
