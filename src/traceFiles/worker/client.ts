import { reviveTraceTree } from '../../model/traceTree';
import { TraceFileError } from '../detect';
import { JobCancelled } from './job';
import { isWorkerToPageMessage, type JobProgress, type OpenedFile, type PageToWorkerMessage } from './protocol';

/** The part of a Worker the client uses, so tests can hand in a fake (or the worker's own code in-thread). */
export interface WorkerLike {
  postMessage(message: PageToWorkerMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

export interface OpenOptions {
  signal: AbortSignal;
  onProgress(progress: JobProgress): void;
  /** Starts the worker; the default is the real module worker, bundled by Vite as its own chunk. */
  createWorker?: () => WorkerLike;
}

function startWorker(): WorkerLike {
  return new Worker(new URL('./traceFileWorker.ts', import.meta.url), { type: 'module', name: 'watchfloor-trace-file' });
}

let nextId = 1;

/**
 * Parses a file in a worker of its own: resolves with its traces and their trees, rejects with the TraceFileError that says
 * which formats were tried, with `JobCancelled` when the signal aborts, or with an Error when the worker
 * itself fails. The worker is ended when the job ends, and at once on cancel: JSON.parse of a large file
 * cannot stop half-way, and nothing of a cancelled job is wanted.
 */
export function openTraceFileInWorker(file: Blob, { signal, onProgress, createWorker = startWorker }: OpenOptions): Promise<OpenedFile> {
  if (signal.aborted) return Promise.reject(new JobCancelled());
  const id = nextId++;
  const worker = createWorker();
  return new Promise<OpenedFile>((resolve, reject) => {
    const finish = (settle: () => void) => {
      signal.removeEventListener('abort', onAbort);
      worker.terminate();
      settle();
    };
    const onAbort = () => {
      worker.postMessage({ type: 'cancel', id });
      finish(() => reject(new JobCancelled()));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('error', (event: ErrorEvent) => {
      finish(() => reject(new Error(`The trace-file reader stopped: ${event.message || 'the worker failed to start or crashed'}`)));
    });
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isWorkerToPageMessage(message) || message.id !== id || signal.aborted) return;
      if (message.type === 'progress') onProgress({ phase: message.phase, loaded: message.loaded, total: message.total });
      else if (message.type === 'done') finish(() => resolve({ ...message.result, trees: message.result.trees.map(reviveTraceTree) }));
      else if (message.type === 'cancelled') finish(() => reject(new JobCancelled()));
      else finish(() => reject(message.attempts === undefined ? new Error(message.summary) : new TraceFileError(message.summary, message.attempts)));
    });
    worker.postMessage({ type: 'open', id, file });
  });
}
