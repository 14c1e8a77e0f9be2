import { parser } from '@prometheus-io/lezer-promql';
import type { LabelMatcher } from '../source';
import type {
  AggregateOp,
  BinaryOp,
  ExprNode,
  InstantFunction,
  MatrixSelectorNode,
  ParsedQuery,
  RangeFunction,
  ValueType,
  VectorMatching,
  VectorSelectorNode,
} from './ast';
import { isComparison, isSetOp } from './ast';
import { parseError, unsupported } from './errors';
import { parsePromDuration, parsePromqlNumber, unquoteString } from './literals';
import { compileAnchoredRegex, matchesEmpty } from './matchers';
import { findSyntaxError } from './parseErrors';

/**
 * Lezer tree → typed AST, with Prometheus's static checks (argument types and counts, selector
 * rules, operator rules) and their messages. The lezer cursor walks the tree iteratively; each node
 * is built on `leave` from the parts its children left behind, so nodes come out in post-order.
 */

type Part =
  | { kind: 'expr'; node: ExprNode }
  | { kind: 'token'; name: string; text: string; from: number }
  | { kind: 'labels'; labels: string[] }
  | { kind: 'matcher'; matcher: LabelMatcher }
  | { kind: 'matchers'; matchers: LabelMatcher[] }
  | { kind: 'args'; args: Part[] }
  | { kind: 'aggModifier'; without: boolean; labels: string[] }
  | { kind: 'matching'; on: boolean; labels: string[]; group: 'left' | 'right' | null; include: string[] }
  | { kind: 'duration'; ms: number };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface Frame {
  name: string;
  from: number;
  to: number;
  parts: Part[];
}

const RANGE_FUNCTIONS: ReadonlySet<string> = new Set<RangeFunction>([
  'rate',
  'irate',
  'increase',
  'avg_over_time',
  'sum_over_time',
  'min_over_time',
  'max_over_time',
  'count_over_time',
  'last_over_time',
]);

const INSTANT_FUNCTION_ARGS: Readonly<Record<InstantFunction, ValueType[]>> = {
  clamp_min: ['instant vector', 'scalar'],
  clamp_max: ['instant vector', 'scalar'],
  clamp: ['instant vector', 'scalar', 'scalar'],
  histogram_quantile: ['scalar', 'instant vector'],
};

const AGGREGATE_OPS: ReadonlySet<string> = new Set<AggregateOp>(['sum', 'avg', 'min', 'max', 'count', 'topk']);

const BINARY_OP_TOKENS: Readonly<Record<string, BinaryOp>> = {
  Add: '+',
  Sub: '-',
  Mul: '*',
  Div: '/',
  Mod: '%',
  Pow: '^',
  Eql: '==',
  Neq: '!=',
  Gtr: '>',
  Lss: '<',
  Gte: '>=',
  Lte: '<=',
  And: 'and',
  Or: 'or',
  Unless: 'unless',
};

const MATCH_OPS: Readonly<Record<string, LabelMatcher['type']>> = {
  EqlSingle: '=',
  Neq: '!=',
  EqlRegex: '=~',
  NeqRegex: '!~',
};

const UNSUPPORTED_NODES: Readonly<Record<string, string>> = {
  SubqueryExpr: 'subqueries',
  StepInvariantExpr: 'the @ modifier',
  AnchoredExpr: 'the anchored modifier',
  SmoothedExpr: 'the smoothed modifier',
  FillModifier: 'fill modifiers',
  QuotedLabelName: 'quoted label names',
};

class QueryBuilder {
  readonly nodes: ExprNode[] = [];

  constructor(private readonly query: string) {}

  private add<T extends ExprNode = ExprNode>(node: DistributiveOmit<T, 'id'>): T {
    const full = { ...node, id: this.nodes.length } as unknown as T;
    this.nodes.push(full);
    return full;
  }

  private fail(pos: number, message: string): never {
    throw parseError(this.query, pos, message);
  }

  private exprOf(part: Part | undefined, pos: number): ExprNode {
    if (part?.kind === 'expr') return part.node;
    if (part?.kind === 'token' && part.name === 'StringLiteral') throw unsupported('string literals');
    return this.fail(pos, 'unexpected end of input');
  }

  private exprs(parts: Part[]): ExprNode[] {
    return parts.filter((p): p is Extract<Part, { kind: 'expr' }> => p.kind === 'expr').map((p) => p.node);
  }

  private token(parts: Part[], name?: string): Extract<Part, { kind: 'token' }> | undefined {
    return parts.find((p): p is Extract<Part, { kind: 'token' }> => p.kind === 'token' && (name === undefined || p.name === name));
  }

