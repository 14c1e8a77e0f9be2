import type { Tree } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';
import { parseError, unsupported, type PromqlError } from './errors';
import { FUNCTIONS_242 } from './functions242';
import { goQuote } from './goFormat';
import { parsePromDuration, parsePromqlNumber } from './literals';
import { lexPromql, type PromToken } from './promLexer';
import {
  canFollowOperand,
  contextOf,
  describeToken,
  firstTokenLezerAccepts,
  isDurationPosition,
  isInGroupingList,
  isKeywordMetric,
  isTrailingComma,
} from './syntaxContext';

/**
 * The first syntax error of a query, worded and placed as Prometheus 2.42 reports it. Three sources
 * compete, and the one at the earliest token wins, as it would in Prometheus's yacc parser, which
 * reads tokens one at a time and keeps the first error:
 * - the 2.42 lexer's own errors (`unclosed left parenthesis`, `unterminated quoted string`, …);
 * - lezer's first error node: where the token stream stops being PromQL;
 * - tokens 2.42's grammar rejects but lezer's newer one accepts (`offset 5`, `sum(5m)`).
 * A syntax error is worded from the token (`unexpected identifier "y"`) plus the construct open
 * around it (`in grouping opts, expected "("`).
 */

interface Candidate {
  /** Index of the token the error stands for; a lexer error wins ties, since it replaces that token. */
  index: number;
  error: () => PromqlError;
}

/** Offset of lezer's first error node, or -1. */
export function lezerErrorOffset(tree: Tree): number {
  let errorAt = -1;
  tree.iterate({
    enter(node) {
      if (errorAt >= 0) return false;
      if (node.type.isError) {
        errorAt = node.from;
        return false;
      }
      return undefined;
    },
  });
  return errorAt;
}

/** The token lezer's error offset falls in or before (lezer may place it on the preceding blank). */
function tokenAt(tokens: readonly PromToken[], offset: number): number {
  const index = tokens.findIndex((t) => t.end > offset || t.kind === 'eof');
  return index < 0 ? tokens.length : index;
}

/** The `)` closing the `(` at `open`, or -1 when the tokens end first. */
function closerOf(tokens: readonly PromToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i] as PromToken;
    if (t.kind !== 'punct') continue;
    if (t.text === '(') depth++;
    else if (t.text === ')' && --depth === 0) return i;
  }
  return -1;
}

function syntaxError(query: string, tokens: readonly PromToken[], index: number): PromqlError {
  if (isTrailingComma(tokens, index)) {
    return parseError(query, (tokens[index - 1] as PromToken).start, 'trailing commas not allowed in function call args');
  }
  const token = tokens[index] as PromToken;
  return parseError(query, token.start, `unexpected ${describeToken(token)}${contextOf(tokens, index)}`);
}

/** `name(` outside braces and grouping lists: a function call to 2.42. */
function isCallName(tokens: readonly PromToken[], paren: number): boolean {
  const name = tokens[paren - 1];
  const t = tokens[paren] as PromToken;
  return t.kind === 'punct' && t.text === '(' && name?.kind === 'identifier' && !name.inBraces && !isInGroupingList(tokens, paren - 1);
}

/**
 * Calls of functions 2.42 does not know. 2.42 parses the call and only then finds the name unknown
 * (when it reduces the call at its `)`), so errors inside the arguments come first.
 */
function unknownCalls(query: string, tokens: readonly PromToken[]): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const name = tokens[i - 1] as PromToken;
    if (!isCallName(tokens, i) || FUNCTIONS_242.has(name.text)) continue;
    const close = closerOf(tokens, i);
    found.push({
      index: close < 0 ? Number.POSITIVE_INFINITY : close,
      error: () => parseError(query, name.start, `unknown function with name ${goQuote(name.text)}`),
    });
  }
  return found;
}

/**
 * Lezer failed inside a number or duration that 2.42's lexer takes whole (`1e`, `5.`, `[1.5m]`):
 * 2.42 then parses its value, and fails or not there.
 */
function malformedLiteral(query: string, tokens: readonly PromToken[], index: number): PromqlError | null {
  const token = tokens[index] as PromToken;
  if (token.kind === 'number') {
    if (parsePromqlNumber(token.text) !== null) return unsupported(`the number literal ${goQuote(token.text)}`);
    const reason = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(token.text) ? 'value out of range' : 'invalid syntax';
    return parseError(query, token.start, `error parsing number: strconv.ParseFloat: parsing ${goQuote(token.text)}: ${reason}`);
  }
  if (token.kind === 'duration' && isDurationPosition(tokens, index) && parsePromDuration(token.text) === null) {
    return parseError(query, token.start, `not a valid duration string: ${goQuote(token.text)}`);
  }
  return null;
}

