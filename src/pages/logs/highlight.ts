import type { TextRun } from './lineText';

/** One thing to mark in a line: literal text (a `|=` filter, the in-view filter) or a regex (`|~`). */
export interface SearchTerm {
  kind: 'text' | 'regex';
  value: string;
  /** The in-view filter ignores case; LogQL's `|=` does not. */
  ignoreCase?: boolean;
}

export interface HighlightRun extends TextRun {
  mark?: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The terms as global regexes; a regex the browser cannot compile (RE2 syntax it lacks, a typo) is left out,
 * and so is anything that matches the empty string (it would mark nothing, forever).
 */
export function compileTerms(terms: readonly SearchTerm[]): RegExp[] {
  const out: RegExp[] = [];
  for (const t of terms) {
    if (t.value === '') continue;
    try {
      const re = new RegExp(t.kind === 'text' ? escapeRegExp(t.value) : t.value, t.ignoreCase ? 'gi' : 'g');
      if (!re.test('')) out.push(re);
    } catch {
      // Not valid as a JavaScript regex: the server says whether it was valid for it.
    }
  }
  return out;
}

/** Merged [from, to) ranges in `text` where any regex matches. */
export function matchRanges(text: string, regexes: readonly RegExp[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const re of regexes) {
    re.lastIndex = 0;
    // Bounded: a line has at most text.length matches of non-empty patterns.
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      ranges.push([m.index, m.index + m[0].length]);
    }
  }
  if (ranges.length < 2) return ranges;
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [ranges[0]!];
  for (const r of ranges.slice(1)) {
    const last = merged[merged.length - 1]!;
    if (r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return merged;
}

/** The runs split where the terms match, matched parts marked (each run matched on its own). */
export function highlightRuns(runs: readonly TextRun[], regexes: readonly RegExp[]): HighlightRun[] {
  if (regexes.length === 0) return runs as HighlightRun[];
  const out: HighlightRun[] = [];
  for (const r of runs) {
    const ranges = matchRanges(r.text, regexes);
    let at = 0;
    for (const [from, to] of ranges) {
      if (from > at) out.push({ ...r, text: r.text.slice(at, from) });
      out.push({ ...r, text: r.text.slice(from, to), mark: true });
      at = to;
    }
    if (at < r.text.length || ranges.length === 0) out.push({ ...r, text: r.text.slice(at) });
  }
  return out;
}
