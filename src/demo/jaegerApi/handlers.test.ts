import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILED_PAYMENT_ID, spansOf, TEST_NOW, testStore, USER_PROFILE_ID } from '../traceTestKit';
import { BATCH_TRACE_ID } from '../traces/batchTrace';
import { createJaegerHandlers } from './handlers';

const server = setupServer(...createJaegerHandlers(testStore, { basePath: '/jaeger', now: () => TEST_NOW }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const BASE = 'http://demo.local/jaeger/api';

async function get(path: string): Promise<{ status: number; text: string; type: string | null }> {
  const res = await fetch(`${BASE}${path}`);
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

describe('v1 trace by ID', () => {
  it('answers the envelope with one trace in the uimodel shape, field for field', async () => {
    const { status, text, type } = await get(`/traces/${FAILED_PAYMENT_ID}`);
    expect(status).toBe(200);
    expect(type).toBe('application/json');
    const span = spansOf(FAILED_PAYMENT_ID)[0];
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['data', 'total', 'limit', 'offset', 'errors']);
    expect(body).toEqual({
      data: [
        {
          traceID: FAILED_PAYMENT_ID,
          spans: [
            {
              traceID: FAILED_PAYMENT_ID,
              spanID: span?.spanId,
              flags: 1,
              operationName: 'GET /payments/{id}',
              references: [],
              startTime: span?.startUs,
              duration: span?.durationUs,
              tags: [
                { key: 'http.request.method', type: 'string', value: 'GET' },
                { key: 'http.route', type: 'string', value: '/payments/{id}' },
                { key: 'url.path', type: 'string', value: '/payments/{id}' },
                { key: 'http.response.status_code', type: 'int64', value: 500 },
                { key: 'error.type', type: 'string', value: '500' },
                { key: 'span.kind', type: 'string', value: 'server' },
                { key: 'otel.status_code', type: 'string', value: 'ERROR' },
                { key: 'error', type: 'bool', value: true },
                { key: 'otel.status_description', type: 'string', value: 'GET /payments/{id} answered 500' },
                { key: 'otel.scope.name', type: 'string', value: 'watchfloor.demo.simulator' },
                { key: 'otel.scope.version', type: 'string', value: '1' },
              ],
              logs: [
                {
                  timestamp: (span?.startUs ?? 0) + (span?.durationUs ?? 0),
                  fields: [
                    { key: 'event', type: 'string', value: 'exception' },
                    { key: 'exception.type', type: 'string', value: 'InternalServerError' },
                    { key: 'exception.message', type: 'string', value: 'GET /payments/{id} answered 500' },
                  ],
                },
              ],
              processID: 'p1',
              warnings: null,
            },
          ],
          processes: {
            p1: {
              serviceName: 'payments',
              tags: [
                { key: 'service.namespace', type: 'string', value: 'watchfloor-demo' },
                { key: 'service.instance.id', type: 'string', value: 'payments-0:8080' },
              ],
            },
          },
          warnings: null,
        },
      ],
      total: 0,
      limit: 0,
      offset: 0,
      errors: null,
    });
  });

  it('links children to parents by CHILD_OF and dedups processes per service', async () => {
    const { text } = await get(`/traces/${USER_PROFILE_ID.toUpperCase()}`);
    const spans = spansOf(USER_PROFILE_ID);
    const trace = (JSON.parse(text) as { data: Array<{ spans: Array<{ references: unknown[]; processID: string }>; processes: Record<string, { serviceName: string }> }> }).data[0];
    expect(trace?.spans.map((s) => s.references)).toEqual(
      spans.map((s) => (s.parentSpanId === undefined ? [] : [{ refType: 'CHILD_OF', traceID: USER_PROFILE_ID, spanID: s.parentSpanId }])),
    );
    expect(Object.fromEntries(Object.entries(trace?.processes ?? {}).map(([k, p]) => [k, p.serviceName]))).toEqual({ p1: 'api-gateway', p2: 'auth', p3: 'users' });
    expect(trace?.spans.map((s) => s.processID)).toEqual(['p1', 'p1', 'p2', 'p1', 'p3']);
  });

  it('answers an unknown ID with 404 and the errors envelope as text/plain', async () => {
    const res = await get('/traces/4bf92f3577b34da6a3ce929d0e0e4736');
    expect(res).toEqual({
      status: 404,
      type: 'text/plain; charset=utf-8',
      text: '{"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":404,"msg":"trace not found"}]}\n',
    });
  });

  it('answers a malformed ID with 400 and strconv’s message', async () => {
    const res = await get('/traces/xyz');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code: 400, msg: 'strconv.ParseUint: parsing "xyz": invalid syntax' }] });
  });

  it('streams the 100,000-span batch trace', async () => {
    const res = await fetch(`${BASE}/traces/${BATCH_TRACE_ID}`);
    const body = (await res.json()) as { data: Array<{ spans: unknown[]; processes: Record<string, unknown> }> };
    expect(body.data[0]?.spans.length).toBe(100_000);
    expect(Object.keys(body.data[0]?.processes ?? {})).toEqual(['p1', 'p2', 'p3']);
  });
});