  private expectType(node: ExprNode, want: ValueType, context: string): void {
    if (node.type !== want) this.fail(node.pos, `expected type ${want} in ${context}, got ${node.type}`);
  }

  build(f: Frame): Part | null {
    const unsupportedWhat = UNSUPPORTED_NODES[f.name];
    if (unsupportedWhat) throw unsupported(unsupportedWhat);
    const text = this.query.slice(f.from, f.to);
    switch (f.name) {
      case 'PromQL':
        return f.parts[0] ?? null;
      case 'NumberDurationLiteral':
        return { kind: 'expr', node: this.number(text, f.from) };
      case 'StringLiteral':
        return { kind: 'token', name: f.name, text, from: f.from };
      case 'VectorSelector':
        return { kind: 'expr', node: this.vectorSelector(f) };
      case 'LabelMatchers':
        return { kind: 'matchers', matchers: f.parts.flatMap((p) => (p.kind === 'matcher' ? [p.matcher] : [])) };
      case 'UnquotedLabelMatcher':
        return { kind: 'matcher', matcher: this.labelMatcher(f) };
      case 'MatchOp':
        return { kind: 'token', name: 'MatchOp', text, from: f.from };
      case 'GroupingLabels':
        return { kind: 'labels', labels: f.parts.flatMap((p) => (p.kind === 'token' && p.name === 'LabelName' ? [p.text] : [])) };
      case 'AggregateModifier':
        return { kind: 'aggModifier', without: this.token(f.parts, 'Without') !== undefined, labels: this.labelsPart(f.parts, 0) };
      case 'MatchingModifierClause':
        return this.matchingClause(f);
      case 'FunctionCallBody':
        return { kind: 'args', args: f.parts };
      case 'DurationExpr':
        return this.durationExpr(f, text);
      case 'OffsetDurationExpr':
        return this.offsetDuration(f, text);
      case 'MatrixSelector':
        return { kind: 'expr', node: this.matrixSelector(f) };
      case 'OffsetExpr':
        return { kind: 'expr', node: this.offsetExpr(f) };
      case 'FunctionCall':
        return { kind: 'expr', node: this.functionCall(f) };
      case 'AggregateExpr':
        return { kind: 'expr', node: this.aggregate(f) };
      case 'BinaryExpr':
        return { kind: 'expr', node: this.binary(f) };
      case 'UnaryExpr':
        return { kind: 'expr', node: this.unary(f) };
      case 'ParenExpr': {
        const inner = this.exprOf(f.parts[0], f.from);
        return { kind: 'expr', node: this.add({ kind: 'passThrough', type: inner.type, pos: f.from, expr: inner }) };
      }
      default:
        // Leaves and thin wrappers (FunctionIdentifier, AggregateOp, UnaryOp, BoolModifier…) keep their text.
        return { kind: 'token', name: f.name, text, from: f.from };
    }
  }

  private number(text: string, pos: number): ExprNode {
    if (/[a-zA-Z]$/.test(text) && !/^[+-]?(inf|nan)$/i.test(text) && !/^[+-]?0x/i.test(text)) {
      this.fail(pos, `unexpected duration ${JSON.stringify(text)}`);
    }
    const value = parsePromqlNumber(text);
    if (value === null) this.fail(pos, `error parsing number: ${JSON.stringify(text)}`);
    return this.add({ kind: 'number', type: 'scalar', pos, value });
  }

  private labelsPart(parts: Part[], index: number): string[] {
    const lists = parts.filter((p): p is Extract<Part, { kind: 'labels' }> => p.kind === 'labels');
    return lists[index]?.labels ?? [];
  }

  private labelMatcher(f: Frame): LabelMatcher {
    const name = this.token(f.parts, 'LabelName');
    const op = this.token(f.parts, 'MatchOp');
    const literal = this.token(f.parts, 'StringLiteral');
    if (!name || !op || !literal) return this.fail(f.from, 'unexpected end of input');
    const value = unquoteString(literal.text);
    if (value === null) return this.fail(literal.from, 'unterminated quoted string');
    const type = MATCH_OPS[op.text === '=' ? 'EqlSingle' : op.text === '!=' ? 'Neq' : op.text === '=~' ? 'EqlRegex' : 'NeqRegex'];
    if (!type) return this.fail(op.from, `unexpected ${JSON.stringify(op.text)}`);
    if (type === '=~' || type === '!~') {
      try {
        compileAnchoredRegex(value);
      } catch (e) {
        // V8 says "Invalid regular expression: /…/: Unterminated group"; keep only the reason.
        const reason = (e instanceof Error ? e.message : String(e)).split(': ').pop() ?? '';
        this.fail(f.from, `error parsing regexp: ${reason.toLowerCase()}: \`${value}\``);
      }
    }
    return { name: name.text, type, value };
  }

