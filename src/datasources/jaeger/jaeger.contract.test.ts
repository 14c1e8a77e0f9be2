import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { isDataSourceError, isRetryableError, type DataSourceError } from '../../lib/errors';
import { ConfigError } from '../configError';
import { CHECKOUT, otlpJsonOf, recordCheckoutTrace } from '../shared/conformance/otelTraces';
import { recordingServer } from '../shared/conformance/harness';
import { json } from '../shared/conformance/recorded';
import { isTraceNotFound } from '../shared/traceErrors';
import type { QueryCtx } from '../types';
import { createJaegerDataSource } from './index';
import { jaegerPlugin } from './plugin';

// The Jaeger query service's exact answers (shared/reference/datasource-apis.md §3.1, §3.3), errors included.

const BASE = 'http://jaeger.contract:16686';
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const { server, requests } = recordingServer();

const RANGE = { from: 1_700_000_000_000, to: 1_700_003_600_000 };
const ctx = (signal = new AbortController().signal): QueryCtx => ({ range: RANGE, signal });
const jaeger = (options?: Record<string, unknown>) =>
  createJaegerDataSource({ uid: 'j', kind: 'jaeger', name: 'Jaeger', url: `${BASE}/`, ...(options ? { options } : {}) }, (input, init) => globalThis.fetch(input, init)).traces!;
