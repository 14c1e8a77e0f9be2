import type { Labels } from '../../../model/series';
import type { LabelMatcher } from '../source';

/**
 * Compiles a Prometheus regex matcher value into a JS RegExp, fully anchored as Prometheus does
 * (`^(?:value)$`). RE2's leading `(?i)` flag group is translated to the JS `i` flag; other RE2-only
 * syntax throws, and the caller reports it as a parse error.
 */
export function compileAnchoredRegex(value: string): RegExp {
  let body = value;
  let flags = '';
  if (body.startsWith('(?i)')) {
    body = body.slice(4);
    flags = 'i';
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
