import { useEffect, useMemo } from 'react';
import type { LogLine } from '../../model/logs';
import { whenIdle } from '../../lib/whenIdle';

/**
 * The in-view text filter over the lines in hand: case-insensitive substring, fast enough to run on every
 * keystroke at 100,000 lines. Each line's lower-cased text is computed once per line (cached by the line, so
 * a live tail's new buffer, 4×/s, lower-cases only the lines new in it), and a term that extends the previous
 * one only searches the previous answer.
 */
export interface LineFilter {
  filter(term: string): readonly LogLine[];
  /** Lower-cases the lines now (an idle moment after they arrive), so the first keystroke does not. */
  warm(): void;
}

/** Lines are immutable; their lower-cased text lives as long as they do. */
const lowerCache = new WeakMap<LogLine, string>();

function lowerText(line: LogLine): string {
  let text = lowerCache.get(line);
  if (text === undefined) {
    text = line.line.toLowerCase();
    lowerCache.set(line, text);
  }
  return text;
}

export function createLineFilter(lines: readonly LogLine[]): LineFilter {
  let lower: string[] | undefined;
  let last: { term: string; indices: Int32Array | null } = { term: '', indices: null };
  const lowerOf = (): string[] => {
    lower ??= lines.map(lowerText);
    return lower;
  };
  return {
    warm: () => void lowerOf(),
    filter(term) {
      const needle = term.toLowerCase();
      if (needle === '') {
        last = { term: '', indices: null };
        return lines;
      }
      const text = lowerOf();
      const hits: number[] = [];
      if (last.indices !== null && last.term !== '' && needle.includes(last.term)) {
        for (const i of last.indices) if (text[i]!.includes(needle)) hits.push(i);
      } else {
        for (let i = 0; i < text.length; i++) if (text[i]!.includes(needle)) hits.push(i);
      }
      const indices = Int32Array.from(hits);
      last = { term: needle, indices };
      const out = new Array<LogLine>(indices.length);
      for (let k = 0; k < indices.length; k++) out[k] = lines[indices[k]!]!;
      return out;
    },
  };
}

/** The lines in hand that contain `term`; the filter's lower-cased copy is made while the page is idle. */
export function useInViewFilter(lines: readonly LogLine[], term: string): readonly LogLine[] {
  const filter = useMemo(() => createLineFilter(lines), [lines]);
  useEffect(() => whenIdle(() => filter.warm(), { timeoutMs: 2000, fallbackMs: 50 }), [filter]);
  return useMemo(() => filter.filter(term), [filter, term]);
}
