import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { isDataSourceError, type DataSourceError } from '../../lib/errors';
import { CHECKOUT, exportToZipkin, recordCheckoutTrace } from '../shared/conformance/otelTraces';
import { recordingServer } from '../shared/conformance/harness';
import { json, text } from '../shared/conformance/recorded';
import { isTraceNotFound } from '../shared/traceErrors';
import type { QueryCtx } from '../types';
import { createZipkinDataSource } from './index';

// Zipkin API v2's exact answers (shared/reference/datasource-apis.md §5), errors included.

const BASE = 'http://zipkin.contract:9411';
const CAPTURE = 'http://zipkin.capture:9411/api/v2/spans';
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const { server, requests } = recordingServer();

const RANGE = { from: 1_700_000_000_000, to: 1_700_003_600_000 };
const ctx = (signal = new AbortController().signal): QueryCtx => ({ range: RANGE, signal });
const zipkin = () => createZipkinDataSource({ uid: 'z', kind: 'zipkin', name: 'Zipkin', url: BASE }, (input, init) => globalThis.fetch(input, init)).traces!;

async function rejection(promise: Promise<unknown>): Promise<DataSourceError> {
  try {
    await promise;
  } catch (error) {
    if (isDataSourceError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** What the OpenTelemetry SDK's ZipkinExporter POSTs for the checkout trace. */
async function sdkZipkinSpans(traceId: string): Promise<unknown[]> {
  const posted: unknown[] = [];
  server.use(http.post(CAPTURE, async ({ request }) => {
    posted.push(...((await request.json()) as unknown[]));
    return new HttpResponse(null, { status: 202 });
  }));
  await exportToZipkin(recordCheckoutTrace(traceId), CAPTURE);
  requests.length = 0;
  return posted;
}

describe('zipkin getTrace', () => {
  it("reads the OpenTelemetry SDK's Zipkin export: services, parents, kinds, error status, annotations, µs times", async () => {
    const posted = await sdkZipkinSpans(TRACE);
    expect(posted).toHaveLength(4);
    server.use(http.get(`${BASE}/api/v2/trace/:id`, () => json(posted)));
    const trace = await zipkin().getTrace(TRACE.toUpperCase(), ctx());
    expect(requests.map((u) => u.pathname)).toEqual([`/api/v2/trace/${TRACE}`]);
    expect(trace.traceId).toBe(TRACE);
    const by = new Map(trace.spans.map((s) => [`${s.service}:${s.kind}`, s]));
    const root = by.get('frontend:server')!;
    const client = by.get('frontend:client')!;
    const srv = by.get('payments:server')!;
    const internal = by.get('payments:unspecified')!;
    expect(root.parentSpanId).toBeUndefined();
    expect([client.parentSpanId, srv.parentSpanId, internal.parentSpanId]).toEqual([root.spanId, client.spanId, srv.spanId]);
    expect(root).toMatchObject({ name: CHECKOUT.rootName, startUs: CHECKOUT.startMs * 1000, durationUs: 30_020_000, status: 'unset' });
    expect(root.attributes['http.response.status_code']).toBe('502');
    expect(srv.status).toBe('error');
    expect(srv.events).toEqual([{ timeUs: (CHECKOUT.startMs + 30_007) * 1000, name: 'exception', attributes: {} }]);
    expect(internal.name).toBe(CHECKOUT.hostileName);
    expect(internal.attributes[CHECKOUT.hostileValue]).toBe(CHECKOUT.hostileValue);
    expect(trace.warnings).toEqual([]);
  });

  it('asks for a 64-bit trace by its 16-character form, as Zipkin stores it', async () => {
    server.use(http.get(`${BASE}/api/v2/trace/:id`, () => json([{ traceId: '5af7183fb1d4cf5f', id: '352bff9a74ca9ad2', name: 'get', timestamp: 1, duration: 2, localEndpoint: { serviceName: 'a' } }])));
    const trace = await zipkin().getTrace('00000000000000005af7183fb1d4cf5f', ctx());
    expect(requests[0]!.pathname).toBe('/api/v2/trace/5af7183fb1d4cf5f');
    expect(trace.traceId).toBe('00000000000000005af7183fb1d4cf5f');
  });

  it('keeps the two halves of a shared span apart: the server half under the client half, its children under it', async () => {
    const base = { traceId: '5af7183fb1d4cf5f', timestamp: 1556604172355737 };
    server.use(http.get(`${BASE}/api/v2/trace/:id`, () => json([
      { ...base, id: '6b221d5bc9e6496c', kind: 'SERVER', name: 'get /', duration: 5000, localEndpoint: { serviceName: 'frontend' } },
      { ...base, parentId: '6b221d5bc9e6496c', id: '352bff9a74ca9ad2', kind: 'CLIENT', name: 'get /api', timestamp: 1556604172355700, duration: 1500, localEndpoint: { serviceName: 'frontend' }, remoteEndpoint: { serviceName: 'backend', ipv4: '172.19.0.2', port: 8080 } },
      { ...base, parentId: '6b221d5bc9e6496c', id: '352bff9a74ca9ad2', kind: 'SERVER', name: 'get /api', duration: 1431, localEndpoint: { serviceName: 'backend', ipv4: '192.168.99.1', port: 3306 }, tags: { error: '500' }, shared: true },
      // A late report of the same server half: merged into it, not a third span.
      { ...base, id: '352bff9a74ca9ad2', kind: 'SERVER', localEndpoint: { serviceName: 'backend' }, annotations: [{ timestamp: 1556604172355800, value: 'wr' }], shared: true },
      { ...base, parentId: '352bff9a74ca9ad2', id: '1111111111111111', kind: 'CLIENT', name: 'select', timestamp: 1556604172355800, duration: 300, localEndpoint: { serviceName: 'backend' } },
    ])));
    const trace = await zipkin().getTrace('5af7183fb1d4cf5f', ctx());
    expect(trace.spans).toHaveLength(4);
    const client = trace.spans.find((s) => s.service === 'frontend' && s.kind === 'client')!;
    const srv = trace.spans.find((s) => s.service === 'backend' && s.kind === 'server')!;
    const select = trace.spans.find((s) => s.name === 'select')!;
    expect(client).toMatchObject({ spanId: '352bff9a74ca9ad2', parentSpanId: '6b221d5bc9e6496c', attributes: { 'peer.service': 'backend', 'net.peer.ip': '172.19.0.2', 'net.peer.port': 8080 } });
    expect(srv).toMatchObject({
      spanId: '352bff9a74ca9ad3', parentSpanId: '352bff9a74ca9ad2', status: 'error', startUs: 1556604172355737, durationUs: 1431,
      attributes: { error: '500', 'zipkin.shared_span_id': '352bff9a74ca9ad2' }, resource: { 'service.name': 'backend', 'net.host.ip': '192.168.99.1', 'net.host.port': 3306 },
      events: [{ timeUs: 1556604172355800, name: 'wr', attributes: {} }],
    });
    expect(select.parentSpanId).toBe(srv.spanId);
    expect(new Set(trace.spans.map((s) => s.spanId)).size).toBe(4);
  });

  it('places a span without timestamp at its parent, and says so', async () => {
    server.use(http.get(`${BASE}/api/v2/trace/:id`, () => json([
      { traceId: '5af7183fb1d4cf5f', id: '6b221d5bc9e6496c', name: 'root', timestamp: 1000, duration: 50, localEndpoint: { serviceName: 'a' } },
      { traceId: '5af7183fb1d4cf5f', parentId: '6b221d5bc9e6496c', id: '352bff9a74ca9ad2', name: 'incomplete', localEndpoint: { serviceName: 'a' } },
    ])));
    const trace = await zipkin().getTrace('5af7183fb1d4cf5f', ctx());
    expect(trace.spans[1]).toMatchObject({ startUs: 1000, durationUs: 0 });
    expect(trace.warnings).toEqual(["1 span has no start time; placed at the parent's start (or the trace's).", '1 span has no duration (incomplete); shown as 0.']);
  });

  it('reports the text/plain "<id> not found" as trace not found; a bare 404 page as a wrong base URL', async () => {
    server.use(http.get(`${BASE}/api/v2/trace/:id`, ({ params }) => text(`${String(params.id)} not found`, 404)));
    const error = await rejection(zipkin().getTrace('5af7183fb1d4cf5f', ctx()));
    expect(isTraceNotFound(error)).toBe(true);
    expect(error.message).toBe('Trace 00000000000000005af7183fb1d4cf5f was not found in Zipkin');
    server.resetHandlers(http.get(`${BASE}/api/v2/trace/:id`, () => text('Status: 404\nDescription: Not Found', 404)));
    const wrongUrl = await rejection(zipkin().getTrace('5af7183fb1d4cf5f', ctx()));
    expect(isTraceNotFound(wrongUrl)).toBe(false);
    expect(wrongUrl.message).toContain("Zipkin server's base URL");
  });

  it("a text/plain 400 is the query's fault in Zipkin's words; a 500 keeps its text", async () => {
    server.use(http.get(`${BASE}/api/v2/trace/:id`, () => text('0a1B should be lower-hex encoded with no prefix', 400)));
    expect(await rejection(zipkin().getTrace('0a1b', ctx()))).toMatchObject({ kind: 'query', status: 400, message: '0a1B should be lower-hex encoded with no prefix' });
    server.resetHandlers(http.get(`${BASE}/api/v2/trace/:id`, () => text('java.lang.RuntimeException: boom', 500)));
    expect(await rejection(zipkin().getTrace('0a1b', ctx()))).toMatchObject({ kind: 'http', status: 500, message: 'java.lang.RuntimeException: boom' });
  });
});

describe('zipkin search', () => {
  it('sends the reference parameters (µs durations, ms endTs and lookback, annotationQuery) and summarises each trace', async () => {
    const posted = await sdkZipkinSpans(TRACE);
    server.use(http.get(`${BASE}/api/v2/traces`, () => json([posted])));
    const rows = await zipkin().search!({ service: 'frontend', operation: 'get /api', tags: { 'http.path': '/api', error: '' }, minDurationMs: 1.5, maxDurationMs: 60_000, limit: 10 }, ctx());
    expect(Object.fromEntries(requests[0]!.searchParams)).toEqual({
      serviceName: 'frontend', spanName: 'get /api', annotationQuery: 'http.path=/api and error', minDuration: '1500', maxDuration: '60000000',
      endTs: '1700003600000', lookback: '3600000', limit: '10',
    });
    expect(rows).toEqual([{ traceId: TRACE, rootService: 'frontend', rootName: CHECKOUT.rootName, startMs: CHECKOUT.startMs, durationMs: 30_020, spanCount: 4, errorCount: 1, services: ['frontend', 'payments'] }]);
  });

  it('errors only adds the bare annotation term error (any span with an error tag)', async () => {
    server.use(http.get(`${BASE}/api/v2/traces`, () => json([])));
    await zipkin().search!({ service: 'frontend', tags: { 'http.path': '/api' }, errorsOnly: true, limit: 10 }, ctx());
    await zipkin().search!({ errorsOnly: true, limit: 10 }, ctx());
    expect(requests[0]!.searchParams.get('annotationQuery')).toBe('http.path=/api and error');
    expect(requests[1]!.searchParams.get('annotationQuery')).toBe('error');
  });

  it('names the trace and field of a malformed search answer', async () => {
    server.use(http.get(`${BASE}/api/v2/traces`, () => json([[], [{ traceId: 'abc', id: 'x' }]])));
    expect((await rejection(zipkin().search!({ limit: 10 }, ctx()))).message).toBe('Unexpected response from Zipkin: [1][0].id should be a span ID of 16 hex digits, got the string "x"');
  });

  it('an aborted signal sends nothing', async () => {
    expect((await rejection(zipkin().search!({ limit: 1 }, ctx(AbortSignal.abort())))).kind).toBe('aborted');
    expect((await rejection(zipkin().services!(ctx(AbortSignal.abort())))).kind).toBe('aborted');
    expect(requests).toHaveLength(0);
  });
});

describe('zipkin services and span names', () => {
  it('come from /api/v2/services and /api/v2/spans?serviceName=', async () => {
    server.use(
      http.get(`${BASE}/api/v2/services`, () => json(['frontend', 'backend'])),
      http.get(`${BASE}/api/v2/spans`, ({ request }) => json(new URL(request.url).searchParams.get('serviceName') === 'backend' ? ['post /cart', 'get /api'] : [])),
    );
    const traces = zipkin();
    expect(await traces.services!(ctx())).toEqual(['backend', 'frontend']);
    expect(await traces.operations!('backend', ctx())).toEqual(['get /api', 'post /cart']);
  });

  it('health counts the services', async () => {
    server.use(http.get(`${BASE}/api/v2/services`, () => json(['a'])));
    const ds = createZipkinDataSource({ uid: 'z', kind: 'zipkin', name: 'Zipkin', url: BASE }, (i, init) => globalThis.fetch(i, init));
    expect(await ds.health(new AbortController().signal)).toEqual({ ok: true, message: 'Zipkin API v2: 1 services' });
  });
});
