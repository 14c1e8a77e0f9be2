import { Re2UnsupportedError } from './errors';
import { foldOrbit } from './caseFold';

/** Inclusive code-point ranges, in no particular order, possibly overlapping. */
export type Ranges = Array<readonly [number, number]>;

export const MAX_RUNE = 0x10ffff;

/** RE2's Perl classes are ASCII-only, unlike JS's `\s` (which also takes \v and Unicode spaces). */
export const PERL_CLASSES: Readonly<Record<string, Ranges>> = {
  d: [[0x30, 0x39]],
  s: [[0x09, 0x0a], [0x0c, 0x0d], [0x20, 0x20]],
  w: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
};

export const POSIX_CLASSES: Readonly<Record<string, Ranges>> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  ascii: [[0x00, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[0x41, 0x5a]],
  word: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};

/** Sorted, merged copy. */
export function normalize(ranges: Ranges): Ranges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = out.at(-1);
    if (last !== undefined && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export function negate(ranges: Ranges): Ranges {
  const out: Array<[number, number]> = [];
  let next = 0;
  for (const [lo, hi] of normalize(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

/** Beyond this many code points, folding a class one character at a time is too slow to do per query. */
const MAX_FOLDED_CLASS = 4096;

function size(ranges: Ranges): number {
  return ranges.reduce((n, [lo, hi]) => n + hi - lo + 1, 0);
}

/** The class closed under case folding, as RE2 builds it under `(?i)`. */
export function foldRanges(ranges: Ranges): Ranges {
  const merged = normalize(ranges);
  if (size(merged) > MAX_FOLDED_CLASS) {
    throw new Re2UnsupportedError('a case-insensitive character class of more than 4096 characters inside a (?i:…) group');
  }
  const out: Array<readonly [number, number]> = [...merged];
  for (const [lo, hi] of merged) {
    for (let cp = lo; cp <= hi; cp++) for (const other of foldOrbit(cp)) if (other < lo || other > hi) out.push([other, other]);
  }
  return normalize(out);
}

/** True when folding would change the class: a case-sensitive class cannot sit under a global `i` flag. */
export function isCaseSensitive(ranges: Ranges): boolean {
  const merged = normalize(ranges);
  if (size(merged) > MAX_FOLDED_CLASS) return true;
  return merged.some(([lo, hi]) => {
    for (let cp = lo; cp <= hi; cp++) if (foldOrbit(cp).length > 1) return true;
    return false;
  });
}

const hex = (cp: number) => `\\u{${cp.toString(16)}}`;

/** The body of a JS `u`-mode class (without brackets): every member spelled as `\u{…}`, so nothing needs escaping. */
export function rangesSource(ranges: Ranges): string {
  return normalize(ranges)
    .map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`))
    .join('');
}

export function literalSource(cp: number): string {
  return hex(cp);
}
