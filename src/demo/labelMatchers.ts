import type { Labels } from '../model/series';
import type { LabelMatcher } from './source';
import { compileRe2Matcher } from './re2/translate';

/**
 * The one label-matcher implementation of the demo, shared by the simulator's series selection and the
 * PromQL evaluator, so the two can never disagree on what a regex matches.
 *
 * A regex matcher value means what it means to Prometheus 2.42: RE2 (Go regexp/syntax, Perl flags)
 * compiled as `^(?:value)$`, translated token by token to a JS RegExp (`re2/translate.ts`).
 * Checked against the real 2.42 binary by e2e/promql-diff.real.test.ts: there `.` does NOT match
 * `\n` (no `s` flag; Prometheus 3.0 later compiles `^(?s:value)$`), `(?s)` makes it, and `(?i)`
 * applies to what follows it in its group, including mid-pattern `(?i:…)` groups.
 * Throws Re2SyntaxError (Go's wording) or Re2UnsupportedError; the parser reports both.
 */
export function compileAnchoredRegex(value: string): RegExp {
  return compileRe2Matcher(value);
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

/**
 * `compileMatchers` with a bounded cache, for callers that select series with the same matchers again and again.
 * Take the predicate once per selection and test each series with it: the cache's key costs more than a test.
 */
export function matcherPredicate(matchers: readonly LabelMatcher[]): LabelPredicate {
  const key = JSON.stringify(matchers.map((m) => [m.name, m.type, m.value]));
  let pred = compiledSets.get(key);
  if (pred === undefined) {
    pred = compileMatchers(matchers);
    if (compiledSets.size > 512) compiledSets.clear();
    compiledSets.set(key, pred);
  }
  return pred;
}
