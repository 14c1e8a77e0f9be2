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
import { parseError, PromqlError, unsupported } from './errors';
import { AGGREGATIONS_242, FUNCTIONS_242 } from './functions242';
import { goQuote } from './goFormat';
import { parsePromDuration, parsePromqlNumber, unquoteString } from './literals';
import { matchesEmpty } from '../labelMatchers';
import { findSyntaxError, lezerErrorOffset } from './parseErrors';
import { regexpError } from './regexpErrors';

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
  /** `offset` durations come from OffsetDurationExpr, `[…]` ones from DurationExpr. */
  | { kind: 'duration'; ms: number; from: number; source: 'range' | 'offset' };

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

const INSTANT_FUNCTIONS: ReadonlySet<string> = new Set<InstantFunction>(['clamp_min', 'clamp_max', 'clamp', 'histogram_quantile']);

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

/** Syntax 2.42 rejects or the demo cannot place in the tree: refused on sight. */
const UNSUPPORTED_NODES: Readonly<Record<string, string>> = {
  AnchoredExpr: 'the anchored modifier',
  SmoothedExpr: 'the smoothed modifier',
  FillModifier: 'fill modifiers',
  QuotedLabelName: 'quoted label names',
};

/** PromQL's binary operator precedence (2.42's generated_parser.y), loosest first; unary +/- bind as `*`. */
const PRECEDENCE: ReadonlyArray<readonly BinaryOp[]> = [['or'], ['and', 'unless'], ['==', '!=', '<=', '<', '>=', '>'], ['+', '-'], ['*', '/', '%'], ['^']];
const precedenceOf = (op: BinaryOp) => PRECEDENCE.findIndex((ops) => ops.includes(op));
const UNARY_PRECEDENCE = precedenceOf('*');

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const DECIMAL_LITERAL = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

class QueryBuilder {
  readonly nodes: ExprNode[] = [];
  /**
   * The first valid-but-unsupported construct (a function the demo does not evaluate, a subquery).
   * It is thrown only once the whole query has been checked, so that a query Prometheus rejects gets
   * Prometheus's parse error rather than "unsupported"; meanwhile a stand-in of the right type
   * keeps the checks above it going.
   */
  deferredUnsupported: PromqlError | null = null;
  private readonly subqueryStandIns = new Set<ExprNode>();
  /** Nodes built from UnaryExpr (a `+x` is a passThrough, like parentheses, but binds differently). */
  private readonly unaries = new Set<ExprNode>();
  /** Offset expressions whose offset went to an operand (see modifiedOperand), with the operator on top. */
  private readonly reassociated = new Map<ExprNode, number>();

  constructor(private readonly query: string) {}