  private vectorSelector(f: Frame): VectorSelectorNode {
    const ident = this.token(f.parts, 'Identifier');
    const matchersPart = f.parts.find((p): p is Extract<Part, { kind: 'matchers' }> => p.kind === 'matchers');
    const matchers = [...(matchersPart?.matchers ?? [])];
    if (ident) {
      const named = matchers.find((m) => m.name === '__name__');
      if (named) this.fail(f.from, `metric name must not be set twice: ${JSON.stringify(ident.text)} or ${JSON.stringify(named.value)}`);
      matchers.push({ name: '__name__', type: '=', value: ident.text });
    }
    if (matchers.every(matchesEmpty)) this.fail(f.from, 'vector selector must contain at least one non-empty matcher');
    return this.add<VectorSelectorNode>({
      kind: 'vectorSelector',
      type: 'instant vector',
      pos: f.from,
      matchers,
      offsetMs: 0,
      insideRange: false,
    });
  }

  private durationExpr(f: Frame, text: string): Part {
    const literal = this.token(f.parts, 'NumberDurationLiteralInDurationContext');
    if (!literal || f.parts.length !== 1) throw unsupported('duration expressions');
    const ms = parsePromDuration(literal.text) ?? secondsToMs(literal.text);
    if (ms === null) return this.fail(f.from, `bad duration syntax: ${JSON.stringify(text)}`);
    return { kind: 'duration', ms };
  }

  private offsetDuration(f: Frame, text: string): Part {
    const inner = f.parts.find((p): p is Extract<Part, { kind: 'duration' }> => p.kind === 'duration');
    const sign = this.token(f.parts, 'UnaryOp');
    if (inner) return { kind: 'duration', ms: sign?.text === '-' ? -inner.ms : inner.ms };
    const literal = this.token(f.parts, 'NumberDurationLiteralInDurationContext');
    if (!literal) throw unsupported('duration expressions');
    const ms = parsePromDuration(literal.text) ?? secondsToMs(literal.text);
    if (ms === null) return this.fail(f.from, `bad duration syntax: ${JSON.stringify(text)}`);
    return { kind: 'duration', ms };
  }

  private matrixSelector(f: Frame): MatrixSelectorNode {
    const inner = this.exprOf(f.parts[0], f.from);
    const duration = f.parts.find((p): p is Extract<Part, { kind: 'duration' }> => p.kind === 'duration');
    if (inner.kind !== 'vectorSelector') return this.fail(f.from, 'ranges only allowed for vector selectors');
    if (inner.offsetMs !== 0) return this.fail(f.from, 'ranges only allowed for vector selectors');
    if (!duration) return this.fail(f.to, 'unexpected end of input');
    inner.insideRange = true;
    return this.add<MatrixSelectorNode>({ kind: 'matrixSelector', type: 'range vector', pos: f.from, selector: inner, rangeMs: duration.ms });
  }

  private offsetExpr(f: Frame): ExprNode {
    const target = this.exprOf(f.parts[0], f.from);
    const duration = f.parts.find((p): p is Extract<Part, { kind: 'duration' }> => p.kind === 'duration');
    if (!duration) return this.fail(f.to, 'unexpected end of input');
    const selector = target.kind === 'matrixSelector' ? target.selector : target.kind === 'vectorSelector' ? target : null;
    if (!selector) {
      return this.fail(f.from, 'offset modifier must be preceded by an instant vector selector or range vector selector or a subquery');
    }
    if (selector.offsetMs !== 0) return this.fail(f.from, 'offset may not be set multiple times');
    selector.offsetMs = duration.ms;
    return target;
  }

