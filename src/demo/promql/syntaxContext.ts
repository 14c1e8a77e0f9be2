import { goQuote, goQuoteShort } from './goFormat';
import type { PromToken } from './promLexer';

/**
 * How Prometheus 2.42's yacc parser words a syntax error at a token. Its grammar has `error`
 * productions in a few places (label matchers, grouping labels, aggregations, offset, @, subquery
 * brackets); the innermost one open at the bad token names the context, as in
 * `unexpected identifier "b" in label matching, expected label matching operator`. Elsewhere the
 * message is the bare `unexpected <token>`. The open constructs are read off the token stream,
 * walking back from the bad token; no parser state is needed.
 */

const GROUPING_KEYWORDS: ReadonlySet<string> = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
/** Keywords 2.42's grammar also takes as a metric name where an operand starts (metric_identifier). */
const METRIC_KEYWORDS: ReadonlySet<string> = new Set(['offset', 'by', 'without', 'and', 'or', 'unless', 'start', 'end']);
const MATCH_OPERATORS: ReadonlySet<string> = new Set(['=', '!=', '=~', '!~']);

/** lex.go's Item.desc(): how a token appears after "unexpected". */
export function describeToken(t: PromToken): string {
  switch (t.kind) {
    case 'eof':
      return 'end of input';
    case 'identifier':
      return `identifier ${goQuote(t.text)}`;
    case 'metricIdentifier':
      return `metric identifier ${goQuote(t.text)}`;
    case 'number':
    case 'string':
    case 'duration':
      return `${t.kind} ${goQuoteShort(t.text)}`;
    case 'keyword':
      return `<${t.text}>`;
    case 'aggregator':
      return `<aggr:${t.text}>`;
    case 'operator':
      return `<op:${t.text}>`;
    case 'punct':
      // 2.42's item table has no entry for AT, so its description falls back to the raw item type.
      return t.text === '@' ? '"<Item 57385>" <op:@>' : goQuoteShort(t.text);
    default:
      return goQuoteShort(t.text);
  }
}

const is = (t: PromToken | undefined, text: string) => t !== undefined && t.kind !== 'string' && t.text.toLowerCase() === text;
const isGroupingKeyword = (t: PromToken | undefined) => t?.kind === 'keyword' && GROUPING_KEYWORDS.has(t.text.toLowerCase());

