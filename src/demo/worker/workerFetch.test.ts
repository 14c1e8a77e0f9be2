import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInProcessFetch } from '../fetch';
import type { PageToWorkerMessage, WorkerToPageMessage } from './protocol';
import { createRequestServer } from './requestServer';
import { createWorkerFetch, type DemoWorkerPort } from './workerFetch';

let slowCalls = 0;
/** A body of BIG_CHUNKS chunks that takes about 1 ms to write each, like a streamed 100,000-span trace. */
const BIG_CHUNKS = 400;
const big = { pulls: 0, cancelled: false };
function bigBody(): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('x'.repeat(1024));
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const until = performance.now() + 1;
      while (performance.now() < until) {
        // writing
      }
      big.pulls++;
      controller.enqueue(chunk);
      if (big.pulls === BIG_CHUNKS) controller.close();
    },
    cancel() {
      big.cancelled = true;
    },
  });
}
const handlers = [
  http.get('http://demo.test/api/big', () => new HttpResponse(bigBody(), { headers: { 'Content-Type': 'application/json' } })),
  http.get('http://demo.test/api/hello', ({ request }) =>
    HttpResponse.json({ hello: new URL(request.url).searchParams.get('name'), accept: request.headers.get('accept') }, { headers: { 'X-Demo': 'yes' } }),
  ),
  http.post('http://demo.test/api/echo', async ({ request }) => HttpResponse.text(await request.text(), { status: 422, statusText: 'Unprocessable Entity' })),
  http.options('http://demo.test/api/hello', () => new HttpResponse(null, { status: 204 })),
  // Never answers: a fetch of it can only end through its signal.
  http.get('http://demo.test/api/slow', async () => {
    slowCalls++;
    await delay('infinite');
    return HttpResponse.text('never');
  }),
];

/** A page/worker pair over a real MessageChannel, so every message goes through structured clone. */
function connectedWorker(): { port: DemoWorkerPort & { close(): void }; received: PageToWorkerMessage[] } {
  const { port1, port2 } = new MessageChannel();
  const serve = createRequestServer(createInProcessFetch(handlers), (message) => port2.postMessage(message));
  const received: PageToWorkerMessage[] = [];
  port2.onmessage = (event: MessageEvent<PageToWorkerMessage>) => {
    received.push(event.data);
    serve(event.data);
  };
  port1.start();
  const close = (): void => {
    port1.close();
    port2.close();
  };
  return { port: { postMessage: (m) => port1.postMessage(m), addEventListener: (t, l) => port1.addEventListener(t, l), close }, received };
}

/** A worker that never answers, for the failure paths. */
class SilentWorker extends EventTarget implements DemoWorkerPort {
  posted: PageToWorkerMessage[] = [];
  postMessage(message: PageToWorkerMessage): void {
    this.posted.push(message);
  }
}

const open: { close(): void }[] = [];
afterEach(() => {
  for (const port of open.splice(0)) port.close();
  slowCalls = 0;
  big.pulls = 0;
  big.cancelled = false;
});

function setup(): { fetchFn: typeof fetch; received: PageToWorkerMessage[] } {
  const { port, received } = connectedWorker();
  open.push(port);
  return { fetchFn: createWorkerFetch(port), received };
}