  private functionCall(f: Frame): ExprNode {
    const name = this.token(f.parts, 'FunctionIdentifier');
    const body = f.parts.find((p): p is Extract<Part, { kind: 'args' }> => p.kind === 'args');
    if (!name || !body) return this.fail(f.from, 'unexpected end of input');
    const fn = name.text;
    if (RANGE_FUNCTIONS.has(fn)) {
      if (body.args.length !== 1) this.fail(f.from, `expected 1 argument(s) in call to ${JSON.stringify(fn)}, got ${body.args.length}`);
      const arg = this.exprOf(body.args[0], f.from);
      this.expectType(arg, 'range vector', `call to function ${JSON.stringify(fn)}`);
      const matrix = unwrapParens(arg);
      if (matrix.kind !== 'matrixSelector') throw unsupported(`range vector argument of ${JSON.stringify(fn)} other than a selector`);
      return this.add({ kind: 'rangeCall', type: 'instant vector', pos: f.from, func: fn as RangeFunction, arg: matrix });
    }
    if (fn in INSTANT_FUNCTION_ARGS) {
      const func = fn as InstantFunction;
      const argTypes = INSTANT_FUNCTION_ARGS[func];
      if (body.args.length !== argTypes.length) {
        this.fail(f.from, `expected ${argTypes.length} argument(s) in call to ${JSON.stringify(fn)}, got ${body.args.length}`);
      }
      const args = body.args.map((a) => this.exprOf(a, f.from));
      args.forEach((a, i) => this.expectType(a, argTypes[i] as ValueType, `call to function ${JSON.stringify(fn)}`));
      return this.add({ kind: 'instantCall', type: 'instant vector', pos: f.from, func, args });
    }
    throw unsupported(`function ${JSON.stringify(fn)}`);
  }

  private aggregate(f: Frame): ExprNode {
    const opToken = this.token(f.parts, 'AggregateOp');
    const body = f.parts.find((p): p is Extract<Part, { kind: 'args' }> => p.kind === 'args');
    const modifier = f.parts.find((p): p is Extract<Part, { kind: 'aggModifier' }> => p.kind === 'aggModifier');
    if (!opToken || !body) return this.fail(f.from, 'unexpected end of input');
    const op = opToken.text.toLowerCase();
    if (!AGGREGATE_OPS.has(op)) throw unsupported(`aggregation ${JSON.stringify(op)}`);
    const wantArgs = op === 'topk' ? 2 : 1;
    if (body.args.length !== wantArgs) {
      this.fail(f.from, `wrong number of arguments for aggregate expression provided, expected ${wantArgs}, got ${body.args.length}`);
    }
    const args = body.args.map((a) => this.exprOf(a, f.from));
    const expr = args[args.length - 1] as ExprNode;
    const param = wantArgs === 2 ? (args[0] as ExprNode) : null;
    if (param) this.expectType(param, 'scalar', 'aggregation parameter');
    this.expectType(expr, 'instant vector', 'aggregation expression');
    return this.add({
      kind: 'aggregate',
      type: 'instant vector',
      pos: f.from,
      op: op as AggregateOp,
      param,
      expr,
      grouping: modifier?.labels ?? [],
      without: modifier?.without ?? false,
    });
  }

  private matchingClause(f: Frame): Part {
    const groupLeft = this.token(f.parts, 'GroupLeft');
    const groupRight = this.token(f.parts, 'GroupRight');
    return {
      kind: 'matching',
      on: this.token(f.parts, 'On') !== undefined,
      labels: this.labelsPart(f.parts, 0),
      group: groupLeft ? 'left' : groupRight ? 'right' : null,
      include: this.labelsPart(f.parts, 1),
    };
  }