describe('v1 services, operations and search', () => {
  it('lists services and operations with total = count', async () => {
    expect(JSON.parse((await get('/services')).text)).toEqual({
      data: ['api-gateway', 'auth', 'inventory', 'notifications', 'orders', 'payment-provider', 'payments', 'search', 'users'],
      total: 9,
      limit: 0,
      offset: 0,
      errors: null,
    });
    expect(JSON.parse((await get('/services/payments/operations')).text)).toEqual({
      data: ['GET /payments/{id}', 'POST /payments', 'POST /v1/charges'],
      total: 3,
      limit: 0,
      offset: 0,
      errors: null,
    });
    expect(JSON.parse((await get('/operations?service=payments&spanKind=client')).text).data).toEqual([{ name: 'POST /v1/charges', spanKind: 'client' }]);
    expect((await get('/operations')).status).toBe(400);
  });

  it('requires a service and checks durations', async () => {
    expect(JSON.parse((await get('/traces')).text).errors).toEqual([{ code: 400, msg: "parameter 'service' is required" }]);
    expect(JSON.parse((await get('/traces?service=payments&minDuration=2s&maxDuration=1s')).text).errors).toEqual([
      { code: 400, msg: "'maxDuration' should be greater than 'minDuration'" },
    ]);
    expect((await get('/traces?service=payments&minDuration=abc')).status).toBe(400);
  });

  it('searches by service, operation, tags, duration and time range', async () => {
    // Inside the payment-provider incident (it began at 13:40, TEST_NOW is 14:07:30).
    const endUs = TEST_NOW * 1000;
    const startUs = endUs - 15 * 60_000_000;
    const tags = encodeURIComponent(JSON.stringify({ 'http.response.status_code': '504' }));
    const { status, text } = await get(`/traces?service=payments&operation=${encodeURIComponent('POST /v1/charges')}&tags=${tags}&minDuration=29s&start=${startUs}&end=${endUs}&limit=4`);
    expect(status).toBe(200);
    const body = JSON.parse(text) as { data: Array<{ traceID: string; spans: Array<{ operationName: string; duration: number; startTime: number; tags: Array<{ key: string; value: unknown }> }> }>; total: number };
    expect(body.total).toBe(0);
    expect(body.data.length).toBe(4);
    for (const trace of body.data) {
      const root = trace.spans[0];
      expect(root?.startTime).toBeGreaterThanOrEqual(startUs);
      expect(root?.startTime).toBeLessThanOrEqual(endUs);
      const hit = trace.spans.find((s) => s.operationName === 'POST /v1/charges' && s.tags.some((t) => t.key === 'http.response.status_code' && t.value === 504));
      expect(hit?.duration).toBeGreaterThanOrEqual(29_000_000);
    }
    const none = JSON.parse((await get(`/traces?service=payments&tag=${encodeURIComponent('http.response.status_code:504')}&start=${startUs}&end=${endUs}&maxDuration=1ms`)).text);
    expect(none.data).toEqual([]);
  });

  it('fetches several traces by traceID and reports the missing ones', async () => {
    const body = JSON.parse((await get(`/traces?traceID=${FAILED_PAYMENT_ID}&traceID=4bf92f3577b34da6a3ce929d0e0e4736`)).text);
    expect(body.data.map((t: { traceID: string }) => t.traceID)).toEqual([FAILED_PAYMENT_ID]);
    expect(body.errors).toEqual([{ msg: 'trace not found', traceID: '4bf92f3577b34da6a3ce929d0e0e4736' }]);
  });
});