describe('createWorkerFetch', () => {
  it('round-trips method, URL, headers, body, status and status text through the worker', async () => {
    const { fetchFn } = setup();
    const res = await fetchFn('http://demo.test/api/hello?name=ops', { headers: { Accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-demo')).toBe('yes');
    expect(await res.json()).toEqual({ hello: 'ops', accept: 'application/json' });

    const posted = await fetchFn(new Request('http://demo.test/api/echo', { method: 'POST', body: 'query=up%7Bjob%3D%22a%22%7D' }));
    expect(posted.status).toBe(422);
    expect(posted.statusText).toBe('Unprocessable Entity');
    expect(await posted.text()).toBe('query=up%7Bjob%3D%22a%22%7D');
  });

  it('answers concurrent requests each with its own response', async () => {
    const { fetchFn } = setup();
    const names = ['a', 'b', 'c', 'd'];
    const bodies = await Promise.all(names.map(async (n) => ((await (await fetchFn(`http://demo.test/api/hello?name=${n}`)).json()) as { hello: string }).hello));
    expect(bodies).toEqual(names);
  });

  it('builds null-body responses (204) and keeps the in-process 404 for unhandled requests', async () => {
    const { fetchFn } = setup();
    const preflight = await fetchFn('http://demo.test/api/hello', { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.body).toBeNull();
    const missing = await fetchFn('http://demo.test/api/none');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('no handler for GET http://demo.test/api/none');
  });

  it('rejects an already-aborted request without posting it', async () => {
    const worker = new SilentWorker();
    const fetchFn = createWorkerFetch(worker);
    const controller = new AbortController();
    controller.abort();
    const err = await fetchFn('http://demo.test/api/hello', { signal: controller.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DOMException);
    expect((err as DOMException).name).toBe('AbortError');
    expect(worker.posted).toEqual([]);
  });

  it('rejects at once when aborted in flight, tells the worker, and keeps working', async () => {
    const { fetchFn, received } = setup();
    const controller = new AbortController();
    const pending = fetchFn('http://demo.test/api/slow', { signal: controller.signal }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(slowCalls).toBe(1));
    controller.abort();
    // The handler never answers, so settling at all proves the abort ended the request.
    const err = await pending;
    expect((err as DOMException).name).toBe('AbortError');
    await vi.waitFor(() => expect(received.map((m) => m.type)).toEqual(['request', 'cancel']));
    const after = await fetchFn('http://demo.test/api/hello?name=next');
    expect(await after.json()).toMatchObject({ hello: 'next' });
  });

  it('passes a timeout signal’s own reason through, as fetch does', async () => {
    const { fetchFn } = setup();
    const err = await fetchFn('http://demo.test/api/slow', { signal: AbortSignal.timeout(10) }).catch((e: unknown) => e);
    expect((err as DOMException).name).toBe('TimeoutError');
  });

  it('fails pending and later requests with a TypeError naming the worker error', async () => {
    const worker = new SilentWorker();
    const fetchFn = createWorkerFetch(worker);
    const pending = fetchFn('http://demo.test/api/hello').catch((e: unknown) => e);
    await delay(0);
    expect(worker.posted).toHaveLength(1);
    const error = new Event('error');
    Object.assign(error, { message: 'Uncaught SyntaxError: bad token' });
    worker.dispatchEvent(error);
    const err = await pending;
    expect(err).toBeInstanceOf(TypeError);
    expect((err as TypeError).message).toBe('The demo backend worker failed: Uncaught SyntaxError: bad token');
    const later = await fetchFn('http://demo.test/api/hello').catch((e: unknown) => e);
    expect((later as TypeError).message).toContain('The demo backend worker failed');
    expect(worker.posted).toHaveLength(1);
  });

  it('explains a worker script that could not load', async () => {
    const worker = new SilentWorker();
    const fetchFn = createWorkerFetch(worker);
    const pending = fetchFn('http://demo.test/api/hello').catch((e: unknown) => e);
    await delay(0);
    worker.dispatchEvent(new Event('error'));
    expect(((await pending) as TypeError).message).toBe('The demo backend worker failed: the worker script could not be loaded or crashed');
  });
});

describe('createRequestServer', () => {
  it('states the Content-Length of a streamed body and moves its bytes, not a string', async () => {
    const posted: WorkerToPageMessage[] = [];
    const transfers: Transferable[][] = [];
    const serve = createRequestServer(createInProcessFetch(handlers), (m, transfer) => {
      posted.push(m);
      transfers.push(transfer ?? []);
    });
    serve({ type: 'request', id: 1, request: { method: 'GET', url: 'http://demo.test/api/big', headers: [], body: null } });
    await vi.waitFor(() => expect(posted).toHaveLength(1), { timeout: 10_000 });
    const response = posted[0]!.response;
    expect(response.body).toBeInstanceOf(ArrayBuffer);
    expect(response.body.byteLength).toBe(BIG_CHUNKS * 1024);
    expect(response.headers).toContainEqual(['content-length', String(BIG_CHUNKS * 1024)]);
    expect(transfers[0]).toEqual([response.body]);
  });

  it('stops writing a long body when the page cancels it part-way', async () => {
    const replies: number[] = [];
    const serve = createRequestServer(createInProcessFetch(handlers), (m) => replies.push(m.id));
    serve({ type: 'request', id: 1, request: { method: 'GET', url: 'http://demo.test/api/big', headers: [], body: null } });
    // Once writing has begun, the cancel (a message, so a task of its own) must get a turn before the end.
    await vi.waitFor(() => expect(big.pulls).toBeGreaterThan(0), { timeout: 10_000, interval: 5 });
    serve({ type: 'cancel', id: 1 });
    await vi.waitFor(() => expect(big.cancelled).toBe(true), { timeout: 10_000 });
    expect(big.pulls).toBeLessThan(BIG_CHUNKS);
    expect(replies).toEqual([]);
  });

  it('drops a queued request cancelled before it starts, without running its handler', async () => {
    const replies: number[] = [];
    const serve = createRequestServer(createInProcessFetch(handlers), (m) => replies.push(m.id));
    const hello = { method: 'GET', url: 'http://demo.test/api/hello?name=first', headers: [], body: null };
    const slow = { method: 'GET', url: 'http://demo.test/api/slow', headers: [], body: null };
    serve({ type: 'request', id: 1, request: hello });
    serve({ type: 'request', id: 2, request: slow });
    serve({ type: 'cancel', id: 2 });
    await vi.waitFor(() => expect(replies).toEqual([1]));
    // One more request drains the queue past where the cancelled one stood.
    serve({ type: 'request', id: 3, request: hello });
    await vi.waitFor(() => expect(replies).toEqual([1, 3]));
    expect(slowCalls).toBe(0);
  });
});
