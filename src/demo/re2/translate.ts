import { foldOrbit } from './caseFold';
import { foldRanges, isCaseSensitive, literalSource, negate, PERL_CLASSES, POSIX_CLASSES, rangesSource, type Ranges } from './charSet';
import { Re2SyntaxError, Re2UnsupportedError } from './errors';
import { parseUnicodeClass } from './unicodeClasses';

/**
 * Go's regexp/syntax (the RE2 dialect Prometheus uses, with its `Perl` flags) translated to an
 * equivalent JS RegExp in `u` mode, following parse.go token by token so that both the accepted
 * language and the error wording are Go's. Every literal is written as `\u{…}`, so no JS-only
 * syntax can leak through. What differs between the two engines is spelled out:
 * - `.` is `[^\n]` (JS's `.` also stops at \r, U+2028, U+2029); under `(?s)` any code point.
 * - `^`/`$` are start/end of text; under `(?m)` also after/before `\n`.
 * - `\d`, `\s`, `\w`, `[[:space:]]` are ASCII-only, as in RE2.
 * - Flags are scoped to their group. JS in Node 20 has no `(?i:…)`, so when case-insensitive and
 *   case-sensitive parts mix, each case-insensitive literal and class is expanded to its folding orbit.
 * Capturing groups become non-capturing: only whether the value matches matters.
 */

interface Flags {
  readonly i: boolean;
  readonly m: boolean;
  readonly s: boolean;
  readonly U: boolean;
}
type FlagName = keyof Flags;

/** `globalFold`: emit case-insensitive parts plainly (valid when the `i` flag can cover the whole pattern). */
type Mode = 'globalFold' | 'expand';

interface OpenGroup {
  flags: Flags;
  outStart: number;
}

interface ClassParts {
  ranges: Ranges;
  props: string[];
}

const PERL_FLAGS: Flags = { i: false, m: false, s: false, U: false };
const ESCAPED_CONTROLS: Readonly<Record<string, number>> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };

const isOctal = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '7';
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const unhex = (ch: string | undefined) => (ch !== undefined && /^[0-9a-fA-F]$/.test(ch) ? parseInt(ch, 16) : -1);
const width = (cp: number) => (cp > 0xffff ? 2 : 1);

/** Go's parseInt: digits without a leading zero; -1 when absurdly large. */
function parseCount(expr: string, at: number): { n: number; end: number } | null {
  if (!isDigit(expr[at])) return null;
  if (expr[at] === '0' && isDigit(expr[at + 1])) return null;
  let end = at;
  while (isDigit(expr[end])) end++;
  const n = end - at > 8 ? -1 : Number(expr.slice(at, end));
  return { n, end };
}

/** Go's parseRepeat: `{n}`, `{n,}`, `{n,m}`; null means `{` is a literal. max -1 means unbounded. */
function parseRepeat(expr: string, at: number): { min: number; max: number; end: number } | null {
  const lo = parseCount(expr, at + 1);
  if (lo === null) return null;
  let min = lo.n;
  let max = min;
  let p = lo.end;
  if (expr[p] === ',') {
    p++;
    if (expr[p] === '}') max = -1;
    else {
      const hi = parseCount(expr, p);
      if (hi === null) return null;
      max = hi.n;
      p = hi.end;
      if (max < 0) min = -1;
    }
  }
  if (expr[p] !== '}') return null;
  return { min, max, end: p + 1 };
}

class Translator {
  private pos = 0;
  private readonly out: string[] = [];
  private flags: Flags = PERL_FLAGS;
  private readonly groups: OpenGroup[] = [];
  /** Output index where the last atom starts; -1 at a group's start or after `|` (Go's pseudo-operators). */
  private atomStart = -1;
  private atomIsRepeat = false;
  /** Offset of the repetition operator that was the previous token, or -1. */
  private lastRepeat = -1;
  /** Some part matches case-insensitively / some part is case-sensitive and letters matter to it. */
  folded = false;
  caseSensitive = false;

  constructor(
    private readonly expr: string,
    private readonly mode: Mode,
  ) {}

