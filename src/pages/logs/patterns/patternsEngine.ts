import { yieldToEventLoop } from '../../../lib/yieldTask';
import { findPatterns, type PatternOptions, type PatternResult } from '../../../model/logPatterns';
import type { LogLine } from '../../../model/logs';
import type { TimeRange } from '../../../model/time';
import { CHUNK_LINES, isPatternsWorkerToPage, packChunk, type PageToPatternsWorker } from './patternsProtocol';

/** Finds patterns over lines; `dispose` ends whatever it holds (the worker). */
export interface PatternsEngine {
  find(lines: readonly LogLine[], range: TimeRange, signal: AbortSignal, options?: PatternOptions): Promise<PatternResult>;
  dispose(): void;
}

/** What the engine needs of a Worker; a MessagePort or a test double serves as well. */
export interface PatternsWorkerPort {
  postMessage(message: PageToPatternsWorker, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
  terminate?(): void;
}

const abortError = (signal: AbortSignal): unknown => signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');

interface Pending {
  resolve(result: PatternResult): void;
  reject(error: unknown): void;
}

/**
 * The page's side of the patterns worker. The lines go in chunks of CHUNK_LINES, one task each, so no
 * main-thread task is long. A newer `find` supersedes an older one still running: the older rejects with an
 * AbortError, stops sending, and the worker drops it. An aborted signal cancels likewise. A worker that fails
 * rejects what is pending and everything after, naming the failure.
 */
export function createWorkerPatternsEngine(worker: PatternsWorkerPort, yieldFn: () => Promise<void> = yieldToEventLoop): PatternsEngine {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failure: Error | undefined;

  const failAll = (error: Error): void => {
    failure = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.addEventListener('message', (event) => {
    const data = (event as MessageEvent<unknown>).data;
    if (!isPatternsWorkerToPage(data)) return;
    const p = pending.get(data.id);
    if (p === undefined) return; // superseded or cancelled meanwhile
    pending.delete(data.id);
    if (data.type === 'result') p.resolve(data.result);
    else p.reject(new Error(`Finding patterns failed: ${data.message}`));
  });
  worker.addEventListener('messageerror', () => failAll(new Error('The patterns worker sent an answer that could not be read')));
  worker.addEventListener('error', (event) => {
    const message = (event as Partial<ErrorEvent>).message;
    failAll(new Error(`The patterns worker failed: ${typeof message === 'string' && message !== '' ? message : 'its script could not be loaded or crashed'}`));
  });

  return {
    find(lines, range, signal, options) {
      if (failure !== undefined) return Promise.reject(failure);
      if (signal.aborted) return Promise.reject(abortError(signal));
      for (const [id, p] of pending) {
        p.reject(new DOMException('Superseded by a newer request', 'AbortError'));
        pending.delete(id);
      }
      const id = nextId++;
      const answer = new Promise<PatternResult>((resolve, reject) => {
        const onAbort = (): void => {
          if (!pending.delete(id)) return;
          worker.postMessage({ type: 'cancel', id }, []);
          reject(abortError(signal));
        };
        const settle = (): void => signal.removeEventListener('abort', onAbort);
        pending.set(id, {
          resolve: (r) => {
            settle();
            resolve(r);
          },
          reject: (e) => {
            settle();
            reject(e);
          },
        });
        signal.addEventListener('abort', onAbort, { once: true });
      });
      const send = async (): Promise<void> => {
        worker.postMessage({ type: 'start', id, total: lines.length, range, options }, []);
        for (let from = 0; from < lines.length; from += CHUNK_LINES) {
          if (from > 0) await yieldFn();
          // Superseded, aborted, or the worker failed: stop sending.
          if (!pending.has(id)) return;
          const chunk = packChunk(lines, from, Math.min(lines.length, from + CHUNK_LINES));
          worker.postMessage({ type: 'chunk', id, from, lines: chunk }, [chunk.offsets.buffer, chunk.timesMs.buffer]);
        }
        worker.postMessage({ type: 'end', id }, []);
      };
      send().catch((error: unknown) => {
        const p = pending.get(id);
        if (p === undefined) return;
        pending.delete(id);
        worker.postMessage({ type: 'cancel', id }, []);
        p.reject(error);
      });
      return answer;
    },
    dispose() {
      failAll(new Error('The patterns view was closed'));
      worker.terminate?.();
    },
  };
}

/** On the calling thread, after a task: for environments without workers (tests, old runtimes). */
export function createInThreadPatternsEngine(): PatternsEngine {
  return {
    find: (lines, range, signal, options) =>
      new Promise((resolve, reject) => {
        setTimeout(() => {
          if (signal.aborted) reject(abortError(signal));
          else {
            try {
              resolve(findPatterns(lines, range, options));
            } catch (error) {
              reject(error);
            }
          }
        }, 0);
      }),
    dispose: () => undefined,
  };
}

/** The worker where there are workers, else the calling thread. */
export function createDefaultPatternsEngine(): PatternsEngine {
  if (typeof Worker === 'undefined') return createInThreadPatternsEngine();
  const worker = new Worker(new URL('./patterns.worker.ts', import.meta.url), { type: 'module', name: 'watchfloor-patterns' });
  return createWorkerPatternsEngine(worker);
}
