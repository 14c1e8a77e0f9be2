import { useTraceFilesStore, type OpenedTraceFile } from '../../../state/traceFiles';
import { openTraceFileInWorker } from '../../../traceFiles/worker/client';
import { JobCancelled } from '../../../traceFiles/worker/job';

/** The page of an opened file: `/traces/file/<name>`, and `?trace=<id>` for one of several traces in it. */
export function traceFileUrl(key: string, traceId?: string): string {
  const path = `/traces/file/${encodeURIComponent(key)}`;
  return traceId === undefined ? path : `${path}?${new URLSearchParams({ trace: traceId }).toString()}`;
}

/**
 * Starts parsing `file` in the trace-file worker and returns its key at once; the store follows the job
 * (progress, then its traces, the refusal, or the cancel), and the file's page shows whichever it is.
 */
export function openTraceFile(file: File, createWorker?: Parameters<typeof openTraceFileInWorker>[1]['createWorker']): string {
  const { put, update } = useTraceFilesStore.getState();
  const key = file.name === '' ? 'trace file' : file.name;
  const base = { key, name: file.name, size: file.size };
  const controller = new AbortController();
  let current: OpenedTraceFile = { ...base, status: 'opening', phase: 'reading', loaded: 0, cancel: () => controller.abort() };
  const move = (next: OpenedTraceFile) => {
    update(key, current, next);
    current = next;
  };
  put(current);
  openTraceFileInWorker(file, {
    signal: controller.signal,
    onProgress: ({ phase, loaded }) => {
      if (current.status === 'opening') move({ ...current, phase, loaded });
    },
    ...(createWorker === undefined ? {} : { createWorker }),
  }).then(
    (result) => move({ ...base, status: 'loaded', format: result.format, traces: result.traces, trees: result.trees }),
    (error: unknown) => move(error instanceof JobCancelled ? { ...base, status: 'cancelled' } : { ...base, status: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
  return key;
}
