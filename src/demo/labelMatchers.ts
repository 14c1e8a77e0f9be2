import type { Labels } from '../model/series';
import type { LabelMatcher } from './source';

/**
 * The one label-matcher implementation of the demo, shared by the simulator's series selection and the
 * PromQL evaluator, so the two can never disagree on what a regex matches.
 *
 * Prometheus 2.42 compiles a regex matcher value as RE2 `^(?:value)$`. RE2's leading flag group
 * (`(?i)`, `(?s)`, `(?is)`…) has no JS spelling inside a pattern, so it becomes the RegExp's flags.
 * Other RE2-only syntax throws, and the caller reports it as a parse error.
 */
export function compileAnchoredRegex(value: string): RegExp {
  let body = value;
  let flags = '';
  const flagGroup = /^\(\?([imsU]+)\)/.exec(body);
  if (flagGroup !== null) {
    const wanted = flagGroup[1] as string;
    body = body.slice(flagGroup[0].length);
    if (wanted.includes('i')) flags += 'i';
    if (wanted.includes('s')) flags += 's';
    // RE2's `m` only changes ^ and $, which the anchoring wraps; `U` (ungreedy) has no JS form.
    if (wanted.includes('U')) throw new SyntaxError(`Invalid regular expression: ungreedy flag (?U) is not supported`);
    if (wanted.includes('m')) flags += 'm';
  }
  return new RegExp(`^(?:${body})$`, flags);
}

export type LabelPredicate = (labels: Labels) => boolean;

/** A predicate for one matcher; a missing label matches as the empty string, as in Prometheus. */
export function compileMatcher(m: LabelMatcher): LabelPredicate {
  switch (m.type) {
    case '=':
      return (l) => (l[m.name] ?? '') === m.value;
    case '!=':
      return (l) => (l[m.name] ?? '') !== m.value;
    case '=~': {
      const re = compileAnchoredRegex(m.value);
      return (l) => re.test(l[m.name] ?? '');
    }
    case '!~': {
      const re = compileAnchoredRegex(m.value);
      return (l) => !re.test(l[m.name] ?? '');
    }
  }
}

/** A predicate that holds when every matcher holds. */
export function compileMatchers(matchers: readonly LabelMatcher[]): LabelPredicate {
  const preds = matchers.map(compileMatcher);
  return (l) => preds.every((p) => p(l));
}

/** True when the matcher also matches a series that lacks the label (Prometheus's "empty matcher"). */
export function matchesEmpty(m: LabelMatcher): boolean {
  return compileMatcher(m)({});
}

const compiledSets = new Map<string, LabelPredicate>();

/** `compileMatchers` with a bounded cache, for callers that select series with the same matchers again and again. */
export function matchesAll(labels: Labels, matchers: readonly LabelMatcher[]): boolean {
  const key = JSON.stringify(matchers.map((m) => [m.name, m.type, m.value]));
  let pred = compiledSets.get(key);
  if (pred === undefined) {
    pred = compileMatchers(matchers);
    if (compiledSets.size > 512) compiledSets.clear();
    compiledSets.set(key, pred);
  }
  return pred(labels);
}