  private standIn(what: string, type: ValueType, pos: number): ExprNode {
    this.deferredUnsupported ??= unsupported(what);
    return this.add({ kind: 'number', type, pos, value: NaN });
  }

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
        return this.durationExpr(f);
      case 'OffsetDurationExpr':
        return this.offsetDuration(f);
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
      case 'SubqueryExpr': {
        const node = this.standIn('subqueries', 'range vector', f.from);
        this.subqueryStandIns.add(node);
        return { kind: 'expr', node };
      }
      case 'StepInvariantExpr':
        this.deferredUnsupported ??= unsupported('the @ modifier');
        return f.parts[0] ?? null;
      case 'ParenExpr': {
        const inner = this.exprOf(f.parts[0], f.from);
        return { kind: 'expr', node: this.add({ kind: 'passThrough', type: inner.type, pos: f.from, expr: inner }) };
      }
      default:
        // Leaves and thin wrappers (FunctionIdentifier, AggregateOp, UnaryOp, BoolModifier…) keep their text.
        return { kind: 'token', name: f.name, text, from: f.from };
    }
  }

  private number(literal: string, pos: number): ExprNode {
    // Lezer takes a sign into the literal, with any blanks after it (`x -+ 1`); 2.42's NUMBER has none.
    const text = literal.replace(/\s+/g, '');
    const unsigned = text.replace(/^[+-]/, '');
    const unsignedPos = pos + literal.search(/[^+\-\s]/);
    if (/[a-zA-Z]$/.test(text) && !/^[+-]?(inf|nan)$/i.test(text) && !/^[+-]?0x/i.test(text)) {
      this.fail(unsignedPos, `unexpected duration ${goQuote(unsigned)}`);
    }
    const value = parsePromqlNumber(text);
    if (value === null) {
      const reason = DECIMAL_LITERAL.test(unsigned) ? 'value out of range' : 'invalid syntax';
      this.fail(unsignedPos, `error parsing number: strconv.ParseFloat: parsing ${goQuote(unsigned)}: ${reason}`);
    }
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
    // A lone surrogate (`\ud800`) is no code point to Go; the lexer pass words the error.
    if (value === null || LONE_SURROGATE.test(value)) return this.fail(literal.from, 'unterminated quoted string');
    const type = MATCH_OPS[op.text === '=' ? 'EqlSingle' : op.text === '!=' ? 'Neq' : op.text === '=~' ? 'EqlRegex' : 'NeqRegex'];
    if (!type) return this.fail(op.from, `unexpected ${goQuote(op.text)}`);
    if (type === '=~' || type === '!~') {
      const problem = regexpError(value);
      if (problem !== null) this.fail(f.from, `error parsing regexp: ${problem}`);
    }
    return { name: name.text, type, value };
  }

  private vectorSelector(f: Frame): VectorSelectorNode {
    const ident = this.token(f.parts, 'Identifier');
    const matchersPart = f.parts.find((p): p is Extract<Part, { kind: 'matchers' }> => p.kind === 'matchers');
    const matchers = [...(matchersPart?.matchers ?? [])];
    if (ident) {
      const named = matchers.find((m) => m.name === '__name__');
      if (named) this.fail(f.from, `metric name must not be set twice: ${goQuote(ident.text)} or ${goQuote(named.value)}`);
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

  private durationExpr(f: Frame): Part {
    const literal = this.token(f.parts, 'NumberDurationLiteralInDurationContext');
    if (!literal || f.parts.length !== 1) throw unsupported('duration expressions');
    return { kind: 'duration', ms: this.durationLiteral(literal), from: literal.from, source: 'range' };
  }

  private offsetDuration(f: Frame): Part {
    const inner = f.parts.find((p): p is Extract<Part, { kind: 'duration' }> => p.kind === 'duration');
    const sign = this.token(f.parts, 'UnaryOp');
    // Only `offset 5m` and `offset -5m`; `offset (5m)` and the like are newer duration expressions.
    if (inner && sign && inner.source === 'offset') return { ...inner, ms: sign.text === '-' ? -inner.ms : inner.ms };
    const literal = this.token(f.parts, 'NumberDurationLiteralInDurationContext');
    if (!literal || inner) throw unsupported('duration expressions');
    return { kind: 'duration', ms: this.durationLiteral(literal), from: literal.from, source: 'offset' };
  }

  /** 2.42's parseDuration: model.ParseDuration, and zero refused (ranges, offsets and steps alike). */
  private durationLiteral(literal: Extract<Part, { kind: 'token' }>): number {
    const ms = parsePromDuration(literal.text);
    if (ms === null) return this.fail(literal.from, `not a valid duration string: ${goQuote(literal.text)}`);
    if (ms === 0) return this.fail(literal.from, 'duration must be greater than 0');
    return ms;
  }

  /**
   * Lezer hangs `offset` and `[…]` on a whole binary or unary expression (`x / x offset 1w` comes
   * out as `(x / x) offset 1w`); in PromQL they bind tighter than every operator, so they belong to
   * the rightmost operand. Returns that operand and the operator node right above it, if any.
   */
  private modifiedOperand(target: ExprNode): { operand: ExprNode; parent: ExprNode | null } {
    let operand = target;
    let parent: ExprNode | null = null;
    for (;;) {
      if (operand.kind === 'binary') [parent, operand] = [operand, operand.rhs];
      else if ((operand.kind === 'unaryMinus' || operand.kind === 'passThrough') && this.unaries.has(operand)) [parent, operand] = [operand, operand.expr];
      else return { operand, parent };
    }
  }

  private matrixSelector(f: Frame): MatrixSelectorNode {
    const inner = this.exprOf(f.parts[0], f.from);
    const duration = f.parts.find((p): p is Extract<Part, { kind: 'duration' }> => p.kind === 'duration');
    if (!duration) return this.fail(f.to, 'unexpected end of input');
    const { operand, parent } = this.modifiedOperand(inner);
    // Prometheus places these at the `[`.
    const bracket = this.query.lastIndexOf('[', duration.from);
    if (operand.kind !== 'vectorSelector') return this.fail(bracket, 'ranges only allowed for vector selectors');
    if (operand.offsetMs !== 0) return this.fail(bracket, 'no offset modifiers allowed before range');
    // `x + y[5m]` is `x + (y[5m])`: an operator over a range vector, refused by the operator's check.
    if (parent?.kind === 'binary') return this.fail(operand.pos, 'binary expression must contain only scalar and instant vector types');
    if (parent) return this.fail(parent.pos, 'unary expression only allowed on expressions of type scalar or instant vector, got "range vector"');
    operand.insideRange = true;
    return this.add<MatrixSelectorNode>({ kind: 'matrixSelector', type: 'range vector', pos: f.from, selector: operand, rangeMs: duration.ms });
  }

  private offsetExpr(f: Frame): ExprNode {
    const target = this.exprOf(f.parts[0], f.from);
    const duration = f.parts.find((p): p is Extract<Part, { kind: 'duration' }> => p.kind === 'duration');
    if (!duration) return this.fail(f.to, 'unexpected end of input');
    const { operand } = this.modifiedOperand(target);
    if (this.subqueryStandIns.has(operand)) return target;
    const selector = operand.kind === 'matrixSelector' ? operand.selector : operand.kind === 'vectorSelector' ? operand : null;
    if (!selector) {
      return this.fail(operand.pos, 'offset modifier must be preceded by an instant vector selector or range vector selector or a subquery');
    }
    if (selector.offsetMs !== 0) return this.fail(operand.pos, 'offset may not be set multiple times');
    selector.offsetMs = duration.ms;
    if (operand !== target) this.reassociated.set(target, target.kind === 'binary' ? precedenceOf(target.op) : UNARY_PRECEDENCE);
    return target;
  }

  /** Type and position of a call argument; string literals count (label_replace takes them). */
  private argInfo(part: Part, fallbackPos: number): { type: ValueType; pos: number } {
    if (part.kind === 'token' && part.name === 'StringLiteral') return { type: 'string', pos: part.from };
    const node = this.exprOf(part, fallbackPos);
    return { type: node.type, pos: node.pos };
  }

  private expectArgType(part: Part, want: ValueType, context: string, fallbackPos: number): void {
    const { type, pos } = this.argInfo(part, fallbackPos);
    if (type !== want) this.fail(pos, `expected type ${want} in ${context}, got ${type}`);
  }

  /** 2.42's checks for a call: known name, argument count (variadic aware), argument types. */
  private checkCall(fn: string, args: readonly Part[], pos: number): ValueType {
    const signature = FUNCTIONS_242.get(fn);
    if (!signature) return this.fail(pos, `unknown function with name ${goQuote(fn)}`);
    const { argTypes, variadic } = signature;
    const name = goQuote(fn);
    if (variadic === 0 && args.length !== argTypes.length) {
      this.fail(pos, `expected ${argTypes.length} argument(s) in call to ${name}, got ${args.length}`);
    }
    if (variadic !== 0 && args.length < argTypes.length - 1) {
      this.fail(pos, `expected at least ${argTypes.length - 1} argument(s) in call to ${name}, got ${args.length}`);
    }
    if (variadic > 0 && args.length > argTypes.length - 1 + variadic) {
      this.fail(pos, `expected at most ${argTypes.length - 1 + variadic} argument(s) in call to ${name}, got ${args.length}`);
    }
    args.forEach((arg, i) => {
      const want = argTypes[Math.min(i, argTypes.length - 1)] as ValueType;
      this.expectArgType(arg, want, `call to function ${name}`, pos);
    });
    return signature.returnType;
  }

  private functionCall(f: Frame): ExprNode {
    const name = this.token(f.parts, 'FunctionIdentifier');
    const body = f.parts.find((p): p is Extract<Part, { kind: 'args' }> => p.kind === 'args');
    if (!name || !body) return this.fail(f.from, 'unexpected end of input');
    const fn = name.text;
    const returnType = this.checkCall(fn, body.args, f.from);
    if (RANGE_FUNCTIONS.has(fn)) {
      const matrix = unwrapParens(this.exprOf(body.args[0], f.from));
      if (matrix.kind !== 'matrixSelector') return this.standIn(`range vector argument of ${goQuote(fn)} other than a selector`, returnType, f.from);
      return this.add({ kind: 'rangeCall', type: 'instant vector', pos: f.from, func: fn as RangeFunction, arg: matrix });
    }
    if (INSTANT_FUNCTIONS.has(fn)) {
      const args = body.args.map((a) => this.exprOf(a, f.from));
      return this.add({ kind: 'instantCall', type: 'instant vector', pos: f.from, func: fn as InstantFunction, args });
    }
    return this.standIn(`function ${goQuote(fn)}`, returnType, f.from);
  }

  private aggregate(f: Frame): ExprNode {
    const opToken = this.token(f.parts, 'AggregateOp');
    const body = f.parts.find((p): p is Extract<Part, { kind: 'args' }> => p.kind === 'args');
    const modifier = f.parts.find((p): p is Extract<Part, { kind: 'aggModifier' }> => p.kind === 'aggModifier');
    if (!opToken || !body) return this.fail(f.from, 'unexpected end of input');
    const op = opToken.text.toLowerCase();
    // limitk and limit_ratio are plain identifiers to 2.42, so calls of unknown functions.
    if (!AGGREGATIONS_242.has(op)) return this.fail(f.from, `unknown function with name ${goQuote(opToken.text)}`);
    const paramType = AGGREGATIONS_242.get(op) ?? null;
    if (body.args.length === 0) this.fail(f.from, 'no arguments for aggregate expression provided');
    const wantArgs = paramType ? 2 : 1;
    if (body.args.length !== wantArgs) {
      this.fail(f.from, `wrong number of arguments for aggregate expression provided, expected ${wantArgs}, got ${body.args.length}`);
    }
    // As 2.42's checkAST: the expression's type first, then the parameter's.
    this.expectArgType(body.args[wantArgs - 1] as Part, 'instant vector', 'aggregation expression', f.from);
    if (paramType) this.expectArgType(body.args[0] as Part, paramType, 'aggregation parameter', f.from);
    if (!AGGREGATE_OPS.has(op)) return this.standIn(`aggregation ${goQuote(op)}`, 'instant vector', f.from);
    const expr = this.exprOf(body.args[wantArgs - 1], f.from);
    const param = paramType ? this.exprOf(body.args[0], f.from) : null;
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
      throw unsupported(`binary operator ${goQuote(other?.text ?? '?')}`);
    }
    const op = BINARY_OP_TOKENS[opToken.name] as BinaryOp;
    // Lezer closes `a - b offset 1m` before `* 2`, PromQL reads a - ((b offset 1m) * 2): refuse rather than mis-evaluate.
    const lhsTop = this.reassociated.get(lhs);
    if (lhsTop !== undefined && (precedenceOf(op) > lhsTop || (op === '^' && lhsTop === precedenceOf('^')))) {
      this.deferredUnsupported ??= unsupported('an offset followed by an operator that binds tighter than the one before it');
    }
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
      if (both !== undefined) this.fail(opPos, `label ${goQuote(both)} must not occur in ON and GROUP clause at once`);
    }
    for (const side of [lhs, rhs]) {
      if (side.type !== 'scalar' && side.type !== 'instant vector') {
        this.fail(side.pos, 'binary expression must contain only scalar and instant vector types');
      }
    }
    if (lhs.type !== 'instant vector' || rhs.type !== 'instant vector') {
      if (clause && matching.labels.length > 0) this.fail(f.from, 'vector matching only allowed between instant vectors');
    } else if (isSetOp(op) && (matching.card === 'one-to-many' || matching.card === 'many-to-one')) {
      this.fail(f.from, `no grouping allowed for ${goQuote(op)} operation`);
    }
    if ((lhs.type === 'scalar' || rhs.type === 'scalar') && isSetOp(op)) {
      this.fail(f.from, `set operator ${goQuote(op)} not allowed in binary scalar expression`);
    }
    const type: ValueType = lhs.type === 'scalar' && rhs.type === 'scalar' ? 'scalar' : 'instant vector';
    return this.add({ kind: 'binary', type, pos: f.from, op, lhs, rhs, returnBool, matching });
  }

  private unary(f: Frame): ExprNode {
    const sign = this.token(f.parts, 'UnaryOp');
    const expr = this.exprOf(f.parts.find((p) => p.kind === 'expr'), f.from);
    if (expr.type !== 'scalar' && expr.type !== 'instant vector') {
      this.fail(f.from, `unary expression only allowed on expressions of type scalar or instant vector, got ${goQuote(expr.type)}`);
    }
    if (expr.kind === 'number' && expr.type === 'scalar') {
      return this.add({ kind: 'number', type: 'scalar', pos: f.from, value: sign?.text === '-' ? -expr.value : expr.value });
    }
    const node = this.add({ kind: sign?.text === '-' ? 'unaryMinus' : 'passThrough', type: expr.type, pos: f.from, expr });
    this.unaries.add(node);
    return node;
  }
}

