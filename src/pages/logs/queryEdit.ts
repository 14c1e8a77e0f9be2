import { parser } from '@grafana/lezer-logql';
import type { LogQueryLanguage } from '../../datasources/types';

/**
 * "Filter for" / "filter out" from the details of a line: pure edits of the query text. What the value is
 * decides the edit: a stream label becomes a matcher in the stream selector, a parsed field a label filter
 * after a parser stage, structured metadata a label filter, and a bare text a line filter.
 */
export type FilterTarget =
  | { kind: 'label'; name: string; value: string }
  /** A field parsed from the line; `parser` is the LogQL stage that yields it. */
  | { kind: 'field'; name: string; value: string; parser: 'json' | 'logfmt' }
  /** Loki structured metadata (or an Elasticsearch field): a label filter with no parser stage. */
  | { kind: 'metadata'; name: string; value: string }
  | { kind: 'text'; value: string };

export type FilterMode = 'for' | 'out';

/** A LogQL double-quoted string holding `value` exactly. */
export function logqlString(value: string): string {
  let out = '"';
  for (const ch of value) {
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else out += ch;
  }
  return `${out}"`;
}

/**
 * The label name Loki's `json` / `logfmt` stages give a field: nested keys joined with `_` (we flatten with
 * `.`), every character outside `[a-zA-Z0-9_]` replaced by `_`, and a leading digit prefixed with `_`.
 */
export function logqlLabelName(field: string): string {
  const name = field.replace(/[^a-zA-Z0-9_]/g, '_');
  return /^[0-9]/.test(name) ? `_${name}` : name === '' ? '_' : name;
}

interface SelectorSpan {
  from: number;
  to: number;
  /** Where a new matcher goes: just before the closing brace. */
  insertAt: number;
  matchers: Array<{ name: string; op: string; value: string; from: number; to: number }>;
  empty: boolean;
}

function firstSelector(query: string): SelectorSpan | undefined {
  const tree = parser.parse(query);
  let found: SelectorSpan | undefined;
  tree.iterate({
    enter: (ref) => {
      if (found) return false;
      if (ref.name !== 'Selector') return undefined;
      const node = ref.node;
      const text = query.slice(node.from, node.to);
      const close = text.lastIndexOf('}');
      if (close < 0) return false;
      const matchers: SelectorSpan['matchers'] = [];
      const cursor = node.cursor();
      while (cursor.next() && cursor.from < node.to) {
        if (cursor.name !== 'Matcher') continue;
        const inner = cursor.node;
        const id = inner.getChild('Identifier');
        const str = inner.getChild('String');
        const op = inner.getChild('Eq') ?? inner.getChild('Neq') ?? inner.getChild('Re') ?? inner.getChild('Nre');
        if (id && str && op) {
          const q = (n: { from: number; to: number }) => query.slice(n.from, n.to);
          matchers.push({ name: q(id), op: q(op), value: q(str), from: inner.from, to: inner.to });
        }
      }
      found = { from: node.from, to: node.to, insertAt: node.from + close, matchers, empty: matchers.length === 0 && text.slice(1, close).trim() === '' };
      return false;
    },
  });
  return found;
}

const hasParserStage = (query: string, stage: 'json' | 'logfmt') => new RegExp(`\\|\\s*${stage}\\b`).test(query);

function appendStage(query: string, stage: string): string {
  const base = query.trimEnd();
  return `${base} ${stage}`;
}

/** The LogQL query with one more filter. An empty query becomes a selector on the label (or all streams). */
export function logqlFilter(query: string, target: FilterTarget, mode: FilterMode): string {
  const eq = mode === 'for' ? '=' : '!=';
  if (target.kind === 'label') {
    const matcher = `${target.name}${eq}${logqlString(target.value)}`;
    const selector = firstSelector(query);
    if (!selector) return query.trim() === '' ? `{${matcher}}` : query;
    // The same name and value already there: flip its sense rather than contradict it.
    const same = selector.matchers.find((m) => m.name === target.name && (m.op === '=' || m.op === '!=') && m.value === logqlString(target.value));
    if (same) return query.slice(0, same.from) + matcher + query.slice(same.to);
    const sep = selector.empty ? '' : ', ';
    const before = query.slice(0, selector.insertAt).trimEnd();
    return `${before}${sep}${matcher}${query.slice(selector.insertAt)}`;
  }
  const base = query.trim() === '' ? '{}' : query;
  if (target.kind === 'text') return appendStage(base, `${mode === 'for' ? '|=' : '!='} ${logqlString(target.value)}`);
  const filter = `${logqlLabelName(target.name)}${eq}${logqlString(target.value)}`;
  if (target.kind === 'metadata') return appendStage(base, `| ${filter}`);
  const withParser = hasParserStage(base, target.parser) ? base : appendStage(base, `| ${target.parser}`);
  return appendStage(withParser, `| ${filter}`);
}

/** A Lucene phrase holding `value` exactly. */
export function lucenePhrase(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

/** Lucene field names escape the characters the query syntax reserves (dots are fine: `service.name`). */
export function luceneField(name: string): string {
  return name.replace(/[\s+\-=&|><!(){}[\]^"~*?:\\/]/g, '\\$&');
}

/** The Lucene query with `field:"v"` (or `NOT field:"v"`, or a bare phrase) joined by AND. */
export function luceneFilter(query: string, target: FilterTarget, mode: FilterMode): string {
  const term = target.kind === 'text' ? lucenePhrase(target.value) : `${luceneField(target.name)}:${lucenePhrase(target.value)}`;
  const clause = mode === 'for' ? term : `NOT ${term}`;
  const base = query.trim();
  if (base === '' || base === '*') return clause;
  // Parentheses keep an OR in the old query from swallowing the new clause.
  const wrapped = /\bOR\b|\|\|/.test(base) ? `(${base})` : base;
  return `${wrapped} AND ${clause}`;
}

export function addFilter(language: LogQueryLanguage, query: string, target: FilterTarget, mode: FilterMode): string {
  return language === 'lucene' ? luceneFilter(query, target, mode) : logqlFilter(query, target, mode);
}
