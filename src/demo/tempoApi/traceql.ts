import type { Span, SpanKind } from '../../model/trace';
import { parseGoDuration } from '../traceWire/goDuration';
import { tagText } from '../traceWire/tags';

/**
 * The TraceQL the demo understands: one spanset filter, `{}` or conditions joined by `&&`:
 *   resource.<attr> | span.<attr> | .<attr>   = != < <= > >=   "string" | number
 *   name                                       = !=             "string"
 *   status                                     = !=             error | ok | unset
 *   kind                                       = !=             server | client | internal | producer | consumer | unspecified
 *   duration                                   = != < <= > >=   1s, 250ms, …
 *   traceDuration                              = != < <= > >=   1s, 250ms, …  (the whole trace's; `traceFilterHolds`)
 * Attribute values may also be `true` / `false`.
 * e.g. `{ resource.service.name = "payments" && duration > 1s && status = error }`. Anything else is
 * answered the way Tempo answers a query it cannot parse: 400 `invalid TraceQL query: parse error …`.
 */
export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Condition =
  | { field: 'attribute'; scope: 'resource' | 'span' | 'any'; key: string; op: Operator; value: string | number | boolean }
  | { field: 'name'; op: Operator; value: string }
  | { field: 'status'; op: Operator; value: Span['status'] }
  | { field: 'kind'; op: Operator; value: SpanKind }
  | { field: 'duration' | 'traceDuration'; op: Operator; valueUs: number };

export interface SpansetFilter {
  conditions: Condition[];
}

interface Token {
  text: string;
  kind: 'punct' | 'op' | 'ident' | 'string' | 'number' | 'duration';
  col: number;
}

const STATUSES: readonly Span['status'][] = ['error', 'ok', 'unset'];
const KINDS: readonly SpanKind[] = ['server', 'client', 'internal', 'producer', 'consumer', 'unspecified'];

class TraceQLError extends Error {}

function fail(col: number, what: string): never {
  throw new TraceQLError(`parse error at line 1, col ${col}: syntax error: unexpected ${what} (the demo backend understands one { … && … } filter on resource./span. attributes, name, status, kind and duration)`);
}

function tokenize(q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i] ?? '';
    const col = i + 1;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '{' || c === '}') {
      out.push({ text: c, kind: 'punct', col });
      i++;
      continue;
    }
    const two = q.slice(i, i + 2);
    if (two === '&&' || two === '!=' || two === '<=' || two === '>=') {
      out.push({ text: two, kind: two === '&&' ? 'punct' : 'op', col });
      i += 2;
      continue;
    }
    if (c === '=' || c === '<' || c === '>') {
      out.push({ text: c, kind: 'op', col });
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let text = '';
      while (j < q.length && q[j] !== '"') {
        if (q[j] === '\\' && j + 1 < q.length) j++;
        text += q[j] ?? '';
        j++;
      }
      if (j >= q.length) fail(col, 'end of input in a string');
      out.push({ text, kind: 'string', col });
      i = j + 1;
      continue;
    }
    const num = /^-?(\d+\.?\d*|\.\d+)([a-zµ]*)/.exec(q.slice(i));
    if (num !== null) {
      out.push({ text: num[0], kind: num[2] === '' ? 'number' : 'duration', col });
      i += num[0].length;
      continue;
    }
    const ident = /^[A-Za-z_.][A-Za-z0-9_.-]*/.exec(q.slice(i));
    if (ident !== null) {
      out.push({ text: ident[0], kind: 'ident', col });
      i += ident[0].length;
      continue;
    }
    fail(col, JSON.stringify(c));
  }
  return out;
}

