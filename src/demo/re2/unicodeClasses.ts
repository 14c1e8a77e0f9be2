import { Re2SyntaxError, Re2UnsupportedError } from './errors';
import { MAX_RUNE, type Ranges } from './charSet';

/** Go's unicode.Categories (Go's `C` has no unassigned `Cn`, unlike JS's `\p{C}`). */
const CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);

function jsAcceptsScript(name: string): boolean {
  if (!/^[A-Za-z_]+$/.test(name)) return false;
  try {
    new RegExp(`\\p{Script=${name}}`, 'u');
    return true;
  } catch {
    return false;
  }
}

export interface UnicodeClass {
  /** Enumerable members (only `\p{Any}`). */
  ranges: Ranges;
  /** JS property escapes, e.g. `\p{Lu}`, `\P{Script=Greek}`. */
  props: string[];
  /** Offset just past the escape. */
  end: number;
}

/** `\pL`, `\p{Greek}`, `\P{^Lu}` at `start` (the backslash), with Go's names and errors. */
export function parseUnicodeClass(expr: string, start: number): UnicodeClass {
  let negated = expr[start + 1] === 'P';
  const open = start + 2;
  let seq: string;
  let name: string;
  let end: number;
  if (expr[open] !== '{') {
    const cp = expr.codePointAt(open);
    end = cp === undefined ? open : open + (cp > 0xffff ? 2 : 1);
    seq = expr.slice(start, end);
    name = expr.slice(open, end);
  } else {
    const close = expr.indexOf('}', start);
    if (close < 0) throw new Re2SyntaxError('invalid character class range', expr.slice(start));
    end = close + 1;
    seq = expr.slice(start, end);
    name = expr.slice(open + 1, close);
  }
  if (name.startsWith('^')) {
    negated = !negated;
    name = name.slice(1);
  }
  const p = negated ? '\\P' : '\\p';
  if (name === 'Any') return { ranges: negated ? [] : [[0, MAX_RUNE]], props: [], end };
  if (name === 'C') {
    if (negated) throw new Re2UnsupportedError('\\PC (JS has no category C without unassigned code points)');
    return { ranges: [], props: ['Cc', 'Cf', 'Co', 'Cs'].map((c) => `\\p{${c}}`), end };
  }
  if (CATEGORIES.has(name)) return { ranges: [], props: [`${p}{${name}}`], end };
  if (jsAcceptsScript(name)) return { ranges: [], props: [`${p}{Script=${name}}`], end };
  throw new Re2SyntaxError('invalid character class range', seq);
}