/** Index of the `(` or `[` that the closer at `close` pairs with, or -1. */
function openerOf(tokens: readonly PromToken[], close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const text = (tokens[i] as PromToken).text;
    if ((tokens[i] as PromToken).kind !== 'punct') continue;
    if (text === ')' || text === ']') depth++;
    else if (text === '(' || text === '[') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Index of the innermost `(` or `[` still open before token `before`, or -1. */
function innermostOpener(tokens: readonly PromToken[], before: number): number {
  let depth = 0;
  for (let i = before - 1; i >= 0; i--) {
    const t = tokens[i] as PromToken;
    if (t.kind !== 'punct') continue;
    if (t.text === ')' || t.text === ']') depth++;
    else if (t.text === '(' || t.text === '[') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** `sum (` or `sum by (a) (`: the parenthesis at `open` holds an aggregation's arguments. */
function isAggregationParen(tokens: readonly PromToken[], open: number): boolean {
  const before = tokens[open - 1];
  if (before?.kind === 'aggregator') return true;
  return is(before, ')') && endsAggregateModifier(tokens, open - 1);
}

/** The `)` at `close` ends `sum by (…)` / `sum without (…)`, before the arguments. */
function endsAggregateModifier(tokens: readonly PromToken[], close: number): boolean {
  const open = openerOf(tokens, close);
  const keyword = tokens[open - 1];
  return (is(keyword, 'by') || is(keyword, 'without')) && tokens[open - 2]?.kind === 'aggregator';
}

function labelMatchingContext(prev: PromToken | undefined): string {
  if (prev === undefined || is(prev, '{') || is(prev, ',')) return ' in label matching, expected identifier or "}"';
  if (prev.kind === 'identifier') return ' in label matching, expected label matching operator';
  if (MATCH_OPERATORS.has(prev.text)) return ' in label matching, expected string';
  return ' in label matching, expected "," or "}"';
}

/** Inside `[…]`: range `[5m]` or subquery `[5m:1m]`. */
function bracketContext(tokens: readonly PromToken[], open: number, prevIndex: number): string {
  const prev = tokens[prevIndex] as PromToken;
  if (prevIndex === open + 1 && prev.kind === 'duration') return ' in subquery or range, expected ":" or "]"';
  if (isBracketColon(prev) && prevIndex === open + 2) return ' in subquery selector, expected duration or "]"';
  if (prevIndex === open + 3) return ' in subquery selector, expected "]"';
  return '';
}

/** The ` in …, expected …` part of the message for a syntax error at `tokens[at]` (may be empty). */
export function contextOf(tokens: readonly PromToken[], at: number): string {
  const token = tokens[at] as PromToken;
  const prev = tokens[at - 1];
  const prev2 = tokens[at - 2];
  if (token.inBraces) return labelMatchingContext(prev);
  if (isAfterOffset(tokens, at)) return ' in offset, expected duration';
  if (is(prev, '@') || ((is(prev, '-') || is(prev, '+')) && is(prev2, '@'))) return ' in @, expected timestamp';
  if (isGroupingKeyword(prev) && !is(token, '(')) {
    const keyword = (prev as PromToken).text.toLowerCase();
    const modifies = keyword === 'by' || keyword === 'without' ? prev2?.kind === 'aggregator' || is(prev2, ')') : true;
    if (modifies) return ' in grouping opts, expected "("';
  }
  if (is(prev, ')') && endsAggregateModifier(tokens, at - 1)) return ' in aggregation';
  // Function calls and plain parentheses have no error rule of their own: look further out.
  for (let open = innermostOpener(tokens, at); open >= 0; open = innermostOpener(tokens, open)) {
    if (is(tokens[open], '[')) return bracketContext(tokens, open, at - 1);
    if (isGroupingKeyword(tokens[open - 1])) {
      return is(prev, '(') || is(prev, ',') ? ' in grouping opts, expected label' : ' in grouping opts, expected "," or ")"';
    }
    if (isAggregationParen(tokens, open)) return ' in aggregation';
  }
  return '';
}

/**
 * `f(a, )`: yacc reduces the trailing comma (and reports it, at the comma) before it sees what
 * follows. True when the bad token follows a comma directly inside call or aggregation arguments.
 */
export function isTrailingComma(tokens: readonly PromToken[], at: number): boolean {
  const token = tokens[at] as PromToken;
  if (!is(tokens[at - 1], ',') || token.inBraces) return false;
  const open = innermostOpener(tokens, at);
  return is(tokens[open], '(') && (tokens[open - 1]?.kind === 'identifier' || isAggregationParen(tokens, open));
}

/** Tokens that end an operand: an identifier right after one is never valid in 2.42. */
const OPERAND_ENDS: ReadonlySet<PromToken['kind']> = new Set(['identifier', 'metricIdentifier', 'number', 'string', 'duration']);

/**
 * The first token 2.42's grammar rejects where lezer's newer grammar does not: `offset 5`,
 * `offset (1m)`, a duration used as a number (`sum(5m)`), a quoted label name `{"a"="b"}`, and an
 * identifier straight after an operand (`x[5m] smoothed`), `start()`, duration arithmetic. -1 if none.
 */
export function firstTokenLezerAccepts(tokens: readonly PromToken[]): number {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as PromToken;
    const prev = tokens[i - 1] as PromToken;
    if (isAfterOffset(tokens, i) && t.kind !== 'duration' && !is(t, '-')) return i;
    if (t.kind === 'duration' && !isDurationPosition(tokens, i)) return i;
    // start and end are keywords to 2.42, functions only right after `@`.
    if (is(t, '(') && prev.kind === 'punct' && (is(prev, 'start') || is(prev, 'end')) && !is(tokens[i - 2], '@')) return i;
    if (t.inBraces && t.kind === 'string' && (is(prev, '{') || is(prev, ','))) return i;
    if (t.kind === 'identifier' && !t.inBraces && (OPERAND_ENDS.has(prev.kind) || is(prev, ']') || is(prev, '}'))) return i;
    if (t.kind === 'identifier' && is(prev, ')') && !isGroupingKeyword(tokens[openerOf(tokens, i - 1) - 1])) return i;
    if (breaksBrackets(tokens, i)) return i;
  }
  return -1;
}

/** The `:` of a subquery; 2.42 lexes any letter inside brackets as that colon, too. */
const isBracketColon = (t: PromToken | undefined) => t?.kind === 'punct' && /^[a-z_:]$/i.test(t.text);

/** Inside `[…]` 2.42 takes only `d ]`, `d : ]` or `d : d ]` (lezer allows duration arithmetic). */
function breaksBrackets(tokens: readonly PromToken[], i: number): boolean {
  const t = tokens[i] as PromToken;
  const [d4, d3, d2, d1] = [tokens[i - 4], tokens[i - 3], tokens[i - 2], tokens[i - 1]];
  if (is(d2, '[') && d1?.kind === 'duration') return !is(t, ']') && !isBracketColon(t);
  if (is(d3, '[') && d2?.kind === 'duration' && isBracketColon(d1)) return !is(t, ']') && t.kind !== 'duration';
  if (is(d4, '[') && d3?.kind === 'duration' && isBracketColon(d2) && d1?.kind === 'duration') return !is(t, ']');
  return false;
}

/** Right after the `offset` modifier (or its `-`); not after a metric named offset. */
function isAfterOffset(tokens: readonly PromToken[], i: number): boolean {
  const at = is(tokens[i - 1], '-') ? i - 2 : i - 1;
  return is(tokens[at], 'offset') && !isKeywordMetric(tokens, at);
}

/** An operand may start at token `i`: first, after an operator, `(`, `,`, `bool`, or `on (…)`. */
function isOperandStart(tokens: readonly PromToken[], i: number): boolean {
  const prev = tokens[i - 1];
  if (prev === undefined) return true;
  if (prev.kind === 'operator' || is(prev, '(') || is(prev, ',') || is(prev, 'bool')) return !isInGroupingList(tokens, i);
  const keyword = is(prev, ')') ? tokens[openerOf(tokens, i - 1) - 1]?.text.toLowerCase() : undefined;
  return keyword === 'on' || keyword === 'ignoring' || keyword === 'group_left' || keyword === 'group_right';
}

/** `offset` where an operand starts: a metric name to 2.42 (lezer refuses it). */
export function isKeywordMetric(tokens: readonly PromToken[], i: number): boolean {
  const t = tokens[i] as PromToken;
  return t.kind !== 'string' && t.kind !== 'identifier' && METRIC_KEYWORDS.has(t.text.toLowerCase()) && isOperandStart(tokens, i);
}

/** Tokens that may follow a metric name: operators, `)`, `,`, `[`, `{`, offset, `@`, the end. */
export function canFollowOperand(t: PromToken | undefined): boolean {
  if (t === undefined || t.kind === 'operator' || t.kind === 'eof') return true;
  return t.kind !== 'string' && [')', ',', '[', '{', '@', 'offset'].includes(t.text.toLowerCase());
}

/** Where 2.42's grammar takes a duration: `offset 5m`, `offset -5m`, `[5m]`, `[5m:1m]`. */
export function isDurationPosition(tokens: readonly PromToken[], i: number): boolean {
  const prev = tokens[i - 1];
  const subqueryColon = isBracketColon(prev) && tokens[i - 2]?.kind === 'duration' && is(tokens[i - 3], '[');
  return isAfterOffset(tokens, i) || is(prev, '[') || subqueryColon;
}

/** Inside the parentheses of `by (…)`, `on (…)` and the like. */
export function isInGroupingList(tokens: readonly PromToken[], at: number): boolean {
  const open = innermostOpener(tokens, at);
  return is(tokens[open], '(') && isGroupingKeyword(tokens[open - 1]);
}
