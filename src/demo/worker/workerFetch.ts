import { abortReason, signalOf, toRequest } from '../requestInput';
import { createAnswerGroups } from './answerGroups';
import { deserializeResponse, isWorkerToPageMessage, serializeRequest, type PageToWorkerMessage, type SerializedResponse } from './protocol';

/** What `createWorkerFetch` needs of a Worker; a MessagePort or a test double serves as well. */
export interface DemoWorkerPort {
  postMessage(message: PageToWorkerMessage): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
}

/**
 * How long the first answer of a group of requests sent together may wait for the rest (see
 * answerGroups.ts). A refresh of a one-hour dashboard is answered within about this; a slower group is
 * handed on in parts.
 */
export const ANSWER_HOLD_MS = 120;

interface PendingRequest {
  resolve: (response: SerializedResponse) => void;
  reject: (error: unknown) => void;
}

function describeWorkerError(event: Event): string {
  // A script that fails to load raises a bare Event; an uncaught exception raises an ErrorEvent.
  const message = (event as Partial<ErrorEvent>).message;
  return typeof message === 'string' && message !== '' ? message : 'the worker script could not be loaded or crashed';
}

/**
 * A `fetch` answered by the demo worker: each request is posted with an id and its answer comes back
 * as a Response, so PromQL evaluation never runs on the page's main thread. Behaves like the
 * in-process fetch: an aborted signal rejects at once with its reason (an `AbortError` DOMException
 * by default) and tells the worker the answer is no longer wanted; a worker that fails (script load
 * error, uncaught exception) rejects every pending and later request with a TypeError, as a network
 * failure would, rather than leaving them hanging.
 */
export function createWorkerFetch(worker: DemoWorkerPort, holdMs: number = ANSWER_HOLD_MS): typeof fetch {
  const pending = new Map<number, PendingRequest>();
  const groups = createAnswerGroups<SerializedResponse>(holdMs);
  let nextId = 1;
  let failure: TypeError | undefined;

  const failAll = (error: TypeError): void => {
    for (const [id, request] of pending) {
      groups.dropped(id);
      request.reject(error);
    }
    pending.clear();
  };
  worker.addEventListener('message', (event) => {
    const data = (event as MessageEvent<unknown>).data;
    if (!isWorkerToPageMessage(data)) return;
    const request = pending.get(data.id);
    // An answer nobody waits for belongs to a request that was aborted meanwhile.
    if (request === undefined) return;
    pending.delete(data.id);
    groups.answered(data.id, data.response, request.resolve);
  });
  worker.addEventListener('messageerror', () => {
    failAll(new TypeError('The demo backend worker sent an answer that could not be read'));
  });
  worker.addEventListener('error', (event) => {
    failure = new TypeError(`The demo backend worker failed: ${describeWorkerError(event)}`);
    failAll(failure);
  });

  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (failure !== undefined) throw failure;
    const request = toRequest(input, init);
    const signal = signalOf(input, init);
    if (signal?.aborted) throw abortReason(signal);
    const serialized = await serializeRequest(request);
    if (signal?.aborted) throw abortReason(signal);
    if (failure !== undefined) throw failure;

    const id = nextId++;
    const answer = await new Promise<SerializedResponse>((resolve, reject) => {
      const onAbort = (): void => {
        pending.delete(id);
        groups.dropped(id);
        worker.postMessage({ type: 'cancel', id });
        reject(abortReason(signal as AbortSignal));
      };
      const settle = (): void => signal?.removeEventListener('abort', onAbort);
      pending.set(id, {
        resolve: (response) => {
          settle();
          resolve(response);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      groups.sent(id);
      worker.postMessage({ type: 'request', id, request: serialized });
    });
    return deserializeResponse(answer);
  };
}
