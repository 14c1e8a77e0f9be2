import { parser } from '@grafana/lezer-logql';
import type { SyntaxNode } from '@lezer/common';
import { compileMatcher, matchesEmpty } from '../labelMatchers';
import { parsePromDuration, unquoteString } from '../promql/literals';
import { Re2SyntaxError, Re2UnsupportedError } from '../re2/errors';
import { translateRe2 } from '../re2/translate';
import type { LabelMatcher } from '../source';
import {
  LogqlError,
  type LabelPredicate,
  type LineFilterOp,
  type LineFormatStage,
  type LogQuery,
  type MetricQuery,
  type NumberOp,
  type Query,
  type RangeFunction,
  type Stage,
  type VectorOp,
} from './ast';

/** Loki's parse error text: `parse error at line 1, col 11: syntax error: unexpected IDENTIFIER`. */
function parseErrorAt(query: string, offset: number, message: string): LogqlError {
  const before = query.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - (before.lastIndexOf('\n') + 1) + 1;
  return new LogqlError(`parse error at line ${line}, col ${col}: ${message}`);
}

/** What the demo does not do, in Loki's 400 text, naming the construct and where it is. */
function unsupportedAt(query: string, node: SyntaxNode, what: string): LogqlError {
  return parseErrorAt(query, node.from, `unsupported by the Watchfloor demo: ${what} (the demo's LogQL subset is listed in src/demo/logql/README.md)`);
}

