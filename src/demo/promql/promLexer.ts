import { goQuote, goQuoteRune, goUnicode } from './goFormat';

/**
 * A port of Prometheus 2.42's PromQL lexer (promql/parser/lex.go), used only to word parse errors:
 * lezer decides whether a query parses, this decides what Prometheus would have said. Prometheus's
 * lexer reports some errors itself (unclosed parentheses, unterminated strings, bad durations,
 * stray characters) and hands the yacc parser tokens whose kinds appear in its messages
 * (`unexpected <by>`, `unexpected identifier "y"`), so both are reproduced state for state.
 */

export type TokenKind =
  | 'identifier'
  | 'metricIdentifier'
  | 'number'
  | 'string'
  | 'duration'
  /** by, without, on, ignoring, group_left, group_right, bool, offset: worded `<by>`. */
  | 'keyword'
  /** sum, avg, …: worded `<aggr:sum>`. */
  | 'aggregator'
  /** Arithmetic, comparison and set operators, atan2: worded `<op:+>`. */
  | 'operator'
  /** ( ) { } [ ] , = : @ start end: worded as their quoted text. */
  | 'punct'
  | 'eof';

export interface PromToken {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** Lexed between `{` and `}` (where keywords are plain identifiers). */
  inBraces: boolean;
}

export interface LexError {
  /** Where Prometheus reports it: the start of the item being lexed when the error was found. */
  offset: number;
  message: string;
  /** How many tokens the parser received before the error took the place of the next one. */
  tokenIndex: number;
}

export interface LexResult {
  /** Every token up to the first error, comments left out; ends with `eof` when there is no error. */
  tokens: PromToken[];
  error: LexError | null;
}

const KEYWORD_KINDS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ...['and', 'or', 'unless', 'atan2'].map((w): [string, TokenKind] => [w, 'operator']),
  ...['sum', 'avg', 'count', 'min', 'max', 'group', 'stddev', 'stdvar', 'topk', 'bottomk', 'count_values', 'quantile'].map(
    (w): [string, TokenKind] => [w, 'aggregator'],
  ),
  ...['offset', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool'].map((w): [string, TokenKind] => [w, 'keyword']),
  ['start', 'punct'],
  ['end', 'punct'],
  ['inf', 'number'],
  ['nan', 'number'],
]);

type State = 'statements' | 'insideBraces' | 'duration' | 'numberOrDuration' | 'keywordOrIdentifier' | 'identifier' | 'string' | 'rawString' | 'done';

