import { parser } from '@grafana/lezer-logql';
import type { SyntaxNode } from '@lezer/common';
import type { LogQueryLanguage } from '../../datasources/types';
import type { SearchTerm } from './highlight';

/** A Go (LogQL) string literal's value: "…" with escapes, or `…` raw. */
export function unquoteLogQL(literal: string): string {
  if (literal.startsWith('`')) return literal.slice(1, literal.endsWith('`') && literal.length > 1 ? -1 : undefined);
  const inner = literal.slice(1, literal.length > 1 && literal.endsWith('"') ? -1 : undefined);
  return inner.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_all, esc: string) => {
    if (esc === 'n') return '\n';
    if (esc === 't') return '\t';
    if (esc === 'r') return '\r';
    if (esc[0] === 'u' || esc[0] === 'x') return String.fromCharCode(parseInt(esc.slice(1), 16));
    return esc;
  });
}

function stringsUnder(node: SyntaxNode, query: string): string[] {
  const out: string[] = [];
  const cursor = node.cursor();
  const end = node.to;
  do {
    if (cursor.from >= end) break;
    if (cursor.name === 'String') out.push(unquoteLogQL(query.slice(cursor.from, cursor.to)));
  } while (cursor.next());
  return out;
}

/**
 * The positive line filters of a LogQL query (`|= "text"`, `|~ "regex"`, and each `or` alternative), which
 * the list marks in every line. Negative filters (`!=`, `!~`) match nothing that is shown.
 */
export function logqlSearchTerms(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const tree = parser.parse(query);
  tree.iterate({
    enter: (ref) => {
      if (ref.name !== 'LineFilter') return;
      const node = ref.node;
      const op = node.getChild('Filter');
      const opText = op ? query.slice(op.from, op.to).trim() : '';
      const kind = opText === '|=' ? 'text' : opText === '|~' ? 'regex' : undefined;
      if (kind !== undefined) for (const value of stringsUnder(node, query)) terms.push({ kind, value });
      return false;
    },
  });
  return terms;
}

// An optional `field:` then a quoted phrase, or any other run of non-space characters.
const LUCENE_TOKEN = /(?:[^\s"]+:)?"((?:[^"\\]|\\.)*)"|(\S+)/g;
const LUCENE_OPERATORS = new Set(['AND', 'OR', 'NOT', '&&', '||', '!']);

/**
 * The positive terms of a Lucene query string: quoted phrases and bare words, with a `field:` prefix taken
 * off; operators, negated terms and ranges are not marked.
 */
export function luceneSearchTerms(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  let negated = false;
  LUCENE_TOKEN.lastIndex = 0;
  for (let m = LUCENE_TOKEN.exec(query); m !== null; m = LUCENE_TOKEN.exec(query)) {
    const phrase = m[1];
    let word = m[2];
    if (word !== undefined && LUCENE_OPERATORS.has(word)) {
      negated = word === 'NOT' || word === '!';
      continue;
    }
    const wasNegated = negated || word?.startsWith('-') === true;
    negated = false;
    if (wasNegated) continue;
    if (phrase !== undefined) {
      terms.push({ kind: 'text', value: phrase.replace(/\\(.)/g, '$1'), ignoreCase: true });
      continue;
    }
    word = word!.replace(/^[+(]+|[)]+$/g, '');
    const colon = word.search(/(?<!\\):/);
    if (colon >= 0) word = word.slice(colon + 1);
    if (word.startsWith('"') && word.endsWith('"') && word.length > 1) word = word.slice(1, -1);
    if (word === '' || word === '*' || word.startsWith('[') || word.startsWith('{')) continue;
    if (word.includes('*') || word.includes('?')) continue;
    terms.push({ kind: 'text', value: word.replace(/\\(.)/g, '$1'), ignoreCase: true });
  }
  return terms;
}

export function searchTermsOf(query: string, language: LogQueryLanguage): SearchTerm[] {
  return language === 'lucene' ? luceneSearchTerms(query) : logqlSearchTerms(query);
}
