import type { TraceTree } from '../../model/traceTree';
import type { FormatAttempt, TraceFileResult } from '../detect';

/**
 * The messages between the page and the trace-file worker. A File is posted as it is (structured clone
 * passes Blobs by reference, no copy); the worker reads it as a stream. The answer is the parsed traces,
 * cloned back: plain objects, with NaN and the infinities intact (JSON would lose them).
 */

export interface OpenMessage {
  type: 'open';
  id: number;
  file: Blob;
}

/** The page no longer wants job `id`: the worker stops at its next step. */
export interface CancelMessage {
  type: 'cancel';
  id: number;
}

export type PageToWorkerMessage = OpenMessage | CancelMessage;

/**
 * Where a job is: `reading` the bytes (with `loaded` of `total`), then `json` (JSON.parse, one step that
 * cannot report), then `convert` (the format's converter), then `tree` (the trace model's columns).
 */
export type JobPhase = 'reading' | 'json' | 'convert' | 'tree';

export interface JobProgress {
  phase: JobPhase;
  loaded: number;
  total: number;
}

export interface ProgressMessage extends JobProgress {
  type: 'progress';
  id: number;
}

/** The traces, and each one's tree (`trees[i]` of `result.traces[i]`), built here so the page need not. */
export interface OpenedFile extends TraceFileResult {
  trees: TraceTree[];
}

export interface DoneMessage {
  type: 'done';
  id: number;
  result: OpenedFile;
}

/** `attempts` is set when the file is not a trace (a TraceFileError); else the message of what went wrong. */
export interface FailedMessage {
  type: 'failed';
  id: number;
  summary: string;
  attempts?: readonly FormatAttempt[];
}

export interface CancelledMessage {
  type: 'cancelled';
  id: number;
}

export type WorkerToPageMessage = ProgressMessage | DoneMessage | FailedMessage | CancelledMessage;

const isObject = (data: unknown): data is Record<string, unknown> => typeof data === 'object' && data !== null;

/** A Blob by what the job uses of it (a Blob of another realm, e.g. a test's, fails `instanceof`). */
function isBlobLike(value: unknown): value is Blob {
  return isObject(value) && typeof value.size === 'number' && typeof value.stream === 'function';
}

export function isPageToWorkerMessage(data: unknown): data is PageToWorkerMessage {
  if (!isObject(data) || typeof data.id !== 'number') return false;
  return (data.type === 'open' && isBlobLike(data.file)) || data.type === 'cancel';
}

export function isWorkerToPageMessage(data: unknown): data is WorkerToPageMessage {
  if (!isObject(data) || typeof data.id !== 'number') return false;
  return data.type === 'progress' || data.type === 'done' || data.type === 'failed' || data.type === 'cancelled';
}
