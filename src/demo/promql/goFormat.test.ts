import { describe, expect, it } from 'vitest';
import { goQuote, goQuoteRune, goQuoteShort, goUnicode, utf8Length } from './goFormat';

describe('Go fmt verbs', () => {
  it('quotes strings as %q', () => {
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goQuote('tab\tnl\n\x01\x7f')).toBe('"tab\\tnl\\n\\x01\\x7f"');
    expect(goQuote('é✓')).toBe('"é✓"');
    expect(goQuote('\u200b')).toBe('"\\u200b"');
  });

  it('shortens values over 10 bytes as %.10q...', () => {
    expect(goQuoteShort('"abcdefgh"')).toBe('"\\"abcdefgh\\""');
    expect(goQuoteShort('"abcdefghijklmn"')).toBe('"\\"abcdefghi"...');
  });

  it('quotes runes as %q, eof as U+FFFD, and prints %#U', () => {
    expect(goQuoteRune("'")).toBe("'\\''");
    expect(goQuoteRune('"')).toBe(`'"'`);
    expect(goQuoteRune(null)).toBe("'\uFFFD'");
    expect(goUnicode('q')).toBe("U+0071 'q'");
    expect(goUnicode('\n')).toBe('U+000A');
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Length('aé✓😀')).toBe(1 + 2 + 3 + 4);
  });
});