/** The expression under any parentheses. */
export function unwrapParens(node: ExprNode): ExprNode {
  let n = node;
  while (n.kind === 'passThrough') n = n.expr;
  return n;
}

/**
 * Parses and statically checks a query. Throws a PromqlError (`parse` or `unsupported`). The happy
 * path is lezer plus the tree builder; only when either finds a problem does findSyntaxError re-read
 * the query as Prometheus 2.42 would, to report the error Prometheus reports first.
 */
export function parseQuery(query: string): ParsedQuery {
  const tree = parser.parse(query);
  if (lezerErrorOffset(tree) >= 0) throw findSyntaxError(query, tree) ?? parseError(query, 0, 'no expression found in input');
  const builder = new QueryBuilder(query);
  const stack: Frame[] = [{ name: '', from: 0, to: query.length, parts: [] }];
  try {
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
  } catch (e) {
    if (e instanceof PromqlError) throw findSyntaxError(query, tree) ?? e;
    throw e;
  }
  const top = stack[0]?.parts[0];
  const problem =
    builder.deferredUnsupported ??
    (top?.kind === 'token' && top.name === 'StringLiteral' ? unsupported('string literals') : null) ??
    (top?.kind !== 'expr' ? parseError(query, 0, 'no expression found in input') : null);
  if (problem) throw findSyntaxError(query, tree) ?? problem;
  return { root: (top as Extract<Part, { kind: 'expr' }>).node, nodes: builder.nodes };
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
