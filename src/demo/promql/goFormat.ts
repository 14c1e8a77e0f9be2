/**
 * Go's fmt verbs that Prometheus's parse errors are built with (`%q` of strings and runes, `%#U`), so
 * the demo's messages are byte-for-byte Prometheus's.
 */

/** strconv.IsPrint, close enough: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
};

function escapeRune(ch: string, quote: string): string {
  if (ch === quote) return `\\${quote}`;
  const named = NAMED_ESCAPES[ch];
  if (named !== undefined) return named;
  if (PRINTABLE.test(ch)) return ch;
  const code = ch.codePointAt(0) as number;
  if (code < 0x80) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

/** `%q` of a string (strconv.Quote). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += escapeRune(ch, '"');
  return `${out}"`;
}

/** `%.10q…` as lex.go's Item.String() shortens values longer than 10 bytes: 10 runes, quoted, then `...`. */
export function goQuoteShort(s: string): string {
  if (utf8Length(s) <= 10) return goQuote(s);
  return `${goQuote(Array.from(s).slice(0, 10).join(''))}...`;
}

/** `%q` of a rune (strconv.QuoteRune); `null` is Go's eof rune (-1), printed as U+FFFD. */
export function goQuoteRune(ch: string | null): string {
  return `'${escapeRune(ch ?? '\uFFFD', "'")}'`;
}

/** `%#U` of a rune: `U+0071 'q'`, without the quoted form when the rune is not printable. */
export function goUnicode(ch: string): string {
  const code = (ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
  return PRINTABLE.test(ch) ? `U+${code} '${ch}'` : `U+${code}`;
}

/** Bytes of `s` in UTF-8: Prometheus's positions are byte offsets. */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    n += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return n;
}