const goError = (body: unknown, status: number) => new HttpResponse(`${JSON.stringify(body)}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
const goNotFound = () => new HttpResponse('404 page not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
const envelope = (data: unknown, errors: unknown = null) => ({ data, total: 0, limit: 0, offset: 0, errors });
const paths = () => requests.map((u) => u.pathname);

async function rejection(promise: Promise<unknown>): Promise<DataSourceError> {
  try {
    await promise;
  } catch (error) {
    if (isDataSourceError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** The reference's §3.1 trace, word for word, plus a FOLLOWS_FROM and a second process. */
const REFERENCE_TRACE = {
  traceID: '00f067aa0ba902b7',
  spans: [
    {
      traceID: '00f067aa0ba902b7', spanID: '00f067aa0ba902b7', flags: 1, operationName: 'HTTP GET /dispatch',
      references: [{ refType: 'CHILD_OF', traceID: '00f067aa0ba902b7', spanID: '53995c3f42cd8ad8' }, { refType: 'FOLLOWS_FROM', traceID: '0000000000000000000000000000abcd', spanID: '0000000000000001' }],
      startTime: 1485467191639875, duration: 5042,
      tags: [
        { key: 'span.kind', type: 'string', value: 'server' }, { key: 'http.status_code', type: 'int64', value: 200 },
        { key: 'error', type: 'bool', value: true }, { key: 'ratio', type: 'float64', value: 0.5 },
        { key: 'big', type: 'int64', value: '9223372036854775222' }, { key: 'blob', type: 'binary', value: 'AAAwOQ==' },
      ],
      logs: [{ timestamp: 1485467191639900, fields: [{ key: 'event', type: 'string', value: 'retry' }, { key: 'attempt', type: 'int64', value: 2 }] }],
      processID: 'p1', warnings: null,
    },
    {
      traceID: '00f067aa0ba902b7', spanID: '53995c3f42cd8ad8', operationName: '<b>root</b>', references: [], startTime: 1485467191639000, duration: 9000,
      tags: [], logs: [], processID: 'p2', warnings: null,
    },
    {
      traceID: '00f067aa0ba902b7', spanID: '1111111111111111', operationName: 'async publish',
      references: [{ refType: 'FOLLOWS_FROM', traceID: '00f067aa0ba902b7', spanID: '53995c3f42cd8ad8' }],
      startTime: 1485467191648000, duration: 100, tags: [{ key: 'span.kind', type: 'string', value: 'producer' }], logs: [], processID: 'p2', warnings: null,
    },
  ],
  processes: { p1: { serviceName: 'frontend', tags: [{ key: 'hostname', type: 'string', value: 'h1' }] }, p2: { serviceName: 'edge', tags: [] } },
  warnings: null,
};
const CANONICAL_REF = '000000000000000000f067aa0ba902b7';

describe('jaeger getTrace over api_v3 (OTLP JSON written by the OpenTelemetry SDK)', () => {
  it('reads every span of the SDK trace: services, parents, kinds, status, events, links, typed attributes, µs times', async () => {
    server.use(http.get(`${BASE}/api/v3/traces/:id`, () => json({ result: otlpJsonOf(recordCheckoutTrace(TRACE)) })));
    const trace = await jaeger().getTrace(TRACE.toUpperCase(), ctx());
    expect(paths()).toEqual([`/api/v3/traces/${TRACE}`]);
    expect(trace.traceId).toBe(TRACE);
    const byName = new Map(trace.spans.map((s) => [`${s.service}:${s.kind}`, s]));
    const root = byName.get('frontend:server')!;
    const client = byName.get('frontend:client')!;
    const srv = byName.get('payments:server')!;
    const internal = byName.get('payments:internal')!;
    expect(root.parentSpanId).toBeUndefined();
    expect(client.parentSpanId).toBe(root.spanId);
    expect(srv.parentSpanId).toBe(client.spanId);
    expect(internal.parentSpanId).toBe(srv.spanId);
    expect(root).toMatchObject({ name: CHECKOUT.rootName, startUs: CHECKOUT.startMs * 1000, durationUs: 30_020_000, status: 'unset' });
    expect(root.attributes).toMatchObject({ 'http.response.status_code': 502, 'http.route': '/checkout', 'otel.scope.name': 'checkout-app' });
    expect(root.resource).toEqual({ 'service.name': 'frontend', 'host.name': 'h1' });
    expect(srv.status).toBe('error');
    expect(srv.statusMessage).toBe(CHECKOUT.errorMessage);
    expect(srv.events).toEqual([{ timeUs: (CHECKOUT.startMs + 30_007) * 1000, name: 'exception', attributes: { 'exception.message': CHECKOUT.errorMessage } }]);
    expect(srv.links).toEqual([{ traceId: CHECKOUT.linkedTraceId, spanId: CHECKOUT.linkedSpanId, attributes: { 'link.kind': 'batch' } }]);
    // HTML stays the text it was: nothing is unescaped, stripped or interpreted.
    expect(internal.name).toBe(CHECKOUT.hostileName);
    expect(internal.attributes).toMatchObject({ [CHECKOUT.hostileValue]: CHECKOUT.hostileValue, attempts: 3, ratio: 0.25, retried: true });
    expect(trace.warnings).toEqual([]);
  });

  it('reports api_v3\'s 404 "No traces found" as trace not found, naming the ID', async () => {
    server.use(http.get(`${BASE}/api/v3/traces/:id`, () => goError({ error: { httpCode: 404, message: 'No traces found' } }, 404)));
    const error = await rejection(jaeger().getTrace('4bf92f3577b34da6a3ce929d0e0e4736', ctx()));
    expect(isTraceNotFound(error)).toBe(true);
    expect(error.message).toBe(`Trace ${TRACE} was not found in Jaeger`);
    expect(paths()).toEqual([`/api/v3/traces/${TRACE}`]);
  });

  it('once api_v3 has answered, a later api_v3 failure is reported, not retried on v1', async () => {
    server.use(
      http.get(`${BASE}/api/v3/services`, () => json({ services: ['frontend'] })),
      http.get(`${BASE}/api/v3/traces/:id`, () => goError({ error: { httpCode: 500, message: 'badger: closed' } }, 500)),
    );
    const traces = jaeger();
    await traces.services!(ctx());
    const error = await rejection(traces.getTrace(TRACE, ctx()));
    expect(error).toMatchObject({ kind: 'http', status: 500, message: 'badger: closed' });
    expect(isRetryableError(error)).toBe(true);
    // Even a plain 404 (a proxy's route missing) is then reported as it is: the server does have api_v3.
    server.use(http.get(`${BASE}/api/v3/operations`, goNotFound));
    expect((await rejection(traces.operations!('frontend', ctx()))).message).toContain('404 page not found');
    expect(paths()).toEqual(['/api/v3/services', `/api/v3/traces/${TRACE}`, '/api/v3/operations']);
  });
});

describe('jaeger getTrace over the v1 JSON API (a server without api_v3)', () => {
  const v1Server = (trace: unknown = REFERENCE_TRACE) => {
    server.use(
      http.get(`${BASE}/api/v3/*`, goNotFound),
      http.get(`${BASE}/api/traces/:id`, () => json(envelope([trace]))),
    );
  };

  it('reads the reference trace: CHILD_OF parent, FOLLOWS_FROM as links, processes, typed tags, logs as events', async () => {
    v1Server();
    const trace = await jaeger().getTrace('f067aa0ba902b7', ctx());
    expect(trace.traceId).toBe(CANONICAL_REF);
    const [dispatch, root, publish] = trace.spans;
    expect(dispatch).toEqual({
      traceId: CANONICAL_REF, spanId: '00f067aa0ba902b7', parentSpanId: '53995c3f42cd8ad8', name: 'HTTP GET /dispatch', service: 'frontend', kind: 'server',
      startUs: 1485467191639875, durationUs: 5042, status: 'error',
      attributes: { 'span.kind': 'server', 'http.status_code': 200, error: true, ratio: 0.5, big: '9223372036854775222', blob: 'AAAwOQ==' },
      resource: { 'service.name': 'frontend', hostname: 'h1' },
      events: [{ timeUs: 1485467191639900, name: 'retry', attributes: { event: 'retry', attempt: 2 } }],
      links: [{ traceId: '0000000000000000000000000000abcd', spanId: '0000000000000001', attributes: { 'opentracing.ref_type': 'follows_from' }, kind: 'follows_from' }],
    });
    expect(root).toMatchObject({ name: '<b>root</b>', service: 'edge', kind: 'unspecified', status: 'unset' });
    expect(root!.parentSpanId).toBeUndefined();
    // With no CHILD_OF, the FOLLOWS_FROM span hangs under its cause (as Jaeger UI draws it) and says how:
    // parentKind, which the tree turns into a follows-from reference, so the parent is not listed twice.
    expect(publish).toMatchObject({ parentSpanId: '53995c3f42cd8ad8', parentKind: 'follows_from', kind: 'producer', links: [] });
    expect(dispatch!.parentKind).toBeUndefined();
    expect(trace.warnings).toEqual([]);
  });

  it('falls back from api_v3 once and remembers it: the next call goes straight to v1', async () => {
    v1Server();
    const traces = jaeger();
    await traces.getTrace(CANONICAL_REF, ctx());
    await traces.getTrace(CANONICAL_REF, ctx());
    expect(paths()).toEqual([`/api/v3/traces/${CANONICAL_REF}`, `/api/traces/${CANONICAL_REF}`, `/api/traces/${CANONICAL_REF}`]);
  });

  it("falls back when the /api/v3 path is answered by Jaeger UI's index.html", async () => {
    server.use(
      http.get(`${BASE}/api/v3/*`, () => new HttpResponse('<!doctype html><html><head><title>Jaeger UI</title></head></html>', { headers: { 'Content-Type': 'text/html' } })),
      http.get(`${BASE}/api/traces/:id`, () => json(envelope([REFERENCE_TRACE]))),
    );
    expect((await jaeger().getTrace(CANONICAL_REF, ctx())).spans).toHaveLength(3);
  });

  it('with options.api "v1" never asks api_v3', async () => {
    server.use(http.get(`${BASE}/api/traces/:id`, () => json(envelope([REFERENCE_TRACE]))));
    await jaeger({ api: 'v1' }).getTrace(CANONICAL_REF, ctx());
    expect(paths()).toEqual([`/api/traces/${CANONICAL_REF}`]);
  });

  it('reports v1\'s 404 "trace not found" (JSON in a text/plain body) as trace not found, naming the ID', async () => {
    server.use(http.get(`${BASE}/api/v3/*`, goNotFound), http.get(`${BASE}/api/traces/:id`, () => goError(envelope(null, [{ code: 404, msg: 'trace not found' }]), 404)));
    const error = await rejection(jaeger().getTrace('ABC', ctx()));
    expect(isTraceNotFound(error)).toBe(true);
    expect(error.message).toContain('00000000000000000000000000000abc');
  });

  it('an answer with no trace in it is trace not found too', async () => {
    server.use(http.get(`${BASE}/api/v3/*`, goNotFound), http.get(`${BASE}/api/traces/:id`, () => json(envelope([]))));
    expect(isTraceNotFound(await rejection(jaeger().getTrace(TRACE, ctx())))).toBe(true);
  });

  it('a plain 404 on both APIs is a wrong base URL, not a missing trace', async () => {
    server.use(http.get(`${BASE}/api/*`, goNotFound));
    const error = await rejection(jaeger().getTrace(TRACE, ctx()));
    expect(isTraceNotFound(error)).toBe(false);
    expect(error.message).toContain('404 page not found');
    expect(error.message).toContain("Jaeger server's base URL");
  });

  it("puts a 400's text/plain body, JSON or not, in front of the user as the query's fault", async () => {
    server.use(http.get(`${BASE}/api/v3/*`, goNotFound), http.get(`${BASE}/api/traces/:id`, () => goError(envelope(null, [{ code: 400, msg: 'strconv.ParseUint: parsing "xyz": invalid syntax' }]), 400)));
    expect(await rejection(jaeger().getTrace(TRACE, ctx()))).toMatchObject({ kind: 'query', status: 400, message: 'strconv.ParseUint: parsing "xyz": invalid syntax' });
    server.resetHandlers(http.get(`${BASE}/api/traces/:id`, () => new HttpResponse('invalid trace id\n', { status: 400, headers: { 'Content-Type': 'text/plain' } })));
    expect(await rejection(jaeger({ api: 'v1' }).getTrace(TRACE, ctx()))).toMatchObject({ kind: 'query', status: 400, message: 'invalid trace id' });
  });

  it('keeps server warnings and errors of a 200 answer as the trace\'s warnings', async () => {
    server.use(
      http.get(`${BASE}/api/v3/*`, goNotFound),
      http.get(`${BASE}/api/traces/:id`, () => json(envelope([{ ...REFERENCE_TRACE, warnings: ['some trace warning'] }], [{ msg: 'trace not found', traceID: 'ff' }]))),
    );
    const trace = await jaeger().getTrace(CANONICAL_REF, ctx());
    expect(trace.warnings).toEqual(['trace not found: ff', 'some trace warning']);
  });

  it('rejects a span ID that is not hex, naming the field', async () => {
    v1Server({ ...REFERENCE_TRACE, spans: [{ ...REFERENCE_TRACE.spans[1], spanID: 'span-1' }] });
    const error = await rejection(jaeger().getTrace(CANONICAL_REF, ctx()));
    expect(error.kind).toBe('parse');
    expect(error.message).toBe('Unexpected response from Jaeger: data[0].spans[0].spanID should be a span ID of 1 to 16 hex digits, got the string "span-1"');
  });
});

describe('jaeger getTrace input', () => {
  it('rejects an ID that is not hex without sending anything', async () => {
    const error = await rejection(jaeger().getTrace('not-a-trace', ctx()));
    expect(error.kind).toBe('query');
    expect(error.message).toContain('"not-a-trace" is not a trace ID');
    expect(requests).toHaveLength(0);
  });
});

describe('jaeger search', () => {
  const v1SearchTrace = { ...REFERENCE_TRACE };

  it('v1: sends the reference parameters (µs times, JSON tags, Go durations) and summarises each trace', async () => {
    server.use(http.get(`${BASE}/api/traces`, () => json(envelope([v1SearchTrace]))));
    const rows = await jaeger({ api: 'v1' }).search!({ service: 'frontend', operation: 'HTTP GET /dispatch', tags: { 'http.status_code': '500', error: 'true' }, minDurationMs: 1.5, maxDurationMs: 2000, limit: 20 }, ctx());
    expect(Object.fromEntries(requests[0]!.searchParams)).toEqual({
      service: 'frontend', operation: 'HTTP GET /dispatch', tags: '{"http.status_code":"500","error":"true"}',
      minDuration: '1500us', maxDuration: '2000000us', start: '1700000000000000', end: '1700003600000000', limit: '20',
    });
    expect(rows).toEqual([{ traceId: CANONICAL_REF, rootService: 'edge', rootName: '<b>root</b>', startMs: 1485467191639, durationMs: 9.1, spanCount: 3, errorCount: 1, services: ['edge', 'frontend'] }]);
  });

  it('v3: sends the api_v3 parameters (RFC 3339 times, JSON attributes) and groups the merged answer by trace', async () => {
    const other = otlpJsonOf(recordCheckoutTrace('0af7651916cd43dd8448eb211c80319c')) as { resourceSpans: unknown[] };
    const mine = otlpJsonOf(recordCheckoutTrace(TRACE)) as { resourceSpans: unknown[] };
    server.use(http.get(`${BASE}/api/v3/traces`, () => json({ result: { resourceSpans: [...mine.resourceSpans, ...other.resourceSpans] } })));
    const rows = await jaeger().search!({ service: 'frontend', tags: { 'http.route': '/checkout' }, minDurationMs: 100, limit: 5 }, ctx());
    expect(Object.fromEntries(requests[0]!.searchParams)).toEqual({
      'query.service_name': 'frontend', 'query.attributes': '{"http.route":"/checkout"}',
      'query.start_time_min': '2023-11-14T22:13:20.000Z', 'query.start_time_max': '2023-11-14T23:13:20.000Z',
      'query.duration_min': '100000us', 'query.num_traces': '5',
    });
    expect(rows.map((r) => r.traceId)).toEqual([TRACE, '0af7651916cd43dd8448eb211c80319c']);
    expect(rows[0]).toEqual({ traceId: TRACE, rootService: 'frontend', rootName: CHECKOUT.rootName, startMs: CHECKOUT.startMs, durationMs: 30_020, spanCount: 4, errorCount: 1, services: ['frontend', 'payments'] });
  });

  it('errors only is the tag error=true, on v1 and on v3, beside the other tags', async () => {
    server.use(
      http.get(`${BASE}/api/traces`, () => json(envelope([]))),
      http.get(`${BASE}/api/v3/traces`, () => json({ result: { resourceSpans: [] } })),
    );
    await jaeger({ api: 'v1' }).search!({ service: 'frontend', tags: { 'http.status_code': '500' }, errorsOnly: true, limit: 5 }, ctx());
    await jaeger({ api: 'v3' }).search!({ service: 'frontend', errorsOnly: true, limit: 5 }, ctx());
    expect(requests[0]!.searchParams.get('tags')).toBe('{"http.status_code":"500","error":"true"}');
    expect(requests[1]!.searchParams.get('query.attributes')).toBe('{"error":"true"}');
  });

  it('v3: "No traces found" (404) is an empty result, not an error', async () => {
    server.use(http.get(`${BASE}/api/v3/traces`, () => goError({ error: { httpCode: 404, message: 'No traces found' } }, 404)));
    expect(await jaeger().search!({ service: 'frontend', limit: 5 }, ctx())).toEqual([]);
  });

  it("v1: the server's \"service is required\" is the query's fault, in its words", async () => {
    server.use(http.get(`${BASE}/api/traces`, () => goError(envelope(null, [{ code: 400, msg: "parameter 'service' is required" }]), 400)));
    expect(await rejection(jaeger({ api: 'v1' }).search!({ limit: 5 }, ctx()))).toMatchObject({ kind: 'query', message: "parameter 'service' is required" });
  });

  it('an aborted signal sends nothing; an abort in flight rejects as aborted', async () => {
    expect((await rejection(jaeger().search!({ limit: 1 }, ctx(AbortSignal.abort())))).kind).toBe('aborted');
    expect(requests).toHaveLength(0);
    const controller = new AbortController();
    server.use(http.get(`${BASE}/api/v3/traces`, () => {
      controller.abort();
      return new Promise<Response>(() => undefined);
    }));
    expect((await rejection(jaeger().search!({ limit: 1 }, ctx(controller.signal)))).kind).toBe('aborted');
  });
});

describe('jaeger services and operations', () => {
  it('v3: from /api/v3/services and /api/v3/operations, unique and sorted', async () => {
    server.use(
      http.get(`${BASE}/api/v3/services`, () => json({ services: ['redis', 'frontend'] })),
      http.get(`${BASE}/api/v3/operations`, () => json({ operations: [{ name: 'SET', spanKind: 'client' }, { name: 'GET', spanKind: 'client' }, { name: 'GET', spanKind: 'server' }] })),
    );
    const traces = jaeger();
    expect(await traces.services!(ctx())).toEqual(['frontend', 'redis']);
    expect(await traces.operations!('redis', ctx())).toEqual(['GET', 'SET']);
    expect(requests[1]!.searchParams.get('service')).toBe('redis');
  });

  it('v1: from /api/services and /api/services/<service>/operations, the name encoded', async () => {
    server.use(
      http.get(`${BASE}/api/v3/*`, goNotFound),
      http.get(`${BASE}/api/services`, () => json({ ...envelope(['driver', 'frontend']), total: 2 })),
      http.get(`${BASE}/api/services/:service/operations`, ({ params }) => json(envelope(params.service === 'a/b c' ? ['HTTP GET /dispatch'] : []))),
    );
    const traces = jaeger();
    expect(await traces.services!(ctx())).toEqual(['driver', 'frontend']);
    expect(await traces.operations!('a/b c', ctx())).toEqual(['HTTP GET /dispatch']);
    expect(requests.at(-1)!.pathname).toBe('/api/services/a%2Fb%20c/operations');
  });

  it('health names the API found and the number of services', async () => {
    server.use(http.get(`${BASE}/api/v3/*`, goNotFound), http.get(`${BASE}/api/services`, () => json(envelope([]))));
    const ds = createJaegerDataSource({ uid: 'j', kind: 'jaeger', name: 'Jaeger', url: BASE }, (i, init) => globalThis.fetch(i, init));
    expect(await ds.health(new AbortController().signal)).toEqual({ ok: true, message: 'Jaeger (v1 JSON API): 0 services' });
  });
});

describe('jaeger options', () => {
  it('accepts api auto, v3 and v1, and names options.api otherwise', () => {
    expect(jaegerPlugin.parseOptions({ api: 'v3' }).api).toBe('v3');
    expect(jaegerPlugin.parseOptions(undefined).api).toBe('auto');
    expect(() => jaegerPlugin.parseOptions({ api: 'v2' })).toThrow(ConfigError);
    expect(() => jaegerPlugin.parseOptions({ api: 'v2' })).toThrow('options.api');
  });
});
