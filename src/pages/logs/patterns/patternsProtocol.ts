import type { PatternInput, PatternOptions, PatternResult } from '../../../model/logPatterns';
import type { LogLine } from '../../../model/logs';
import type { TimeRange } from '../../../model/time';

// The messages between the page and the patterns worker. The lines go packed: every line's text UTF-8 encoded
// back to back in one buffer, with byte offsets and times in typed arrays, all three transferred (moved, not
// copied); a LogLine's stream and key stay on the page. Encoding is the main thread's whole share: a tight
// `encodeInto` loop, where joining 100,000 lines into one string and cloning it took ~10 times as long.
// The answer's per-line assignment comes back as a transferred Int32Array.

/** Only this much of each line goes to the worker: the message of a 1 MB line is in its first few kB, if anywhere. */
export const MAX_PACKED_LINE_CHARS = 8192;

export interface PackedLines {
  /** Every line's text (cut at MAX_PACKED_LINE_CHARS), UTF-8, concatenated; may have unused room at the end. */
  bytes: Uint8Array;
  /** Line i is bytes[offsets[i], offsets[i + 1]); length = lines + 1. */
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
  const offsets = new Uint32Array(n + 1);
  const timesMs = new Float64Array(n);
  let chars = 0;
  for (let i = 0; i < n; i++) chars += Math.min(MAX_PACKED_LINE_CHARS, lines[i]!.line.length);
  // Log text is mostly ASCII (one byte a character); room grows when it is not.
  let bytes = new Uint8Array(Math.ceil(chars * 1.1) + 64);
  const encoder = new TextEncoder();
  let at = 0;
  for (let i = 0; i < n; i++) {
    const line = lines[i]!;
    const text = line.line.length > MAX_PACKED_LINE_CHARS ? line.line.slice(0, MAX_PACKED_LINE_CHARS) : line.line;
    // Up to 3 bytes per UTF-16 unit: make sure this line fits before encoding it.
    if (bytes.length - at < text.length * 3) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, at + text.length * 3));
      grown.set(bytes.subarray(0, at));
      bytes = grown;
    }
    at += encoder.encodeInto(text, bytes.subarray(at)).written;
    offsets[i + 1] = at;
    timesMs[i] = line.timeMs;
  }
  return { bytes, offsets, timesMs };
}

export function packedInput(packed: PackedLines): PatternInput {
  const { bytes, offsets, timesMs } = packed;
  const decoder = new TextDecoder();
  return { length: timesMs.length, text: (i) => decoder.decode(bytes.subarray(offsets[i], offsets[i + 1])), timeMs: (i) => timesMs[i]! };
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