const isSpace = (c: string | null) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string | null) => c !== null && c >= '0' && c <= '9';
const isAlpha = (c: string | null) => c === '_' || (c !== null && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')));
const isAlphaNumeric = (c: string | null) => isAlpha(c) || isDigit(c);
const HEX_DIGITS = '0123456789abcdefABCDEF';
const DECIMAL_DIGITS = '0123456789';

class Lexer {
  private pos = 0;
  private start = 0;
  private width = 0;
  private parenDepth = 0;
  private braceOpen = false;
  private bracketOpen = false;
  private gotColon = false;
  private stringOpen = '';
  readonly tokens: PromToken[] = [];
  error: LexError | null = null;

  constructor(private readonly input: string) {}

  run(): void {
    let state: State = 'statements';
    while (state !== 'done') state = this.step(state);
  }

  private step(state: State): State {
    switch (state) {
      case 'statements':
        return this.lexStatements();
      case 'insideBraces':
        return this.lexInsideBraces();
      case 'duration':
        return this.lexDuration();
      case 'numberOrDuration':
        return this.lexNumberOrDuration();
      case 'keywordOrIdentifier':
        return this.lexKeywordOrIdentifier();
      case 'identifier':
        return this.lexIdentifier();
      case 'string':
        return this.lexString();
      case 'rawString':
        return this.lexRawString();
      default:
        return 'done';
    }
  }

  /** The next rune, or null at the end (Go's eof). */
  private next(): string | null {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return null;
    }
    const code = this.input.codePointAt(this.pos) as number;
    this.width = code > 0xffff ? 2 : 1;
    const ch = this.input.slice(this.pos, this.pos + this.width);
    this.pos += this.width;
    return ch;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private peek(): string | null {
    const ch = this.next();
    this.backup();
    return ch;
  }

  private accept(valid: string): boolean {
    const ch = this.next();
    if (ch !== null && valid.includes(ch)) return true;
    this.backup();
    return false;
  }

  private acceptRun(valid: string): void {
    while (this.accept(valid)) {
      // consume
    }
  }

  private emit(kind: TokenKind): void {
    this.tokens.push({ kind, text: this.input.slice(this.start, this.pos), start: this.start, end: this.pos, inBraces: this.braceOpen });
    this.start = this.pos;
  }

  private ignore(): void {
    this.start = this.pos;
  }

  private fail(message: string): State {
    this.error = { offset: this.start, message, tokenIndex: this.tokens.length };
    return 'done';
  }

  private skipSpacesAndComments(): boolean {
    if (this.input.startsWith('#', this.pos)) {
      while (this.pos < this.input.length && this.input[this.pos] !== '\n' && this.input[this.pos] !== '\r') this.pos++;
      this.ignore();
      return true;
    }
    return false;
  }

  private lexStatements(): State {
    if (this.braceOpen) return 'insideBraces';
    if (this.skipSpacesAndComments()) return 'statements';
    const r = this.next();
    if (r === null) {
      if (this.parenDepth !== 0) return this.fail('unclosed left parenthesis');
      if (this.bracketOpen) return this.fail('unclosed left bracket');
      this.emit('eof');
      return 'done';
    }
    if (isSpace(r)) {
      while (isSpace(this.peek())) this.next();
      this.ignore();
      return 'statements';
    }
    if (',*/%+-^@'.includes(r)) {
      this.emit(r === ',' || r === '@' ? 'punct' : 'operator');
      return 'statements';
    }
    if (r === '=' || r === '!' || r === '<' || r === '>') return this.lexOperator(r);
    if (isDigit(r) || (r === '.' && isDigit(this.peek()))) {
      this.backup();
      return 'numberOrDuration';
    }
    if (r === '"' || r === "'" || r === '`') {
      this.stringOpen = r;
      return r === '`' ? 'rawString' : 'string';
    }
    if (isAlpha(r) || r === ':') {
      if (!this.bracketOpen) {
        this.backup();
        return 'keywordOrIdentifier';
      }
      // 2.42 takes any letter inside brackets for the subquery colon.
      if (this.gotColon) return this.fail(`unexpected colon ${goQuoteRune(r)}`);
      this.emit('punct');
      this.gotColon = true;
      return 'statements';
    }
    return this.lexDelimiter(r);
  }

  private lexOperator(r: string): State {
    const t = this.peek();
    if (r === '!') {
      this.next();
      if (t !== '=') return this.fail(`unexpected character after '!': ${goQuoteRune(t)}`);
    } else if (r === '=' && t === '~') {
      return this.fail(`unexpected character after '=': ${goQuoteRune(t)}`);
    } else if (t === '=') {
      this.next();
    }
    this.emit(this.input.slice(this.start, this.pos) === '=' ? 'punct' : 'operator');
    return 'statements';
  }

  private lexDelimiter(r: string): State {
    switch (r) {
      case '(':
        this.emit('punct');
        this.parenDepth++;
        return 'statements';
      case ')':
        this.emit('punct');
        this.parenDepth--;
        if (this.parenDepth < 0) {
          // The error replaces the parenthesis the parser would have received.
          this.tokens.pop();
          return this.fail(`unexpected right parenthesis ${goQuoteRune(r)}`);
        }
        return 'statements';
      case '{':
        this.emit('punct');
        this.braceOpen = true;
        return 'insideBraces';
      case '[':
        if (this.bracketOpen) return this.fail(`unexpected left bracket ${goQuoteRune(r)}`);
        this.gotColon = false;
        this.emit('punct');
        while (isSpace(this.peek())) this.next();
        this.ignore();
        this.bracketOpen = true;
        return 'duration';
      case ']':
        if (!this.bracketOpen) return this.fail(`unexpected right bracket ${goQuoteRune(r)}`);
        this.emit('punct');
        this.bracketOpen = false;
        return 'statements';
      default:
        return this.fail(`unexpected character: ${goQuoteRune(r)}`);
    }
  }

  private lexInsideBraces(): State {
    if (this.skipSpacesAndComments()) return 'insideBraces';
    const r = this.next();
    if (r === null) return this.fail('unexpected end of input inside braces');
    if (isSpace(r)) {
      while (isSpace(this.peek())) this.next();
      this.ignore();
      return 'insideBraces';
    }
    if (isAlpha(r)) {
      this.backup();
      return 'identifier';
    }
    if (r === '"' || r === "'" || r === '`') {
      this.stringOpen = r;
      return r === '`' ? 'rawString' : 'string';
    }
    switch (r) {
      case ',':
        this.emit('punct');
        return 'insideBraces';
      case '=':
        if (this.next() !== '~') this.backup();
        this.emit(this.pos - this.start === 1 ? 'punct' : 'operator');
        return 'insideBraces';
      case '!': {
        const nr = this.next();
        if (nr !== '~' && nr !== '=') return this.fail(`unexpected character after '!' inside braces: ${goQuoteRune(nr)}`);
        this.emit('operator');
        return 'insideBraces';
      }
      case '{':
        return this.fail(`unexpected left brace ${goQuoteRune(r)}`);
      case '}':
        this.emit('punct');
        this.braceOpen = false;
        return 'statements';
      default:
        return this.fail(`unexpected character inside braces: ${goQuoteRune(r)}`);
    }
  }

  private lexDuration(): State {
    if (this.scanNumber()) return this.fail('missing unit character in duration');
    if (!this.acceptRemainingDuration()) return this.fail(`bad duration syntax: ${goQuote(this.input.slice(this.start, this.pos))}`);
    this.backup();
    this.emit('duration');
    return 'statements';
  }

  private lexNumberOrDuration(): State {
    if (this.scanNumber()) {
      this.emit('number');
      return 'statements';
    }
    if (this.acceptRemainingDuration()) {
      this.backup();
      this.emit('duration');
      return 'statements';
    }
    return this.fail(`bad number or duration syntax: ${goQuote(this.input.slice(this.start, this.pos))}`);
  }

  private acceptRemainingDuration(): boolean {
    if (!this.accept('smhdwy')) return false;
    this.accept('s');
    while (this.accept(DECIMAL_DIGITS)) {
      this.acceptRun(DECIMAL_DIGITS);
      if (!this.accept('smhdw')) return false;
      this.accept('s');
    }
    return !isAlphaNumeric(this.next());
  }

  private scanNumber(): boolean {
    let digits = DECIMAL_DIGITS;
    if (this.accept('0') && this.accept('xX')) digits = HEX_DIGITS;
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (this.accept('eE')) {
      this.accept('+-');
      this.acceptRun(DECIMAL_DIGITS);
    }
    return !isAlphaNumeric(this.peek());
  }

  private lexKeywordOrIdentifier(): State {
    let r = this.next();
    while (isAlphaNumeric(r) || r === ':') r = this.next();
    this.backup();
    const word = this.input.slice(this.start, this.pos);
    this.emit(KEYWORD_KINDS.get(word.toLowerCase()) ?? (word.includes(':') ? 'metricIdentifier' : 'identifier'));
    return 'statements';
  }

  private lexIdentifier(): State {
    while (isAlphaNumeric(this.next())) {
      // absorb
    }
    this.backup();
    this.emit('identifier');
    return 'statements';
  }

  private lexString(): State {
    for (;;) {
      const ch = this.next();
      if (ch === '\\') {
        const problem = this.scanEscape();
        if (problem !== null) return this.fail(problem);
        continue;
      }
      if (ch === '\uFFFD') return this.fail('invalid UTF-8 rune');
      if (ch === null || ch === '\n') return this.fail('unterminated quoted string');
      if (ch === this.stringOpen) break;
    }
    this.emit('string');
    return 'statements';
  }

  /** lexEscape: the reason an escape sequence is bad, or null. The backslash has been read. */
  private scanEscape(): string | null {
    let ch = this.next();
    let n: number;
    let base: number;
    let max: number;
    if (ch !== null && ('abfnrtv\\'.includes(ch) || ch === this.stringOpen)) return null;
    if (ch !== null && ch >= '0' && ch <= '7') [n, base, max] = [3, 8, 255];
    else if (ch === 'x') [ch, n, base, max] = [this.next(), 2, 16, 255];
    else if (ch === 'u') [ch, n, base, max] = [this.next(), 4, 16, 0x10ffff];
    else if (ch === 'U') [ch, n, base, max] = [this.next(), 8, 16, 0x10ffff];
    else if (ch === null) return 'escape sequence not terminated';
    else return `unknown escape sequence ${goUnicode(ch)}`;
    let x = 0;
    while (n > 0) {
      const d = ch !== null && HEX_DIGITS.includes(ch) ? parseInt(ch, 16) : 16;
      if (d >= base) return ch === null ? 'escape sequence not terminated' : `illegal character ${goUnicode(ch)} in escape sequence`;
      x = x * base + d;
      n--;
      if (n > 0) ch = this.next();
    }
    if (x > max || (x >= 0xd800 && x < 0xe000)) return 'escape sequence is an invalid Unicode code point';
    return null;
  }

  private lexRawString(): State {
    for (;;) {
      const ch = this.next();
      if (ch === '\uFFFD') return this.fail('invalid UTF-8 rune');
      if (ch === null) return this.fail('unterminated raw string');
      if (ch === this.stringOpen) break;
    }
    this.emit('string');
    return 'statements';
  }
}

/** Tokenizes a query as Prometheus 2.42 does, stopping at the first error its lexer would report. */
export function lexPromql(query: string): LexResult {
  const lexer = new Lexer(query);
  lexer.run();
  return { tokens: lexer.tokens, error: lexer.error };
}
