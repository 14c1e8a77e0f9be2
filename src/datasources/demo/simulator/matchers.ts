import type { Labels } from '../../../model/series';
import type { LabelMatcher } from '../source';

const compiled = new Map<string, RegExp>();

/** Prometheus regex matchers are fully anchored and let `.` match newlines (`^(?s:re)$`). */
function anchored(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (re === undefined) {
    re = new RegExp(`^(?:${pattern})$`, 's');
    if (compiled.size > 512) compiled.clear();
    compiled.set(pattern, re);
  }
  return re;
}

/** Whether one matcher accepts a label set; a missing label matches as the empty string. */
export function matches(labels: Labels, m: LabelMatcher): boolean {
  const value = labels[m.name] ?? '';
  switch (m.type) {
    case '=':
      return value === m.value;
    case '!=':
      return value !== m.value;
    case '=~':
      return anchored(m.value).test(value);
    case '!~':
      return !anchored(m.value).test(value);
  }
}

export function matchesAll(labels: Labels, matchers: readonly LabelMatcher[]): boolean {
  for (const m of matchers) if (!matches(labels, m)) return false;
  return true;
}