  run(): string {
    const e = this.expr;
    while (this.pos < e.length) {
      const start = this.pos;
      let repeat = -1;
      const ch = e[start];
      switch (ch) {
        case '(':
          this.openGroup();
          break;
        case ')':
          this.closeGroup();
          break;
        case '|':
          this.out.push('|');
          this.atomStart = -1;
          this.pos++;
          break;
        case '^':
          this.atom(this.flags.m ? '(?:^|(?<=\\n))' : '(?:^)');
          this.pos++;
          break;
        case '$':
          this.atom(this.flags.m ? '(?:$|(?=\\n))' : '(?:$)');
          this.pos++;
          break;
        case '.':
          this.atom(this.flags.s ? '[\\u{0}-\\u{10ffff}]' : '[^\\n]');
          this.pos++;
          break;
        case '[':
          this.charClass();
          break;
        case '*':
        case '+':
        case '?':
          repeat = start;
          this.repeat(ch, start, start + 1);
          break;
        case '{': {
          const r = parseRepeat(e, start);
          if (r === null) {
            this.literal(0x7b);
            this.pos++;
            break;
          }
          if (r.min < 0 || r.min > 1000 || r.max > 1000 || (r.max >= 0 && r.min > r.max)) {
            throw new Re2SyntaxError('invalid repeat count', e.slice(start, r.end));
          }
          repeat = start;
          this.repeat(r.max === -1 ? `{${r.min},}` : r.min === r.max ? `{${r.min}}` : `{${r.min},${r.max}}`, start, r.end);
          break;
        }
        case '\\':
          this.escape();
          break;
        default: {
          const cp = e.codePointAt(start) ?? 0;
          this.literal(cp);
          this.pos += width(cp);
        }
      }
      this.lastRepeat = repeat;
    }
    if (this.groups.length > 0) throw new Re2SyntaxError('missing closing )', e);
    return this.out.join('');
  }

  private atom(source: string): void {
    this.atomStart = this.out.length;
    this.atomIsRepeat = false;
    this.out.push(source);
  }

  private literal(cp: number): void {
    const orbit = foldOrbit(cp);
    if (orbit.length === 1) return this.atom(literalSource(cp));
    if (!this.flags.i) {
      this.caseSensitive = true;
      return this.atom(literalSource(cp));
    }
    this.folded = true;
    this.atom(this.mode === 'globalFold' ? literalSource(cp) : `[${orbit.map(literalSource).join('')}]`);
  }

  private classAtom(parts: ClassParts, negated: boolean): void {
    let ranges = parts.ranges;
    if (this.flags.i) {
      this.folded = true;
      if (this.mode === 'expand') {
        if (parts.props.length > 0) throw new Re2UnsupportedError('a \\p{…} class inside a (?i:…) group');
        ranges = foldRanges(ranges);
      }
    } else if (parts.props.length > 0 || isCaseSensitive(ranges)) {
      this.caseSensitive = true;
    }
    this.atom(`[${negated ? '^' : ''}${rangesSource(ranges)}${parts.props.join('')}]`);
  }

  private repeat(quantifier: string, start: number, afterOp: number): void {
    let after = afterOp;
    let lazy = false;
    if (this.expr[after] === '?') {
      after++;
      lazy = true;
    }
    if (this.lastRepeat >= 0) throw new Re2SyntaxError('invalid nested repetition operator', this.expr.slice(this.lastRepeat, after));
    if (this.atomStart < 0) throw new Re2SyntaxError('missing argument to repetition operator', this.expr.slice(start, after));
    // Go repeats a repetition when a flag group sits between them (`a*(?i)*`); JS needs a group for that.
    if (this.atomIsRepeat) this.out.push(`(?:${this.out.splice(this.atomStart).join('')})`);
    this.out.push(quantifier + (lazy !== this.flags.U ? '?' : ''));
    this.atomIsRepeat = true;
    this.pos = after;
  }

  private pushGroup(): void {
    this.groups.push({ flags: this.flags, outStart: this.out.length });
    this.out.push('(?:');
    this.atomStart = -1;
  }

  private closeGroup(): void {
    const group = this.groups.pop();
    if (group === undefined) throw new Re2SyntaxError('unexpected )', this.expr);
    this.out.push(')');
    this.flags = group.flags;
    this.atomStart = group.outStart;
    this.atomIsRepeat = false;
    this.pos++;
  }