/** Lowest priority: what the demo cannot run, reported only when Prometheus would find no error. */
const LAST = Number.MAX_SAFE_INTEGER;

/** Same-length text to put in place of something lezer stops at but 2.42 reads on, to find what lezer says next. */
interface Patch {
  from: number;
  to: number;
  text: string;
}

/** What lezer's error at `errorAt` stands for, and how to patch the text to look past it, if 2.42 reads on there. */
function lezerStop(query: string, tokens: readonly PromToken[], errorAt: number): { candidate?: Candidate; patch?: Patch } {
  const index = tokenAt(tokens, errorAt);
  const token = tokens[index];
  if (token === undefined) return {};
  if (isCallName(tokens, index)) {
    // A function lezer does not know: unknownCalls() has the unknown ones, 2.42's own (holt_winters) are unsupported.
    const name = tokens[index - 1] as PromToken;
    const close = closerOf(tokens, index);
    const candidate = FUNCTIONS_242.has(name.text) ? { index: close < 0 ? LAST : close, error: () => unsupported(`function ${goQuote(name.text)}`) } : undefined;
    // Any function lezer knows, of at most the same length (lezer allows blanks before the `(`).
    const known = name.text.length >= 3 ? 'abs' : name.text.length === 2 ? 'ln' : null;
    const patch = known ? { from: name.start, to: name.end, text: known.padEnd(name.text.length) } : undefined;
    return { candidate, patch };
  }
  if (token.kind === 'punct' && /^[a-z_]$/i.test(token.text)) {
    // 2.42 lexes a letter inside brackets as the subquery colon: `x[5m y]` is `x[5m:]` there.
    return { candidate: { index: LAST, error: () => unsupported('subqueries') } };
  }
  if (isKeywordMetric(tokens, index)) {
    const next = index + 1;
    if (!canFollowOperand(tokens[next])) return { candidate: { index: next, error: () => syntaxError(query, tokens, next) } };
    const candidate = { index: LAST, error: () => unsupported(`the metric name ${goQuote(token.text)}`) };
    return { candidate, patch: { from: token.start, to: token.end, text: 'x'.padEnd(token.text.length) } };
  }
  const insideLiteral = errorAt > token.start;
  if (insideLiteral && token.kind === 'number' && parsePromqlNumber(token.text) !== null) {
    // `5.`: a number to 2.42, not to lezer.
    const candidate = { index: LAST, error: () => unsupported(`the number literal ${goQuote(token.text)}`) };
    return { candidate, patch: { from: token.start, to: token.end, text: '1'.padEnd(token.text.length) } };
  }
  // Lezer stumbled on the literal itself (`1e`, `[1.5m]`, `[m]`), not on where it stands.
  const literal = insideLiteral || token.kind === 'duration';
  return { candidate: { index, error: () => (literal ? malformedLiteral(query, tokens, index) : null) ?? syntaxError(query, tokens, index) } };
}

const MAX_PATCHES = 8;

/**
 * The first syntax or lexer error in a query as Prometheus 2.42 words it, or null. Called only once
 * lezer or the tree builder has found something wrong, so the happy path never lexes.
 */
export function findSyntaxError(query: string, tree: Tree): PromqlError | null {
  const { tokens, error: lexError } = lexPromql(query);
  if (!lexError && tokens.length === 1) return parseError(query, 0, 'no expression found in input');
  const candidates: Candidate[] = [];
  if (lexError) candidates.push({ index: lexError.tokenIndex, error: () => parseError(query, lexError.offset, lexError.message) });
  candidates.push(...unknownCalls(query, tokens));
  const rejected = firstTokenLezerAccepts(tokens);
  if (rejected >= 0) candidates.push({ index: rejected, error: () => syntaxError(query, tokens, rejected) });
  let text = query;
  let errorAt = lezerErrorOffset(tree);
  for (let round = 0; errorAt >= 0 && round < MAX_PATCHES; round++) {
    const { candidate, patch } = lezerStop(query, tokens, errorAt);
    if (candidate) candidates.push(candidate);
    if (!patch) break;
    text = text.slice(0, patch.from) + patch.text + text.slice(patch.to);
    errorAt = lezerErrorOffset(parser.parse(text));
  }
  if (candidates.length === 0) return null;
  // Stable sort: the lexer error, pushed first, stays ahead on a tie.
  const first = [...candidates].sort((a, b) => a.index - b.index)[0] as Candidate;
  return first.error();
}
