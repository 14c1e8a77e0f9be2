import { yieldToEventLoop } from '../../lib/yieldTask';
import { deserializeRequest, serializeResponse, textBody, type PageToWorkerMessage, type RequestMessage, type WorkerToPageMessage } from './protocol';

/**
 * The worker side of `createWorkerFetch`: answers request messages one at a time with `answer` (the
 * in-process MSW fetch) and posts the serialized responses back. Requests wait in a queue, and the
 * server yields to the event loop before each one, so a cancel that arrived meanwhile drops a queued
 * request before any PromQL is evaluated for it. A request cancelled while it runs is aborted through
 * its signal and gets no answer.
 */
export function createRequestServer(answer: typeof fetch, post: (message: WorkerToPageMessage, transfer?: Transferable[]) => void): (message: PageToWorkerMessage) => void {
  const queue: RequestMessage[] = [];
  const running = new Map<number, AbortController>();
  let draining = false;

  const serveOne = async (message: RequestMessage): Promise<void> => {
    const controller = new AbortController();
    running.set(message.id, controller);
    try {
      const response = await answer(deserializeRequest(message.request, controller.signal));
      const serialized = await serializeResponse(response, controller.signal);
      if (serialized !== undefined && !controller.signal.aborted) post({ type: 'response', id: message.id, response: serialized }, [serialized.body]);
    } catch (error) {
      if (controller.signal.aborted) return;
      // The in-process fetch turns handler failures into 500s already; this is a fault of the plumbing.
      post({
        type: 'response',
        id: message.id,
        response: {
          status: 500,
          statusText: 'Internal Server Error',
          headers: [['content-type', 'text/plain; charset=utf-8']],
          body: textBody(`The demo backend worker failed on ${message.request.method} ${message.request.url}: ${error instanceof Error ? error.message : String(error)}`),
        },
      });
    } finally {
      running.delete(message.id);
    }
  };

  const drain = async (): Promise<void> => {
    draining = true;
    try {
      while (queue.length > 0) {
        await yieldToEventLoop();
        const next = queue.shift();
        if (next !== undefined) await serveOne(next);
      }
    } finally {
      draining = false;
    }
  };

  return (message) => {
    switch (message.type) {
      case 'request':
        queue.push(message);
        if (!draining) void drain();
        return;
      case 'cancel': {
        const queued = queue.findIndex((m) => m.id === message.id);
        if (queued >= 0) queue.splice(queued, 1);
        running.get(message.id)?.abort();
        return;
      }
      case 'boot':
      case 'socket-open':
      case 'socket-close':
        // Boot and sockets are the worker entry's business; the server only answers requests.
        return;
    }
  };
}
