/**
 * Label values (service names above all) drawn as text a person can read and tell apart: a hostile or
 * careless name must not reverse itself (U+202E), vanish (U+200B, the empty name), hide a twin
 * (`payments` and `payments `), or push a page off the screen (100,000 characters).
 */
export interface VisibleText {
  /** What to draw: invisible and control characters as `⟨U+202E⟩` markers, cut to `maxChars`. */
  text: string;
  /** The whole value with the same markers, for a `title` (the full name on hover). */
  title: string;
  truncated: boolean;
  /** Some character was replaced by a marker. */
  marked: boolean;
}

/** Characters shown at most, markers counting as one: wide enough for any real service name. */
export const VISIBLE_TEXT_MAX_CHARS = 80;

/**
 * Controls (C0, C1), format characters (bidi overrides and isolates, zero-width space, joiners, BOM,
 * soft hyphen, tags), line and paragraph separators, lone surrogates, and the fillers that draw as
 * nothing (Hangul, braille blank).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0\u2800]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const EDGE_SPACE = /\s/u;

function marker(ch: string): string {
  return `⟨U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/** A zero-width joiner inside an emoji sequence (👩‍💻) is part of the picture, not a hidden character. */
function joinsEmoji(chars: readonly string[], i: number): boolean {
  if (chars[i] !== '\u200D') return false;
  const before = chars[i - 1] === '\uFE0F' ? chars[i - 2] : chars[i - 1];
  const after = chars[i + 1];
  return before !== undefined && after !== undefined && PICTOGRAPHIC.test(before) && PICTOGRAPHIC.test(after);
}

/** Splits into code points, keeping a lone surrogate as its own element (Array.from does too). */
function tokensOf(value: string): { tokens: string[]; marked: boolean } {
  const chars = Array.from(value);
  let first = 0;
  while (first < chars.length && EDGE_SPACE.test(chars[first]!)) first++;
  let last = chars.length - 1;
  while (last >= first && EDGE_SPACE.test(chars[last]!)) last--;
  let marked = false;
  const tokens = chars.map((ch, i) => {
    const edge = i < first || i > last;
    if (edge || (INVISIBLE.test(ch) && !joinsEmoji(chars, i))) {
      marked = true;
      return marker(ch);
    }
    return ch;
  });
  return { tokens, marked };
}

export function visibleText(value: string, maxChars = VISIBLE_TEXT_MAX_CHARS): VisibleText {
  if (value === '') return { text: '⟨empty⟩', title: '⟨empty⟩', truncated: false, marked: true };
  const { tokens, marked } = tokensOf(value);
  const title = tokens.join('');
  if (tokens.length <= maxChars) return { text: title, title, truncated: false, marked };
  return { text: `${tokens.slice(0, Math.max(1, maxChars - 1)).join('')}…`, title, truncated: true, marked };
}