  /** `(`, `(?P<name>`, `(?flags)`, `(?flags:`; anything else after `(?` is refused, as Go 1.19 does. */
  private openGroup(): void {
    const e = this.expr;
    const start = this.pos;
    if (e[start + 1] !== '?') {
      this.pushGroup();
      this.pos++;
      return;
    }
    if (e.length - start > 4 && e.startsWith('(?P<', start)) {
      const close = e.indexOf('>', start);
      if (close < 0) throw new Re2SyntaxError('invalid named capture', e.slice(start));
      const name = e.slice(start + 4, close);
      if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Re2SyntaxError('invalid named capture', e.slice(start, close + 1));
      // Go 1.19, which Debian's 2.42 is built with, accepts a repeated name (checked against the binary).
      this.pushGroup();
      this.pos = close + 1;
      return;
    }
    const flags: Record<FlagName, boolean> = { ...this.flags };
    let negative = false;
    let sawFlag = false;
    let p = start + 2;
    while (p < e.length) {
      const cp = e.codePointAt(p) ?? 0;
      const c = String.fromCodePoint(cp);
      p += width(cp);
      if (c === 'i' || c === 'm' || c === 's' || c === 'U') {
        flags[c] = !negative;
        sawFlag = true;
      } else if (c === '-') {
        if (negative) break;
        negative = true;
        sawFlag = false;
      } else if (c === ':' || c === ')') {
        if (negative && !sawFlag) break;
        if (c === ':') this.pushGroup();
        this.flags = flags;
        this.pos = p;
        return;
      } else break;
    }
    throw new Re2SyntaxError('invalid or unsupported Perl syntax', e.slice(start, p));
  }

  private escape(): void {
    const e = this.expr;
    const start = this.pos;
    const next = e[start + 1];
    const zeroWidth: Readonly<Record<string, string>> = { A: '(?:^)', z: '(?:$)', b: '(?:\\b)', B: '(?:\\B)' };
    if (next !== undefined && zeroWidth[next] !== undefined) {
      this.atom(zeroWidth[next]);
      this.pos += 2;
      return;
    }
    if (next === 'C') throw new Re2SyntaxError('invalid escape sequence', '\\C');
    if (next === 'Q') {
      const endQuote = e.indexOf('\\E', start + 2);
      const quoted = endQuote < 0 ? e.slice(start + 2) : e.slice(start + 2, endQuote);
      for (const ch of quoted) this.literal(ch.codePointAt(0) ?? 0);
      this.pos = endQuote < 0 ? e.length : endQuote + 2;
      return;
    }
    if (next === 'p' || next === 'P') {
      const u = parseUnicodeClass(e, start);
      this.classAtom({ ranges: u.ranges, props: u.props }, false);
      this.pos = u.end;
      return;
    }
    const perl = next === undefined ? undefined : PERL_CLASSES[next.toLowerCase()];
    if (perl !== undefined) {
      this.classAtom({ ranges: perl, props: [] }, next !== next?.toLowerCase());
      this.pos += 2;
      return;
    }
    this.literal(this.parseEscape(start));
  }

  /** Go's parseEscape at `start` (a backslash): the code point, with `this.pos` moved past it. */
  private parseEscape(start: number): number {
    const e = this.expr;
    if (start + 1 >= e.length) throw new Re2SyntaxError('trailing backslash at end of expression', '');
    const cp = e.codePointAt(start + 1) ?? 0;
    const c = String.fromCodePoint(cp);
    let p = start + 1 + width(cp);
    const invalid = () => new Re2SyntaxError('invalid escape sequence', e.slice(start, p));
    const done = (value: number) => {
      this.pos = p;
      return value;
    };
    if (cp < 0x80 && !/[0-9A-Za-z]/.test(c)) return done(cp);
    // A lone digit 1-7 would be a backreference, which RE2 does not have.
    if (c >= '1' && c <= '7' && !isOctal(e[p])) throw invalid();
    if (c >= '0' && c <= '7') {
      let value = cp - 0x30;
      for (let k = 1; k < 3 && isOctal(e[p]); k++, p++) value = value * 8 + (e.charCodeAt(p) - 0x30);
      return done(value);
    }
    if (c === 'x') {
      if (p >= e.length) throw invalid();
      const first = e[p++];
      if (first === '{') {
        let digits = 0;
        let value = 0;
        for (;;) {
          if (p >= e.length) throw invalid();
          const d = e[p++];
          if (d === '}') break;
          const v = unhex(d);
          if (v < 0) throw invalid();
          value = value * 16 + v;
          if (value > 0x10ffff) throw invalid();
          digits++;
        }
        if (digits === 0) throw invalid();
        return done(value);
      }
      const hi = unhex(first);
      const lo = unhex(e[p]);
      if (p < e.length) p++;
      if (hi < 0 || lo < 0) throw invalid();
      return done(hi * 16 + lo);
    }
    const control = ESCAPED_CONTROLS[c];
    if (control !== undefined) return done(control);
    throw invalid();
  }

