import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createInProcessFetch } from './fetch';

let handlerStarted: () => void = () => undefined;

const handlers = [
  http.get('http://demo.test/api/hello', ({ request }) => HttpResponse.json({ hello: new URL(request.url).searchParams.get('name') })),
  http.post('http://demo.test/api/echo', async ({ request }) => HttpResponse.text(await request.text(), { status: 201 })),
  // Never answers: a fetch of it can only end through its signal.
  http.get('http://demo.test/api/hang', async () => {
    handlerStarted();
    await delay('infinite');
    return HttpResponse.text('never');
  }),
  http.get('http://demo.test/api/broken', () => {
    throw new Error('boom');
  }),
];

describe('createInProcessFetch', () => {
  const fetchFn = createInProcessFetch(handlers);

  it('answers GET and POST through the handlers, with URL objects and Request inputs alike', async () => {
    const res = await fetchFn('http://demo.test/api/hello?name=ops');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ hello: 'ops' });
    const posted = await fetchFn(new URL('http://demo.test/api/echo'), { method: 'POST', body: 'a=1' });
    expect(posted.status).toBe(201);
    expect(await posted.text()).toBe('a=1');
    const viaRequest = await fetchFn(new Request('http://demo.test/api/hello?name=req'));
    expect(await viaRequest.json()).toEqual({ hello: 'req' });
  });

  it('turns an unhandled request into a readable 404, not a TypeError', async () => {
    const res = await fetchFn('http://demo.test/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('no handler for GET http://demo.test/api/nothing-here');
  });

  it('turns a throwing handler into a 500 carrying its message', async () => {
    const res = await fetchFn('http://demo.test/api/broken');
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('boom');
  });

  it('rejects with an AbortError when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const err = await fetchFn('http://demo.test/api/hello', { signal: controller.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DOMException);
    expect((err as DOMException).name).toBe('AbortError');
  });

  it('rejects with an AbortError when aborted while the handler runs', async () => {
    const controller = new AbortController();
    const started = new Promise<void>((resolve) => {
      handlerStarted = resolve;
    });
    const pending = fetchFn('http://demo.test/api/hang', { signal: controller.signal }).catch((e: unknown) => e);
    await started;
    controller.abort();
    // The handler never answers, so settling at all proves the abort ended the request.
    const err = await pending;
    expect((err as DOMException).name).toBe('AbortError');
  });

  it('passes a timeout signal’s own reason through, as fetch does', async () => {
    const err = await fetchFn('http://demo.test/api/hang', { signal: AbortSignal.timeout(10) }).catch((e: unknown) => e);
    expect((err as DOMException).name).toBe('TimeoutError');
  });
});
