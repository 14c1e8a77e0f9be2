import type { LogQueryLanguage } from '../../datasources/types';
import { logqlString, luceneField, lucenePhrase } from './queryEdit';

/** Label name → the values picked for it, in the order picked. */
export type LabelChoices = ReadonlyArray<readonly [string, readonly string[]]>;

/** RE2 escape for a literal inside a LogQL regex matcher. */
function re2Literal(value: string): string {
  return value.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/**
 * The stream selector the label browser's picks make: one value is `name="v"`, several are one regex
 * matcher `name=~"a|b"` (anchored by Loki), a label with no value picked is left out. Lucene gets
 * `name:("a" OR "b")` joined by AND.
 */
export function selectorFromChoices(choices: LabelChoices, language: LogQueryLanguage): string {
  const picked = choices.filter(([, values]) => values.length > 0);
  if (language === 'lucene') {
    return picked
      .map(([name, values]) => `${luceneField(name)}:${values.length === 1 ? lucenePhrase(values[0]!) : `(${values.map(lucenePhrase).join(' OR ')})`}`)
      .join(' AND ');
  }
  const matchers = picked.map(([name, values]) =>
    values.length === 1 ? `${name}=${logqlString(values[0]!)}` : `${name}=~${logqlString(values.map(re2Literal).join('|'))}`,
  );
  return `{${matchers.join(', ')}}`;
}

/**
 * The query with its stream selector replaced by `selector` (the pipeline after it kept), or the selector
 * alone when the query has none. Lucene queries are replaced whole.
 */
export function withSelector(query: string, selector: string, language: LogQueryLanguage): string {
  if (language === 'lucene') return selector;
  const trimmed = query.trim();
  if (!trimmed.startsWith('{')) return selector;
  let quote: string | undefined;
  for (let i = 1; i < trimmed.length; i++) {
    const c = trimmed[i]!;
    if (quote !== undefined) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === '`') quote = c;
    else if (c === '}') return selector + trimmed.slice(i + 1);
  }
  return selector;
}
