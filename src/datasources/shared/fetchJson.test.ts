import { describe, expect, it } from 'vitest';
import { DataSourceError, isRetryableError } from '../../lib/errors';
import { fetchJson } from './fetchJson';

const respond =
  (body: string, init: ResponseInit = {}): typeof fetch =>
  async () =>
    new Response(body, init);

/** A fetch that never answers and rejects the way browsers do when its signal aborts. */
const hangingFetch: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
  });

async function failure(promise: Promise<unknown>): Promise<DataSourceError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DataSourceError);
    return error as DataSourceError;
  }
  throw new Error('expected a rejection');
}

describe('fetchJson', () => {
  it('returns the parsed body, status and headers', async () => {
    const res = await fetchJson(respond('{"a":[1,2]}', { headers: { 'x-k': 'v' } }), 'http://h/x');
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ a: [1, 2] });
    expect(res.headers.get('x-k')).toBe('v');
  });

  it('sends method, body and headers and passes a signal', async () => {
    let seen: RequestInit | undefined;
    const spy: typeof fetch = async (_input, init) => {
      seen = init;
      return new Response('{}');
    };
    await fetchJson(spy, 'http://h/x', { method: 'POST', body: 'a=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(seen?.method).toBe('POST');
    expect(seen?.body).toBe('a=1');
    expect(seen?.headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(seen?.signal).toBeInstanceOf(AbortSignal);
  });

  it("uses the server's JSON error text and errorType for non-2xx answers", async () => {
    const body = '{"status":"error","errorType":"bad_data","error":"invalid parameter \\"query\\": 1:5: parse error: unexpected end of input"}';
    const err = await failure(fetchJson(respond(body, { status: 400, headers: { 'content-type': 'application/json' } }), 'http://h/x'));
    expect(err.kind).toBe('http');
    expect(err.status).toBe(400);
    expect(err.errorType).toBe('bad_data');
    expect(err.message).toBe('invalid parameter "query": 1:5: parse error: unexpected end of input');
    expect(err.body).toMatchObject({ errorType: 'bad_data' });
  });

  it("uses a bare JSON string body (Alertmanager's errors) as the server's text", async () => {
    const err = await failure(fetchJson(respond('"bad matcher format: alertname=~("', { status: 400, headers: { 'content-type': 'application/json' } }), 'http://h/x'));
    expect(err).toMatchObject({ kind: 'http', status: 400, message: 'bad matcher format: alertname=~(' });
  });

  it('describes a plain-text error body with status and excerpt', async () => {
    const err = await failure(
      fetchJson(respond('Service Unavailable', { status: 503, statusText: 'Service Unavailable', headers: { 'content-type': 'text/plain' } }), 'http://h/x'),
    );
    expect(err.kind).toBe('http');
    expect(err.status).toBe(503);
    expect(err.message).toBe('HTTP 503 Service Unavailable: "Service Unavailable"');
    expect(err.body).toBeUndefined();
  });

  it('names the title of an HTML error page', async () => {
    const html = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
    const err = await failure(fetchJson(respond(html, { status: 502, headers: { 'content-type': 'text/html' } }), 'http://h/x'));
    expect(err.message).toBe('HTTP 502: the server sent an HTML page instead of JSON ("502 Bad Gateway")');
    expect(isRetryableError(err)).toBe(true);
  });

  it('reports a 200 HTML page (a SPA fallback) as a parse error that suggests checking the URL', async () => {
    const err = await failure(fetchJson(respond('<!doctype html><html><head><title>Watchfloor</title></head></html>', { headers: { 'content-type': 'text/html' } }), 'http://h/x'));
    expect(err.kind).toBe('parse');
    expect(err.message).toContain('an HTML page instead of JSON ("Watchfloor"); is the URL right?');
  });

  it('reports truncated JSON as a parse error with an excerpt', async () => {
    const err = await failure(fetchJson(respond('{"status":"success","data":{"resultType":"matrix","res'), 'http://h/x'));
    expect(err.kind).toBe('parse');
    expect(err.message).toMatch(/^HTTP 200 with a body that is not valid JSON \(.+\): "\{"status":"success"/);
  });

  it('cuts long excerpts', async () => {
    const err = await failure(fetchJson(respond('x'.repeat(5000), { status: 500 }), 'http://h/x'));
    expect(err.message.length).toBeLessThan(200);
    expect(err.message.endsWith('…"')).toBe(true);
  });

  it('turns a rejected fetch into a network error naming the URL without its query', async () => {
    const broken: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const err = await failure(fetchJson(broken, 'http://h/api/v1/query?query=up'));
    expect(err.kind).toBe('network');
    expect(err.message).toContain('Could not reach http://h/api/v1/query: Failed to fetch');
    expect(isRetryableError(err)).toBe(true);
  });

  it('times out with kind timeout', async () => {
    const err = await failure(fetchJson(hangingFetch, 'http://h/x', { timeoutMs: 20 }));
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe('Request timed out after 20 ms');
  });

  it("distinguishes the caller's abort from a timeout", async () => {
    const controller = new AbortController();
    const pending = fetchJson(hangingFetch, 'http://h/x', { signal: controller.signal, timeoutMs: 10_000 });
    controller.abort();
    const err = await failure(pending);
    expect(err.kind).toBe('aborted');
    expect(isRetryableError(err)).toBe(false);
  });

  it('does not call fetch when the signal is already aborted', async () => {
    let called = false;
    const spy: typeof fetch = async () => {
      called = true;
      return new Response('{}');
    };
    const err = await failure(fetchJson(spy, 'http://h/x', { signal: AbortSignal.abort() }));
    expect(err.kind).toBe('aborted');
    expect(called).toBe(false);
  });

  it('removes its listener from the caller signal once done', async () => {
    const controller = new AbortController();
    let added = 0;
    let removed = 0;
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<AbortSignal['addEventListener']>) => {
      added++;
      add(...args);
    }) as AbortSignal['addEventListener'];
    signal.removeEventListener = ((...args: Parameters<AbortSignal['removeEventListener']>) => {
      removed++;
      remove(...args);
    }) as AbortSignal['removeEventListener'];
    await fetchJson(respond('{}'), 'http://h/x', { signal });
    await failure(fetchJson(respond('nope', { status: 500 }), 'http://h/x', { signal }));
    expect(added).toBe(2);
    expect(removed).toBe(2);
  });
});