function condition(field: Token, op: Token, value: Token): Condition {
  const o = op.text as Operator;
  const equality = o === '=' || o === '!=';
  const name = field.text;
  if (name === 'duration' || name === 'traceDuration') {
    if (value.kind !== 'duration') fail(value.col, `${JSON.stringify(value.text)}, expecting a duration`);
    const us = parseGoDuration(value.text);
    if (us instanceof Error) fail(value.col, `${JSON.stringify(value.text)}: ${us.message}`);
    return { field: name, op: o, valueUs: us };
  }
  if (name === 'name') {
    if (value.kind !== 'string' || !equality) fail(value.col, JSON.stringify(value.text));
    return { field: 'name', op: o, value: value.text };
  }
  if (name === 'status') {
    const status = STATUSES.find((s) => s === value.text);
    if (value.kind !== 'ident' || status === undefined || !equality) fail(value.col, JSON.stringify(value.text));
    return { field: 'status', op: o, value: status };
  }
  if (name === 'kind') {
    const kind = KINDS.find((k) => k === value.text);
    if (value.kind !== 'ident' || kind === undefined || !equality) fail(value.col, JSON.stringify(value.text));
    return { field: 'kind', op: o, value: kind };
  }
  const scoped = /^(resource|span)?\.(.+)$/.exec(name);
  if (scoped === null) fail(field.col, `IDENTIFIER ${JSON.stringify(name)}`);
  const scope = scoped[1] === 'resource' ? 'resource' : scoped[1] === 'span' ? 'span' : 'any';
  if (value.kind === 'ident' && (value.text === 'true' || value.text === 'false')) {
    if (!equality) fail(op.col, `${JSON.stringify(o)} on a boolean`);
    return { field: 'attribute', scope, key: scoped[2] ?? '', op: o, value: value.text === 'true' };
  }
  if (value.kind !== 'string' && value.kind !== 'number') fail(value.col, JSON.stringify(value.text));
  if (value.kind === 'string' && !equality) fail(op.col, `${JSON.stringify(o)} on a string`);
  return { field: 'attribute', scope, key: scoped[2] ?? '', op: o, value: value.kind === 'number' ? Number(value.text) : value.text };
}

/** The filter a query names, or an Error whose message follows Tempo's `invalid TraceQL query: …`. */
export function parseTraceQL(q: string): SpansetFilter | Error {
  try {
    const tokens = tokenize(q);
    let i = 0;
    const next = (): Token | undefined => tokens[i++];
    const end = q.length + 1;
    const open = next();
    if (open?.text !== '{') fail(open?.col ?? end, open === undefined ? 'end of input' : JSON.stringify(open.text));
    const conditions: Condition[] = [];
    if (tokens[i]?.text === '}') i++;
    else {
      for (;;) {
        const field = next();
        const op = next();
        const value = next();
        if (field?.kind !== 'ident') fail(field?.col ?? end, field === undefined ? 'end of input' : JSON.stringify(field.text));
        if (op?.kind !== 'op') fail(op?.col ?? end, op === undefined ? 'end of input' : JSON.stringify(op.text));
        if (value === undefined) fail(end, 'end of input');
        conditions.push(condition(field, op, value));
        const sep = next();
        if (sep?.text === '}') break;
        if (sep?.text !== '&&') fail(sep?.col ?? end, sep === undefined ? 'end of input' : JSON.stringify(sep.text));
      }
    }
    const extra = tokens[i];
    if (extra !== undefined) fail(extra.col, JSON.stringify(extra.text));
    return { conditions };
  } catch (e) {
    if (e instanceof TraceQLError) return new Error(`invalid TraceQL query: ${e.message}`);
    throw e;
  }
}

function compare(actual: number | string | boolean, op: Operator, wanted: number | string | boolean): boolean {
  switch (op) {
    case '=':
      return actual === wanted;
    case '!=':
      return actual !== wanted;
    case '<':
      return actual < wanted;
    case '<=':
      return actual <= wanted;
    case '>':
      return actual > wanted;
    case '>=':
      return actual >= wanted;
  }
}

function conditionHolds(span: Span, c: Condition): boolean {
  switch (c.field) {
    case 'duration':
      return compare(span.durationUs, c.op, c.valueUs);
    case 'traceDuration':
      // A property of the trace, not of the span: checked once per trace by traceFilterHolds.
      return true;
    case 'name':
      return compare(span.name, c.op, c.value);
    case 'status':
      return compare(span.status, c.op, c.value);
    case 'kind':
      return compare(span.kind, c.op, c.value);
    case 'attribute': {
      const v = c.scope === 'resource' ? span.resource[c.key] : c.scope === 'span' ? span.attributes[c.key] : (span.attributes[c.key] ?? span.resource[c.key]);
      if (v === undefined) return false;
      if (typeof c.value === 'number') return typeof v === 'number' && compare(v, c.op, c.value);
      if (typeof c.value === 'boolean') return typeof v === 'boolean' && compare(v, c.op, c.value);
      return typeof v === 'string' && compare(tagText(v), c.op, c.value);
    }
  }
}

export function spanMatches(span: Span, filter: SpansetFilter): boolean {
  return filter.conditions.every((c) => conditionHolds(span, c));
}

/** The filter's trace-level conditions (`traceDuration`), for a trace lasting `durationUs`. */
export function traceFilterHolds(filter: SpansetFilter, durationUs: number): boolean {
  return filter.conditions.every((c) => c.field !== 'traceDuration' || compare(durationUs, c.op, c.valueUs));
}