/** The token at `offset` the way Loki's yacc grammar names it. */
function tokenName(query: string, offset: number): string {
  const rest = query.slice(offset).trimStart();
  if (rest === '') return '$end';
  if (/^["`]/.test(rest)) return 'STRING';
  if (/^\d/.test(rest)) return 'NUMBER';
  const word = /^[A-Za-z_][\w]*/.exec(rest)?.[0];
  if (word !== undefined) return 'IDENTIFIER';
  const ops = ['|=', '|~', '!=', '!~', '=~', '==', '>=', '<=', '|', '=', '>', '<', '{', '}', '(', ')', '[', ']', ','];
  const op = ops.find((o) => rest.startsWith(o));
  return op ?? (rest[0] ?? '$end');
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c !== null; c = c.nextSibling) out.push(c);
  return out;
}

const RANGE_FUNCTIONS: Readonly<Record<string, RangeFunction>> = {
  CountOverTime: 'count_over_time',
  Rate: 'rate',
  BytesOverTime: 'bytes_over_time',
  BytesRate: 'bytes_rate',
};
const VECTOR_OPS: Readonly<Record<string, VectorOp>> = { Sum: 'sum', Avg: 'avg', Min: 'min', Max: 'max', Count: 'count' };
const NUMBER_OPS: Readonly<Record<string, NumberOp>> = { Eql: '==', Eq: '==', Neq: '!=', Gtr: '>', Gte: '>=', Lss: '<', Lte: '<=' };
const MATCH_OPS: Readonly<Record<string, LabelMatcher['type']>> = { Eq: '=', Neq: '!=', Re: '=~', Nre: '!~' };

class Walker {
  constructor(private readonly query: string) {}

  text(node: SyntaxNode): string {
    return this.query.slice(node.from, node.to);
  }

  string(node: SyntaxNode | null): string {
    if (node === null) throw parseErrorAt(this.query, this.query.length, 'syntax error: unexpected $end, expecting STRING');
    const value = unquoteString(this.text(node));
    if (value === null) throw parseErrorAt(this.query, node.from, `syntax error: invalid string literal ${this.text(node)}`);
    return value;
  }

  unsupported(node: SyntaxNode, what: string): never {
    throw unsupportedAt(this.query, node, what);
  }

  expr(node: SyntaxNode): Query {
    const inner = node.firstChild;
    if (inner === null) throw parseErrorAt(this.query, 0, 'syntax error: unexpected $end');
    if (inner.name === 'LogExpr') return this.logExpr(inner);
    if (inner.name === 'MetricExpr') return this.metricExpr(inner);
    return this.unsupported(inner, `the expression "${this.text(inner)}"`);
  }

  logExpr(node: SyntaxNode): LogQuery {
    let matchers: LabelMatcher[] | undefined;
    const stages: Stage[] = [];
    for (const c of children(node)) {
      if (c.name === 'Selector') matchers = this.selector(c);
      else if (c.name === 'PipelineExpr') this.pipeline(c, stages);
      else if (c.name === 'LogExpr') return this.logExpr(c);
      else if (c.name !== '(' && c.name !== ')') this.unsupported(c, `"${this.text(c)}"`);
    }
    if (matchers === undefined) throw parseErrorAt(this.query, node.from, 'syntax error: unexpected $end, expecting {');
    return { kind: 'log', matchers, stages };
  }

  selector(node: SyntaxNode): LabelMatcher[] {
    const out: LabelMatcher[] = [];
    const walk = (n: SyntaxNode): void => {
      for (const c of children(n)) {
        if (c.name === 'Matchers') walk(c);
        else if (c.name === 'Matcher') out.push(this.matcher(c));
      }
    };
    walk(node);
    return out;
  }

  matcher(node: SyntaxNode): LabelMatcher {
    const name = node.getChild('Identifier');
    const opNode = children(node).find((c) => MATCH_OPS[c.name] !== undefined);
    if (name === null || opNode === undefined) throw parseErrorAt(this.query, node.from, `syntax error: unexpected ${tokenName(this.query, node.from)}`);
    const m: LabelMatcher = { name: this.text(name), type: MATCH_OPS[opNode.name] ?? '=', value: this.string(node.getChild('String')) };
    this.checkRegex(node, m);
    return m;
  }

  checkRegex(node: SyntaxNode, m: LabelMatcher): void {
    if (m.type !== '=~' && m.type !== '!~') return;
    try {
      compileMatcher(m);
    } catch (e) {
      throw this.regexError(node, e);
    }
  }

  regexError(node: SyntaxNode, e: unknown): LogqlError {
    if (e instanceof Re2SyntaxError) return parseErrorAt(this.query, node.from, e.message);
    if (e instanceof Re2UnsupportedError) return unsupportedAt(this.query, node, `the regex construct ${e.message}`);
    return parseErrorAt(this.query, node.from, e instanceof Error ? e.message : String(e));
  }

  pipeline(node: SyntaxNode, out: Stage[]): void {
    for (const c of children(node)) {
      if (c.name === 'PipelineExpr') this.pipeline(c, out);
      else if (c.name === 'PipelineStage') this.stage(c, out);
      else this.unsupported(c, `"${this.text(c)}"`);
    }
  }

  stage(node: SyntaxNode, out: Stage[]): void {
    for (const c of children(node)) {
      switch (c.name) {
        case 'Pipe':
          break;
        case 'LineFilters':
          this.lineFilters(c, out);
          break;
        case 'LabelParser': {
          const kind = c.firstChild?.name;
          if (kind === 'Json') out.push({ kind: 'json' });
          else if (kind === 'Logfmt') out.push({ kind: 'logfmt' });
          else this.unsupported(c, `the "${this.text(c)}" parser`);
          break;
        }
        case 'LogfmtParser':
          if (c.getChild('LogfmtParserFlags') !== null) this.unsupported(c, `logfmt flags in "${this.text(c)}"`);
          out.push({ kind: 'logfmt' });
          break;
        case 'LabelFilter':
          out.push({ kind: 'labelFilter', predicate: this.labelFilter(c) });
          break;
        case 'LineFormatExpr':
          out.push(this.lineFormat(c));
          break;
        case 'JsonExpressionParser':
          this.unsupported(c, `"| json" with label extraction expressions`);
          break;
        case 'LogfmtExpressionParser':
          this.unsupported(c, `"| logfmt" with label extraction expressions`);
          break;
        default:
          this.unsupported(c, `the pipeline stage "${this.text(c)}"`);
      }
    }
  }

  lineFilters(node: SyntaxNode, out: Stage[]): void {
    for (const c of children(node)) {
      if (c.name === 'LineFilters') this.lineFilters(c, out);
      else if (c.name === 'LineFilter') out.push(this.lineFilter(c));
      else this.unsupported(c, `"${this.text(c)}"`);
    }
  }

  lineFilter(node: SyntaxNode): Stage {
    const filter = node.getChild('Filter');
    const opName = filter?.firstChild?.name;
    const ops: Readonly<Record<string, LineFilterOp>> = { PipeExact: '|=', Neq: '!=', PipeMatch: '|~', Nre: '!~' };
    const op = opName === undefined ? undefined : ops[opName];
    if (filter === null || op === undefined) return this.unsupported(node, `the line filter "${this.text(node)}"`);
    const values: string[] = [];
    for (const c of children(node)) {
      if (c.name === 'String') values.push(this.string(c));
      else if (c.name === 'OrFilter') {
        const s = c.getChild('String');
        if (s === null) this.unsupported(c, `"${this.text(c)}"`);
        values.push(this.string(s));
      } else if (c.name !== 'Filter' && c.name !== 'Or') this.unsupported(c, `"${this.text(c)}" in a line filter`);
    }
    if (op === '|~' || op === '!~') {
      const regexes = values.map((v) => {
        try {
          const t = translateRe2(v);
          return new RegExp(t.source, t.flags);
        } catch (e) {
          throw this.regexError(node, e);
        }
      });
      return { kind: 'line', op, values, regexes };
    }
    return { kind: 'line', op, values };
  }

  labelFilter(node: SyntaxNode): LabelPredicate {
    const cs = children(node).filter((c) => c.name !== '(' && c.name !== ')');
    const filters = cs.filter((c) => c.name === 'LabelFilter');
    if (filters.length === 2 && filters[0] !== undefined && filters[1] !== undefined) {
      const or = cs.some((c) => c.name === 'Or');
      return { kind: or ? 'or' : 'and', left: this.labelFilter(filters[0]), right: this.labelFilter(filters[1]) };
    }
    if (filters.length === 1 && filters[0] !== undefined && cs.length === 1) return this.labelFilter(filters[0]);
    const only = cs[0];
    if (only === undefined) throw parseErrorAt(this.query, node.from, 'syntax error: unexpected $end');
    if (only.name === 'Matcher') {
      const matcher = this.matcher(only);
      const pred = compileMatcher(matcher);
      return { kind: 'string', matcher, test: (value) => pred({ [matcher.name]: value }) };
    }
    if (only.name === 'NumberFilter') {
      const name = only.getChild('Identifier');
      const opNode = children(only).find((c) => NUMBER_OPS[c.name] !== undefined);
      const literal = only.getChild('LiteralExpr');
      const value = literal === null ? NaN : Number(this.text(literal).replace(/\s+/g, ''));
      if (name === null || opNode === undefined || !Number.isFinite(value)) return this.unsupported(only, `the label filter "${this.text(only)}"`);
      return { kind: 'number', name: this.text(name), op: NUMBER_OPS[opNode.name] ?? '==', value };
    }
    return this.unsupported(only, `the label filter "${this.text(only)}" (duration, bytes and ip filters)`);
  }

  lineFormat(node: SyntaxNode): LineFormatStage {
    const template = this.string(node.getChild('String'));
    const parts: LineFormatStage['parts'] = [];
    const re = /\{\{-?\s*(.*?)\s*-?\}\}/gs;
    let at = 0;
    for (let m = re.exec(template); m !== null; m = re.exec(template)) {
      if (m.index > at) parts.push({ text: template.slice(at, m.index) });
      const field = /^\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(m[1] ?? '');
      if (field === null) return this.unsupported(node, `the template action "{{${m[1] ?? ''}}}" in line_format (only {{.label}} is)`);
      parts.push({ label: field[1] ?? '' });
      at = m.index + m[0].length;
    }
    if (at < template.length) parts.push({ text: template.slice(at) });
    return { kind: 'lineFormat', parts };
  }

  metricExpr(node: SyntaxNode): MetricQuery {
    const cs = children(node).filter((c) => c.name !== '(' && c.name !== ')');
    const only = cs[0];
    if (cs.length !== 1 || only === undefined) return this.unsupported(node, `"${this.text(node)}"`);
    if (only.name === 'MetricExpr') return this.metricExpr(only);
    if (only.name === 'RangeAggregationExpr') return this.rangeAggregation(only);
    if (only.name === 'VectorAggregationExpr') return this.vectorAggregation(only);
    if (only.name === 'BinOpExpr') return this.unsupported(only, 'binary operations');
    return this.unsupported(only, `"${this.text(only)}"`);
  }

  rangeAggregation(node: SyntaxNode): MetricQuery {
    const opNode = node.getChild('RangeOp');
    const fn = opNode?.firstChild ? RANGE_FUNCTIONS[opNode.firstChild.name] : undefined;
    if (opNode === null || fn === undefined) return this.unsupported(opNode ?? node, `the range function "${opNode === null ? '' : this.text(opNode)}"`);
    let log: LogQuery | undefined;
    let rangeMs: number | undefined;
    let offsetMs = 0;
    for (const c of children(node)) {
      if (c.name === 'RangeOp' || c.name === '(' || c.name === ')') continue;
      if (c.name !== 'LogRangeExpr') return this.unsupported(c, `"${this.text(c)}" in ${fn}`);
      const matchers: LabelMatcher[] = [];
      const stages: Stage[] = [];
      for (const r of children(c)) {
        if (r.name === 'Selector') matchers.push(...this.selector(r));
        else if (r.name === 'PipelineExpr') this.pipeline(r, stages);
        else if (r.name === 'Range') rangeMs = this.duration(r.getChild('Duration') ?? r);
        else if (r.name === 'OffsetExpr') offsetMs = this.duration(r.getChild('Duration') ?? r);
        else if (r.name === 'UnwrapExpr') return this.unsupported(r, '"| unwrap"');
        else if (r.name !== '(' && r.name !== ')') return this.unsupported(r, `"${this.text(r)}"`);
      }
      log = { kind: 'log', matchers, stages };
    }
    if (log === undefined || rangeMs === undefined) throw parseErrorAt(this.query, node.to, 'syntax error: unexpected ), expecting [');
    return { kind: 'range', fn, log, rangeMs, offsetMs };
  }

  duration(node: SyntaxNode): number {
    const ms = parsePromDuration(this.text(node));
    if (ms === null || ms <= 0) throw parseErrorAt(this.query, node.from, `not a valid duration string: "${this.text(node)}"`);
    return ms;
  }

  vectorAggregation(node: SyntaxNode): MetricQuery {
    const opNode = node.getChild('VectorOp');
    const op = opNode?.firstChild ? VECTOR_OPS[opNode.firstChild.name] : undefined;
    if (opNode === null || op === undefined) return this.unsupported(opNode ?? node, `the aggregation "${opNode === null ? '' : this.text(opNode)}"`);
    let inner: MetricQuery | undefined;
    let grouping: { without: boolean; labels: string[] } | undefined;
    for (const c of children(node)) {
      if (c.name === 'VectorOp' || c.name === '(' || c.name === ')') continue;
      if (c.name === 'MetricExpr') inner = this.metricExpr(c);
      else if (c.name === 'Grouping') {
        // The grammar nests a list as `Labels → Labels "," Identifier`: collect every Identifier beneath.
        const labels: string[] = [];
        const list = c.getChild('Labels');
        if (list !== null) list.toTree().iterate({ enter: (n) => void (n.name === 'Identifier' && labels.push(this.query.slice(list.from + n.from, list.from + n.to))) });
        grouping = { without: c.getChild('Without') !== null, labels };
      } else return this.unsupported(c, `"${this.text(c)}" in ${op}`);
    }
    if (inner === undefined) throw parseErrorAt(this.query, node.to, 'syntax error: unexpected )');
    return { kind: 'vector', op, ...(grouping === undefined ? {} : { grouping }), inner };
  }
}

/** Every selector of the query must have a matcher that cannot match the empty value (Loki's rule). */
function checkSelectors(query: Query): void {
  const logOf = (q: Query): LogQuery => (q.kind === 'log' ? q : q.kind === 'range' ? q.log : logOf(q.inner));
  const log = logOf(query);
  if (!log.matchers.some((m) => !matchesEmpty(m))) {
    throw new LogqlError(
      'parse error : queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~".*" does not meet this requirement, but app=~".+" will',
    );
  }
}

/** Parses a LogQL query of the demo's subset; throws LogqlError with Loki's wording (or "unsupported by the Watchfloor demo"). */
export function parseLogql(query: string): Query {
  if (query.trim() === '') throw new LogqlError('parse error : syntax error: unexpected $end');
  const tree = parser.parse(query);
  let errorAt = -1;
  tree.iterate({
    enter: (n) => {
      if (errorAt >= 0) return false;
      if (n.type.isError) {
        errorAt = n.from;
        return false;
      }
      return undefined;
    },
  });
  if (errorAt >= 0) throw parseErrorAt(query, errorAt, `syntax error: unexpected ${tokenName(query, errorAt)}`);
  const top = tree.topNode.getChild('Expr');
  if (top === null) throw parseErrorAt(query, 0, `syntax error: unexpected ${tokenName(query, 0)}`);
  const parsed = new Walker(query).expr(top);
  checkSelectors(parsed);
  return parsed;
}

/** A `match[]`/`query` stream selector alone (labels, series, volume); pipelines are refused. */
export function parseSelector(query: string): LabelMatcher[] {
  const parsed = parseLogql(query);
  if (parsed.kind !== 'log') throw new LogqlError('only label matchers are supported');
  return parsed.matchers;
}