describe('api_v3', () => {
  it('answers a trace as OTLP JSON under result, with hex IDs and integer enums', async () => {
    const { status, text } = await get(`/v3/traces/${FAILED_PAYMENT_ID}`);
    expect(status).toBe(200);
    const span = spansOf(FAILED_PAYMENT_ID)[0];
    expect(JSON.parse(text)).toEqual({
      result: {
        resourceSpans: [
          {
            resource: {
              attributes: [
                { key: 'service.name', value: { stringValue: 'payments' } },
                { key: 'service.namespace', value: { stringValue: 'watchfloor-demo' } },
                { key: 'service.instance.id', value: { stringValue: 'payments-0:8080' } },
              ],
            },
            scopeSpans: [
              {
                scope: { name: 'watchfloor.demo.simulator', version: '1' },
                spans: [
                  {
                    traceId: FAILED_PAYMENT_ID,
                    spanId: span?.spanId,
                    name: 'GET /payments/{id}',
                    kind: 2,
                    startTimeUnixNano: `${span?.startUs}000`,
                    endTimeUnixNano: `${(span?.startUs ?? 0) + (span?.durationUs ?? 0)}000`,
                    attributes: [
                      { key: 'http.request.method', value: { stringValue: 'GET' } },
                      { key: 'http.route', value: { stringValue: '/payments/{id}' } },
                      { key: 'url.path', value: { stringValue: '/payments/{id}' } },
                      { key: 'http.response.status_code', value: { intValue: '500' } },
                      { key: 'error.type', value: { stringValue: '500' } },
                    ],
                    events: [
                      {
                        timeUnixNano: `${(span?.startUs ?? 0) + (span?.durationUs ?? 0)}000`,
                        name: 'exception',
                        attributes: [
                          { key: 'exception.type', value: { stringValue: 'InternalServerError' } },
                          { key: 'exception.message', value: { stringValue: 'GET /payments/{id} answered 500' } },
                        ],
                      },
                    ],
                    status: { message: 'GET /payments/{id} answered 500', code: 2 },
                  },
                ],
              },
            ],
          },
        ],
      },
    });
  });

  it('groups a trace by service and keeps parents in parentSpanId', async () => {
    const body = JSON.parse((await get(`/v3/traces/${USER_PROFILE_ID}`)).text) as {
      result: { resourceSpans: Array<{ resource: { attributes: Array<{ value: { stringValue: string } }> }; scopeSpans: Array<{ spans: Array<{ spanId: string; parentSpanId?: string; kind: number; status: object }> }> }> };
    };
    expect(body.result.resourceSpans.map((r) => r.resource.attributes[0]?.value.stringValue)).toEqual(['api-gateway', 'auth', 'users']);
    const spans = body.result.resourceSpans.flatMap((r) => r.scopeSpans[0]?.spans ?? []);
    const model = spansOf(USER_PROFILE_ID);
    expect(new Map(spans.map((s) => [s.spanId, s.parentSpanId]))).toEqual(new Map(model.map((s) => [s.spanId, s.parentSpanId])));
    expect(spans.map((s) => s.kind).sort()).toEqual([2, 2, 2, 3, 3]);
    expect(spans.every((s) => JSON.stringify(s.status) === '{}')).toBe(true);
  });

  it('answers unknown IDs and empty searches with 404 "No traces found"', async () => {
    const res = await get('/v3/traces/4bf92f3577b34da6a3ce929d0e0e4736');
    expect(res).toEqual({ status: 404, type: 'text/plain; charset=utf-8', text: '{"error":{"httpCode":404,"message":"No traces found"}}\n' });
    const min = new Date(TEST_NOW - 60_000).toISOString();
    const max = new Date(TEST_NOW).toISOString();
    expect((await get(`/v3/traces?query.service_name=nobody&query.startTimeMin=${min}&query.startTimeMax=${max}`)).status).toBe(404);
  });

  it('requires both search times', async () => {
    const res = await get('/v3/traces?query.service_name=payments');
    expect(res.status).toBe(400);
    expect(res.text).toBe('{"error":{"httpCode":400,"message":"query.startTimeMin and query.startTimeMax are required"}}\n');
  });

  it('merges matching traces into one TracesData', async () => {
    const min = new Date(TEST_NOW - 5 * 60_000).toISOString();
    const max = new Date(TEST_NOW).toISOString().replace('Z', '000000Z').replace('.000000000Z', '.000000000Z');
    const { status, text } = await get(`/v3/traces?query.serviceName=auth&query.operationName=${encodeURIComponent('POST /auth/token')}&query.startTimeMin=${min}&query.startTimeMax=${max}&query.searchDepth=3`);
    expect(status).toBe(200);
    const body = JSON.parse(text) as { result: { resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ traceId: string; name: string }> }> }> } };
    const ids = new Set(body.result.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans.map((sp) => sp.traceId))));
    expect(ids.size).toBe(3);
  });

  it('lists services and operations', async () => {
    expect(JSON.parse((await get('/v3/services')).text)).toEqual({ services: ['api-gateway', 'auth', 'inventory', 'notifications', 'orders', 'payment-provider', 'payments', 'search', 'users'] });
    expect(JSON.parse((await get('/v3/operations?service=auth')).text)).toEqual({
      operations: [
        { name: 'GET /auth/verify', spanKind: 'server' },
        { name: 'POST /auth/token', spanKind: 'server' },
      ],
    });
    expect(JSON.parse((await get('/v3/operations?service=nobody')).text)).toEqual({ operations: [] });
  });
});
