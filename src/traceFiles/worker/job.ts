import { parseTraceFile, type TraceFileFormat, type TraceFileResult } from '../detect';
import type { JobProgress } from './protocol';

/** The job was cancelled: not a failure to report, the user asked for it. */
export class JobCancelled extends Error {
  constructor() {
    super('Opening the file was cancelled');
    this.name = 'JobCancelled';
  }
}

export interface JobOptions {
  signal: AbortSignal;
  onProgress(progress: JobProgress): void;
  /** Reading progress is reported at most this often (ms), so a fast disk does not flood the page. */
  progressEveryMs?: number;
  now?: () => number;
}

/**
 * Reads a file as a stream (byte progress as it goes, UTF-8 decoded across chunk edges), then parses it
 * with the formats given. Checks the signal between chunks and between steps; JSON.parse itself runs to its
 * end, which is why the page also ends the worker on cancel. Pure apart from the Blob: tests run it as is.
 */
export async function runTraceFileJob(file: Blob, formats: readonly TraceFileFormat[], options: JobOptions): Promise<TraceFileResult> {
  const { signal, onProgress } = options;
  const text = await readText(file, options);
  const total = file.size;
  const result = parseTraceFile(text, formats, (phase) => {
    if (signal.aborted) throw new JobCancelled();
    onProgress({ phase, loaded: total, total });
  });
  if (signal.aborted) throw new JobCancelled();
  return result;
}

async function readText(file: Blob, { signal, onProgress, progressEveryMs = 50, now = () => performance.now() }: JobOptions): Promise<string> {
  if (signal.aborted) throw new JobCancelled();
  const total = file.size;
  onProgress({ phase: 'reading', loaded: 0, total });
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let loaded = 0;
  let reportedAt = now();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw new JobCancelled();
      if (done) break;
      loaded += value.byteLength;
      parts.push(decoder.decode(value, { stream: true }));
      if (now() - reportedAt >= progressEveryMs) {
        reportedAt = now();
        onProgress({ phase: 'reading', loaded, total });
      }
    }
  } finally {
    if (signal.aborted) void reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
  parts.push(decoder.decode());
  onProgress({ phase: 'reading', loaded, total });
  return parts.join('');
}
