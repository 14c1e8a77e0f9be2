import { getResponse, type RequestHandler } from 'msw';
import { abortReason, signalOf, toRequest } from './requestInput';

/**
 * A `fetch` answered in-process by MSW request handlers through `getResponse` — no service worker,
 * so the demo also works on plain HTTP from a LAN hostname (service workers need a secure context).
 * Behaves like fetch where it matters to adapters: an unhandled request is a 404 Response with a
 * readable body (never a thrown TypeError), a handler that throws becomes a 500, and an aborted
 * signal rejects with the signal's reason (an `AbortError` DOMException by default), before or
 * while the handler runs.
 */
export function createInProcessFetch(handlers: readonly RequestHandler[]): typeof fetch {
  const list = [...handlers];
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = toRequest(input, init);
    const signal = signalOf(input, init);
    if (signal?.aborted) throw abortReason(signal);

    const answer = getResponse(list, request).then(
      (response) =>
        response ??
        new Response(`The demo backend has no handler for ${request.method} ${request.url}`, {
          status: 404,
          statusText: 'Not Found',
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        }),
      (err: unknown) =>
        new Response(`The demo backend failed on ${request.method} ${request.url}: ${err instanceof Error ? err.message : String(err)}`, {
          status: 500,
          statusText: 'Internal Server Error',
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        }),
    );
    if (signal === undefined) return answer;

    return new Promise<Response>((resolve, reject) => {
      const onAbort = (): void => reject(abortReason(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      answer.then(
        (response) => {
          signal.removeEventListener('abort', onAbort);
          resolve(response);
        },
        (err: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(err instanceof Error ? err : new Error(String(err)));
        },
      );
    });
  };
}
