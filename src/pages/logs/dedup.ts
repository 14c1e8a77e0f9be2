import type { LogLine } from '../../model/logs';
import { stripAnsi } from './lineText';

export type DedupMode = 'none' | 'exact' | 'numbers';

export interface Deduped {
  lines: readonly LogLine[];
  /** Key of a kept line → how many lines after it were folded into it. */
  folded: ReadonlyMap<string, number>;
}

const NUMBERS = /\d+(?:\.\d+)?/g;

/** What two lines must share to count as one under `mode`. */
export function dedupSignature(line: string, mode: Exclude<DedupMode, 'none'>): string {
  const text = stripAnsi(line);
  return mode === 'exact' ? text : text.replace(NUMBERS, '0');
}

/**
 * Folds runs of consecutive duplicates into their first line, as Grafana does: a line repeated by a retry
 * loop shows once with a count, while the same text at another time, between other lines, stays.
 */
export function dedupLines(lines: readonly LogLine[], mode: DedupMode): Deduped {
  if (mode === 'none') return { lines, folded: new Map() };
  const kept: LogLine[] = [];
  const folded = new Map<string, number>();
  let lastSig: string | undefined;
  let lastKey = '';
  for (const line of lines) {
    const sig = dedupSignature(line.line, mode);
    if (sig === lastSig) {
      folded.set(lastKey, (folded.get(lastKey) ?? 0) + 1);
      continue;
    }
    kept.push(line);
    lastSig = sig;
    lastKey = line.key;
  }
  return { lines: kept, folded };
}
