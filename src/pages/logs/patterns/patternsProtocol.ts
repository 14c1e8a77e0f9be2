import type { PatternInput, PatternOptions, PatternResult } from '../../../model/logPatterns';
import type { LogLine } from '../../../model/logs';
import type { TimeRange } from '../../../model/time';

// The messages between the page and the patterns worker. The lines go packed: one string holding every
// line's text back to back, with offsets and times in typed arrays (transferred, not copied); a LogLine's
// stream and key stay on the page. The answer's per-line assignment comes back as a transferred Int32Array.

/** Only this much of each line goes to the worker: the message of a 1 MB line is in its first few kB, if anywhere. */
export const MAX_PACKED_LINE_CHARS = 8192;

export interface PackedLines {
  /** Every line's text (cut at MAX_PACKED_LINE_CHARS), concatenated. */
  text: string;
  /** Line i is text.slice(offsets[i], offsets[i + 1]); length = lines + 1. */
  offsets: Uint32Array;
  timesMs: Float64Array;
}

export interface PatternsRequest {
  type: 'patterns';
  id: number;
  lines: PackedLines;
  range: TimeRange;
  options?: PatternOptions;
}

/** The page no longer wants the answer to `id`: the worker stops at its next chunk. */
export interface PatternsCancel {
  type: 'cancel';
  id: number;
}

export type PageToPatternsWorker = PatternsRequest | PatternsCancel;

export type PatternsWorkerToPage = { type: 'result'; id: number; result: PatternResult } | { type: 'error'; id: number; message: string };

export function packLines(lines: readonly LogLine[]): PackedLines {
  const n = lines.length;
  const parts = new Array<string>(n);
  const offsets = new Uint32Array(n + 1);
  const timesMs = new Float64Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const line = lines[i]!;
    const text = line.line.length > MAX_PACKED_LINE_CHARS ? line.line.slice(0, MAX_PACKED_LINE_CHARS) : line.line;
    parts[i] = text;
    at += text.length;
    offsets[i + 1] = at;
    timesMs[i] = line.timeMs;
  }
  return { text: parts.join(''), offsets, timesMs };
}

export function packedInput(packed: PackedLines): PatternInput {
  const { text, offsets, timesMs } = packed;
  return { length: timesMs.length, text: (i) => text.slice(offsets[i], offsets[i + 1]), timeMs: (i) => timesMs[i]! };
}

export function isPageToPatternsWorker(data: unknown): data is PageToPatternsWorker {
  if (typeof data !== 'object' || data === null) return false;
  const { type, id } = data as { type?: unknown; id?: unknown };
  return (type === 'patterns' || type === 'cancel') && typeof id === 'number';
}

export function isPatternsWorkerToPage(data: unknown): data is PatternsWorkerToPage {
  if (typeof data !== 'object' || data === null) return false;
  const { type, id } = data as { type?: unknown; id?: unknown };
  return (type === 'result' || type === 'error') && typeof id === 'number';
}