  /** One character inside a class: an escape or a code point. */
  private classChar(at: number, classStart: number): { cp: number; end: number } {
    const e = this.expr;
    if (at >= e.length) throw new Re2SyntaxError('missing closing ]', e.slice(classStart));
    if (e[at] === '\\') {
      const cp = this.parseEscape(at);
      return { cp, end: this.pos };
    }
    const cp = e.codePointAt(at) ?? 0;
    return { cp, end: at + width(cp) };
  }

  /** Go's parseClass: `]` first is a literal, `-` anywhere, `[:name:]`, `\p`, `\d`, ranges checked. */
  private charClass(): void {
    const e = this.expr;
    const classStart = this.pos;
    let p = classStart + 1;
    let negated = false;
    if (e[p] === '^') {
      negated = true;
      p++;
    }
    const parts: ClassParts = { ranges: [], props: [] };
    let first = true;
    while (p >= e.length || e[p] !== ']' || first) {
      first = false;
      if (e.startsWith('[:', p) && e.length - p > 2) {
        const close = e.indexOf(':]', p + 2);
        if (close >= 0) {
          const name = e.slice(p, close + 2);
          const inner = name.slice(2, -2);
          const posix = POSIX_CLASSES[inner.replace(/^\^/, '')];
          if (posix === undefined) throw new Re2SyntaxError('invalid character class range', name);
          parts.ranges.push(...(inner.startsWith('^') ? negate(posix) : posix));
          p = close + 2;
          continue;
        }
      }
      if (e[p] === '\\' && (e[p + 1] === 'p' || e[p + 1] === 'P')) {
        const u = parseUnicodeClass(e, p);
        parts.ranges.push(...u.ranges);
        parts.props.push(...u.props);
        p = u.end;
        continue;
      }
      const perl = e[p] === '\\' && e[p + 1] !== undefined ? PERL_CLASSES[(e[p + 1] as string).toLowerCase()] : undefined;
      if (perl !== undefined) {
        const upper = e[p + 1] !== (e[p + 1] as string).toLowerCase();
        parts.ranges.push(...(upper ? negate(perl) : perl));
        p += 2;
        continue;
      }
      const rangeStart = p;
      const lo = this.classChar(p, classStart);
      p = lo.end;
      let hi = lo.cp;
      if (p + 1 < e.length && e[p] === '-' && e[p + 1] !== ']') {
        const h = this.classChar(p + 1, classStart);
        p = h.end;
        hi = h.cp;
        if (hi < lo.cp) throw new Re2SyntaxError('invalid character class range', e.slice(rangeStart, p));
      }
      parts.ranges.push([lo.cp, hi]);
    }
    this.pos = p + 1;
    this.classAtom(parts, negated);
  }
}

export interface TranslatedRegex {
  source: string;
  flags: 'u' | 'iu';
}

/** An RE2 expression as a JS RegExp source and flags; throws Re2SyntaxError with Go's wording. */
export function translateRe2(expr: string): TranslatedRegex {
  const plain = new Translator(expr, 'globalFold');
  const source = plain.run();
  if (!plain.folded) return { source, flags: 'u' };
  if (!plain.caseSensitive) return { source, flags: 'iu' };
  return { source: new Translator(expr, 'expand').run(), flags: 'u' };
}

/**
 * Prometheus 2.42's regex matcher (labels.NewFastRegexMatcher): it compiles `^(?:value)$`, then also
 * parses the bare value (for its prefix/suffix optimisation), so `a)|(b` is refused although the
 * anchored form would compile. Errors come in that order, each quoting what Go was parsing.
 */
export function compileRe2Matcher(value: string): RegExp {
  const translated = translateRe2(`^(?:${value})$`);
  new Translator(value, 'globalFold').run();
  return new RegExp(translated.source, translated.flags);
}
