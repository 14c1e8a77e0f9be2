import { buildTraceTree } from '../../model/traceTree';
import { TraceFileError, type TraceFileFormat } from '../detect';
import { JobCancelled, runTraceFileJob } from './job';
import { isPageToWorkerMessage, type WorkerToPageMessage } from './protocol';

/** What the worker entry hands in: its global scope, or a fake in tests. */
export interface JobPort {
  postMessage(message: WorkerToPageMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

/**
 * Answers `open` and `cancel` messages: each open is a job with its own AbortController, reporting
 * progress and ending with exactly one of `done`, `failed` or `cancelled`. An error that is not a
 * TraceFileError (a converter's bug, running out of memory) is reported with its message, never dropped.
 */
export function serveTraceFileJobs(port: JobPort, formats: readonly TraceFileFormat[]): void {
  const jobs = new Map<number, AbortController>();
  port.addEventListener('message', (event) => {
    const message = event.data;
    if (!isPageToWorkerMessage(message)) return;
    if (message.type === 'cancel') {
      jobs.get(message.id)?.abort();
      return;
    }
    const { id, file } = message;
    const controller = new AbortController();
    jobs.set(id, controller);
    runTraceFileJob(file, formats, { signal: controller.signal, onProgress: (p) => port.postMessage({ type: 'progress', id, ...p }) })
      .then((result) => {
        if (controller.signal.aborted) throw new JobCancelled();
        // The tree too: for 100,000 spans it is as much work as the parse, and this thread is free.
        port.postMessage({ type: 'progress', id, phase: 'tree', loaded: file.size, total: file.size });
        return { ...result, trees: result.traces.map(buildTraceTree) };
      })
      .then(
        (result) => port.postMessage({ type: 'done', id, result }),
        (error: unknown) => {
          if (error instanceof JobCancelled) port.postMessage({ type: 'cancelled', id });
          else if (error instanceof TraceFileError) port.postMessage({ type: 'failed', id, summary: error.summary, attempts: error.attempts });
          else port.postMessage({ type: 'failed', id, summary: `The file could not be read: ${error instanceof Error ? error.message : String(error)}` });
        },
      )
      .finally(() => jobs.delete(id));
  });
}
