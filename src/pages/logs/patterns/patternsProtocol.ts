import type { PatternInput, PatternOptions, PatternResult } from '../../../model/logPatterns';
import type { LogLine } from '../../../model/logs';
import type { TimeRange } from '../../../model/time';

// The messages between the page and the patterns worker. A request is `start`, then the lines in chunks,
// then `end`. Each chunk is packed as one string of its lines' text back to back, with offsets and times in
// typed arrays (transferred); a LogLine's stream and key stay on the page. Chunks keep every main-thread task
// short (packing and cloning 100,000 lines at once was one ~700 ms task in Chromium; TextEncoder was slower
// still) and let the worker mine one chunk while the page packs the next. The answer's per-line assignment
// comes back as a transferred Int32Array.

/** Only this much of each line goes to the worker: the message of a 1 MB line is in its first few kB, if anywhere. */
export const MAX_PACKED_LINE_CHARS = 8192;
/** Lines per chunk: a few ms of packing and cloning on the page, ~10-30 ms of mining in the worker. */
export const CHUNK_LINES = 5000;

export interface PackedChunk {
  /** The lines' text (each cut at MAX_PACKED_LINE_CHARS), concatenated. */
  text: string;
  /** Line i of the chunk is text.slice(offsets[i], offsets[i + 1]); length = lines + 1. */
  offsets: Uint32Array;
  timesMs: Float64Array;
}

export interface PatternsStart {
  type: 'start';
  id: number;
  /** Lines the chunks will bring, in all. */
  total: number;
  range: TimeRange;
  options?: PatternOptions;
}

export interface PatternsChunk {
  type: 'chunk';
  id: number;
  /** Index of the chunk's first line in the request. */
  from: number;
  lines: PackedChunk;
}

export interface PatternsEnd {
  type: 'end';
  id: number;
}

/** The page no longer wants the answer to `id`. A newer `start` also drops an older request. */
export interface PatternsCancel {
  type: 'cancel';
  id: number;
}

export type PageToPatternsWorker = PatternsStart | PatternsChunk | PatternsEnd | PatternsCancel;

export type PatternsWorkerToPage = { type: 'result'; id: number; result: PatternResult } | { type: 'error'; id: number; message: string };

export function packChunk(lines: readonly LogLine[], from: number, to: number): PackedChunk {
  const n = to - from;
  const parts = new Array<string>(n);
  const offsets = new Uint32Array(n + 1);
  const timesMs = new Float64Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const line = lines[from + i]!;
    const text = line.line.length > MAX_PACKED_LINE_CHARS ? line.line.slice(0, MAX_PACKED_LINE_CHARS) : line.line;
    parts[i] = text;
    at += text.length;
    offsets[i + 1] = at;
    timesMs[i] = line.timeMs;
  }
  return { text: parts.join(''), offsets, timesMs };
}

export function chunkInput(chunk: PackedChunk): PatternInput {
  const { text, offsets, timesMs } = chunk;
  return { length: timesMs.length, text: (i) => text.slice(offsets[i], offsets[i + 1]), timeMs: (i) => timesMs[i]! };
}

const MESSAGE_TYPES = new Set(['start', 'chunk', 'end', 'cancel']);

export function isPageToPatternsWorker(data: unknown): data is PageToPatternsWorker {
  if (typeof data !== 'object' || data === null) return false;
  const { type, id } = data as { type?: unknown; id?: unknown };
  return typeof type === 'string' && MESSAGE_TYPES.has(type) && typeof id === 'number';
}

export function isPatternsWorkerToPage(data: unknown): data is PatternsWorkerToPage {
  if (typeof data !== 'object' || data === null) return false;
  const { type, id } = data as { type?: unknown; id?: unknown };
  return (type === 'result' || type === 'error') && typeof id === 'number';
}
