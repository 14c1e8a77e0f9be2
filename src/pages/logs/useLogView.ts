import { useMemo } from 'react';
import type { LogQueryLanguage } from '../../datasources/types';
import type { PatternSelection } from '../../model/logPatterns';
import type { LogLine } from '../../model/logs';
import { dedupLines, type DedupMode, type Deduped } from './dedup';
import { compileTerms } from './highlight';
import { useInViewFilter } from './inViewFilter';
import { searchTermsOf } from './lineFilters';

export interface LogViewInput {
  /** The queried lines in hand, newest first. */
  queried: readonly LogLine[];
  /** The live tail's buffer, oldest first; when given, it is what is in hand instead of the query's lines. */
  tail?: readonly LogLine[] | undefined;
  pattern?: PatternSelection | null | undefined;
  sort: 'newest' | 'oldest';
  dedup: DedupMode;
  /** The in-view filter's text. */
  filterText: string;
  query: string;
  language: LogQueryLanguage;
}

export interface LogView {
  /** What is in hand, newest first: the tail's buffer when live, else the query's lines. */
  inHand: readonly LogLine[];
  /** In hand, of the chosen pattern, in the chosen order, before dedup. */
  ordered: readonly LogLine[];
  deduped: Deduped;
  /** What the list shows: deduped, then the in-view filter. */
  shown: readonly LogLine[];
  /** The query's search terms and the filter text, compiled once for every row. */
  regexes: readonly RegExp[];
}

/**
 * The lines in hand to the lines the log list shows, as the log explorer draws them (and the benchmarks measure
 * them): order, pattern, dedup, the in-view filter and the terms to mark. Each step is memoized on its inputs,
 * so a live tail's flush (a new buffer 4×/s) redoes only the steps that depend on the lines, and those do work
 * per new line where they can: the filter's lower-cased text is cached per line (inViewFilter.ts).
 */
export function useLogView({ queried, tail, pattern, sort, dedup, filterText, query, language }: LogViewInput): LogView {
  // Live: the tail's ring buffer is oldest first; one reversed copy of pointers, no per-line work.
  const inHand = useMemo(() => (tail !== undefined ? [...tail].reverse() : queried), [tail, queried]);
  const ofPattern = useMemo(() => (pattern ? inHand.filter((l) => pattern.lineKeys.has(l.key)) : inHand), [inHand, pattern]);
  const ordered = useMemo(() => {
    if (sort === 'newest') return ofPattern;
    // Oldest first from a live tail without a pattern is the buffer as it is: no second reversed copy.
    if (tail !== undefined && ofPattern === inHand) return tail;
    return [...ofPattern].reverse();
  }, [ofPattern, sort, tail, inHand]);
  const deduped = useMemo(() => dedupLines(ordered, dedup), [ordered, dedup]);
  const shown = useInViewFilter(deduped.lines, filterText);
  const regexes = useMemo(
    () => compileTerms([...searchTermsOf(query, language), ...(filterText ? [{ kind: 'text' as const, value: filterText, ignoreCase: true }] : [])]),
    [query, language, filterText],
  );
  return { inHand, ordered, deduped, shown, regexes };
}
