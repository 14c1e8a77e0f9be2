import type { Tree } from '@lezer/common';
import { parseError, type PromqlError } from './errors';

const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset', 'and', 'or', 'unless']);
const OPERATORS = ['==', '!=', '>=', '<=', '=~', '!~', '+', '-', '*', '/', '%', '^', '>', '<', '='];

/**
 * Words the token at `offset` roughly as Prometheus's yacc parser does (`unexpected identifier "x"`,
 * `unexpected number "5"`, `unexpected <op:*>`, `unexpected end of input`). Lezer recovers from
 * errors differently from yacc, so the wording is close, not identical; the position is exact to the
 * first error lezer finds.
 */
function describeUnexpected(query: string, offset: number): string {
  const rest = query.slice(offset);
  if (rest.trim() === '') return 'unexpected end of input';
  const word = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(rest);
  if (word) {
    const w = word[0];
    if (KEYWORDS.has(w.toLowerCase())) return `unexpected <${w.toLowerCase()}>`;
    return `unexpected identifier ${JSON.stringify(w)}`;
  }
  const num = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[a-z]*/.exec(rest);
  if (num) return `unexpected number ${JSON.stringify(num[0])}`;
  const op = OPERATORS.find((o) => rest.startsWith(o));
  if (op) return `unexpected <op:${op}>`;
  const ch = rest[0] as string;
  if ('(){}[],'.includes(ch)) return `unexpected ${JSON.stringify(ch)}`;
  if (ch === '"' || ch === "'" || ch === '`') return 'unterminated quoted string';
  return `unexpected character: '${ch}'`;
}

/** The first syntax error in a lezer tree as a Prometheus-shaped parse error, or null. */
export function findSyntaxError(query: string, tree: Tree): PromqlError | null {
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
  if (errorAt < 0) return null;
  // `foo(` where foo is no known function: lezer sees a selector followed by junk.
  if (query[errorAt] === '(') {
    const ident = /([a-zA-Z_:][a-zA-Z0-9_:]*)\s*$/.exec(query.slice(0, errorAt));
    if (ident && !KEYWORDS.has(ident[1] as string)) {
      return parseError(query, ident.index, `unknown function with name ${JSON.stringify(ident[1])}`);
    }
  }
  return parseError(query, errorAt, describeUnexpected(query, errorAt));
}