  private binary(f: Frame): ExprNode {
    const [lhs, rhs] = this.exprs(f.parts);
    const opToken = f.parts.find((p): p is Extract<Part, { kind: 'token' }> => p.kind === 'token' && p.name in BINARY_OP_TOKENS);
    if (!lhs || !rhs) return this.fail(f.to, 'unexpected end of input');
    if (!opToken) {
      const other = this.token(f.parts);
      throw unsupported(`binary operator ${JSON.stringify(other?.text ?? '?')}`);
    }
    const op = BINARY_OP_TOKENS[opToken.name] as BinaryOp;
    const opPos = opToken.from;
    const returnBool = this.token(f.parts, 'BoolModifier') !== undefined;
    const clause = f.parts.find((p): p is Extract<Part, { kind: 'matching' }> => p.kind === 'matching');
    const matching: VectorMatching = {
      card: clause?.group === 'left' ? 'many-to-one' : clause?.group === 'right' ? 'one-to-many' : 'one-to-one',
      on: clause?.on ?? false,
      labels: clause?.labels ?? [],
      include: clause?.include ?? [],
    };
    if (returnBool && !isComparison(op)) this.fail(opPos, 'bool modifier can only be used on comparison operators');
    if (isComparison(op) && !returnBool && lhs.type === 'scalar' && rhs.type === 'scalar') {
      this.fail(opPos, 'comparisons between scalars must use BOOL modifier');
    }
    if (isSetOp(op) && matching.card === 'one-to-one') matching.card = 'many-to-many';
    if (matching.on) {
      const both = matching.labels.find((l) => matching.include.includes(l));
      if (both !== undefined) this.fail(opPos, `label ${JSON.stringify(both)} must not occur in ON and GROUP clause at once`);
    }
    for (const side of [lhs, rhs]) {
      if (side.type !== 'scalar' && side.type !== 'instant vector') {
        this.fail(side.pos, 'binary expression must contain only scalar and instant vector types');
      }
    }
    if (lhs.type !== 'instant vector' || rhs.type !== 'instant vector') {
      if (clause && matching.labels.length > 0) this.fail(f.from, 'vector matching only allowed between instant vectors');
    } else if (isSetOp(op) && (matching.card === 'one-to-many' || matching.card === 'many-to-one')) {
      this.fail(f.from, `no grouping allowed for ${JSON.stringify(op)} operation`);
    }
    if ((lhs.type === 'scalar' || rhs.type === 'scalar') && isSetOp(op)) {
      this.fail(f.from, `set operator ${JSON.stringify(op)} not allowed in binary scalar expression`);
    }
    const type: ValueType = lhs.type === 'scalar' && rhs.type === 'scalar' ? 'scalar' : 'instant vector';
    return this.add({ kind: 'binary', type, pos: f.from, op, lhs, rhs, returnBool, matching });
  }

  private unary(f: Frame): ExprNode {
    const sign = this.token(f.parts, 'UnaryOp');
    const expr = this.exprOf(f.parts.find((p) => p.kind === 'expr'), f.from);
    if (expr.type !== 'scalar' && expr.type !== 'instant vector') {
      this.fail(f.from, `unary expression only allowed on expressions of type scalar or instant vector, got ${JSON.stringify(expr.type)}`);
    }
    if (sign?.text !== '-') return this.add({ kind: 'passThrough', type: expr.type, pos: f.from, expr });
    if (expr.kind === 'number') return this.add({ kind: 'number', type: 'scalar', pos: f.from, value: -expr.value });
    return this.add({ kind: 'unaryMinus', type: expr.type, pos: f.from, expr });
  }
}

function secondsToMs(text: string): number | null {
  const v = parsePromqlNumber(text);
  return v === null || !Number.isFinite(v) ? null : Math.round(v * 1000);
}

/** The expression under any parentheses. */
export function unwrapParens(node: ExprNode): ExprNode {
  let n = node;
  while (n.kind === 'passThrough') n = n.expr;
  return n;
}

/** Parses and statically checks a query. Throws a PromqlError (`parse` or `unsupported`). */
export function parseQuery(query: string): ParsedQuery {
  if (query.trim() === '') throw parseError(query, 0, 'no expression found in input');
  const tree = parser.parse(query);
  const syntaxError = findSyntaxError(query, tree);
  if (syntaxError) throw syntaxError;
  const builder = new QueryBuilder(query);
  const stack: Frame[] = [{ name: '', from: 0, to: query.length, parts: [] }];
  tree.iterate({
    enter(node) {
      stack.push({ name: node.name, from: node.from, to: node.to, parts: [] });
    },
    leave() {
      const frame = stack.pop() as Frame;
      const part = builder.build(frame);
      if (part) (stack[stack.length - 1] as Frame).parts.push(part);
    },
  });
  const top = stack[0]?.parts[0];
  if (top?.kind === 'token' && top.name === 'StringLiteral') throw unsupported('string literals');
  if (top?.kind !== 'expr') throw parseError(query, query.length, 'no expression found in input');
  return { root: top.node, nodes: builder.nodes };
}

/**
 * A series selector as the `match[]` parameter takes it (Prometheus's ParseMetricSelector): exactly
 * one vector selector, nothing else.
 */
export function parseSeriesSelector(text: string): LabelMatcher[] {
  const parsed = parseQuery(text);
  if (parsed.root.kind !== 'vectorSelector' || parsed.root.offsetMs !== 0) {
    throw parseError(text, parsed.root.pos, 'expected a series selector, like foo{bar="baz"}');
  }
  return parsed.root.matchers;
}

/** Every vector selector of a parsed query (for query_exemplars), in query order. */
export function selectorsOf(parsed: ParsedQuery): LabelMatcher[][] {
  return parsed.nodes.filter((n): n is VectorSelectorNode => n.kind === 'vectorSelector').map((n) => n.matchers);
}