/** A body that streams `chunkBytes` at a time, at most `maxChunks` times (so a broken cap cannot run away). */
function streamedBody(chunkBytes: number, maxChunks: number) {
  const stats = { pulled: 0, cancelled: false };
  const chunk = new TextEncoder().encode('['.padEnd(chunkBytes, ' '));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled >= maxChunks) return controller.close();
      stats.pulled++;
      controller.enqueue(chunk);
    },
    cancel() {
      stats.cancelled = true;
    },
  });
  return { stream, stats };
}

const MIB = 1024 * 1024;

describe('response size cap', () => {
  it('stops reading past the cap and says "Response too large", not "not valid JSON"', async () => {
    const { stream, stats } = streamedBody(MIB, 200);
    const err = await failure(fetchJson(async () => new Response(stream, { headers: { 'content-type': 'application/json' } }), 'http://h/x', { maxBodyBytes: 4 * MIB }));
    expect(err.kind).toBe('parse');
    expect(err.message).toMatch(/^Response too large \(> 4 MB\)/);
    expect(err.message).not.toContain('JSON');
    expect(stats.pulled).toBeLessThanOrEqual(6);
    expect(stats.cancelled).toBe(true);
  });

  it('caps at 64 MB by default', async () => {
    const { stream, stats } = streamedBody(MIB, 100);
    const err = await failure(fetchJson(async () => new Response(stream), 'http://h/x'));
    expect(err.message).toMatch(/^Response too large \(> 64 MB\)/);
    expect(stats.pulled).toBeLessThanOrEqual(66);
  });

  it('fails before reading when Content-Length already says too much', async () => {
    const { stream, stats } = streamedBody(MIB, 10);
    const response = new Response(stream, { headers: { 'content-length': String(10 * MIB) } });
    const err = await failure(fetchJson(async () => response, 'http://h/x', { maxBodyBytes: MIB }));
    expect(err.message).toMatch(/^Response too large \(> 1 MB\)/);
    expect(stats.pulled).toBeLessThanOrEqual(1);
  });

  it('reads a body whose stated length is within the cap', async () => {
    const body = JSON.stringify({ v: 'x'.repeat(1000) });
    const res = await fetchJson(async () => new Response(body, { headers: { 'content-length': String(body.length) } }), 'http://h/x', { maxBodyBytes: body.length });
    expect(res.data).toEqual({ v: 'x'.repeat(1000) });
  });

  it('streams a cross-origin answer even with a small Content-Length: CORS hides its Content-Encoding, so it may be a gzip bomb', async () => {
    const { stream, stats } = streamedBody(MIB, 20);
    // What a browser shows of a direct-access server's gzipped answer: the compressed length, no encoding.
    const response = new Response(stream, { headers: { 'content-type': 'application/json', 'content-length': '4096' } });
    Object.defineProperty(response, 'type', { value: 'cors' });
    const err = await failure(fetchJson(async () => response, 'http://h/x', { maxBodyBytes: 2 * MIB }));
    expect(err.message).toMatch(/^Response too large \(> 2 MB\)/);
    expect(stats.pulled).toBeLessThanOrEqual(4);
  });

  it('reads a body just under the cap, in chunks that split characters', async () => {
    const text = JSON.stringify({ s: 'é'.repeat(1000) });
    const bytes = new TextEncoder().encode(text);
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, offset + 7));
        offset += 7;
      },
    });
    const res = await fetchJson(async () => new Response(stream), 'http://h/x', { maxBodyBytes: bytes.length });
    expect(res.data).toEqual({ s: 'é'.repeat(1000) });
  });
});

describe('isRetryableError', () => {
  it('never retries query errors, 4xx or non-datasource errors', () => {
    expect(isRetryableError(new DataSourceError('bad', { kind: 'query', status: 400 }))).toBe(false);
    expect(isRetryableError(new DataSourceError('nf', { kind: 'http', status: 404 }))).toBe(false);
    expect(isRetryableError(new DataSourceError('p', { kind: 'parse', status: 200 }))).toBe(false);
    expect(isRetryableError(new Error('bug'))).toBe(false);
    expect(isRetryableError(new DataSourceError('5xx', { kind: 'http', status: 500 }))).toBe(true);
    expect(isRetryableError(new DataSourceError('refused', { kind: 'network' }))).toBe(true);
  });

  it('never retries a timeout: the user already waited the whole limit once', () => {
    expect(isRetryableError(new DataSourceError('ours', { kind: 'timeout' }))).toBe(false);
    expect(isRetryableError(new DataSourceError('the server gave up', { kind: 'timeout', status: 503 }))).toBe(false);
    expect(isRetryableError(new DataSourceError('gateway timeout', { kind: 'http', status: 504 }))).toBe(false);
  });
});
