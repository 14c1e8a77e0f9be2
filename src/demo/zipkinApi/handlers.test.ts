import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILED_PAYMENT_ID, spansOf, TEST_NOW, testStore, USER_PROFILE_ID } from '../traceTestKit';
import { createZipkinHandlers } from './handlers';

const server = setupServer(...createZipkinHandlers(testStore, { basePath: '/zipkin', now: () => TEST_NOW }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const BASE = 'http://demo.local/zipkin/api/v2';

async function get(path: string): Promise<{ status: number; text: string; type: string | null }> {
  const res = await fetch(`${BASE}${path}`);
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

interface ZipkinSpan {
  traceId: string;
  parentId?: string;
  id: string;
  kind?: string;
  name: string;
  timestamp: number;
  duration: number;
  localEndpoint: { serviceName: string };
  remoteEndpoint?: { serviceName: string };
  annotations?: Array<{ timestamp: number; value: string }>;
  tags?: Record<string, string>;
}

describe('trace by ID', () => {
  it('answers a span list in the v2 writer’s key order, field for field', async () => {
    const { status, text, type } = await get(`/trace/${FAILED_PAYMENT_ID}`);
    expect(status).toBe(200);
    expect(type).toBe('application/json');
    const span = spansOf(FAILED_PAYMENT_ID)[0];
    const body = JSON.parse(text) as ZipkinSpan[];
    expect(Object.keys(body[0] ?? {})).toEqual(['traceId', 'id', 'kind', 'name', 'timestamp', 'duration', 'localEndpoint', 'annotations', 'tags']);
    expect(body).toEqual([
      {
        traceId: FAILED_PAYMENT_ID,
        id: span?.spanId,
        kind: 'SERVER',
        name: 'get /payments/{id}',
        timestamp: span?.startUs,
        duration: span?.durationUs,
        localEndpoint: { serviceName: 'payments' },
        annotations: [{ timestamp: (span?.startUs ?? 0) + (span?.durationUs ?? 0), value: 'exception' }],
        tags: {
          error: 'GET /payments/{id} answered 500',
          'error.type': '500',
          'http.request.method': 'GET',
          'http.response.status_code': '500',
          'http.route': '/payments/{id}',
          'otel.status_code': 'ERROR',
          'url.path': '/payments/{id}',
        },
      },
    ]);
    expect(Object.keys(body[0]?.tags ?? {})).toEqual(Object.keys(body[0]?.tags ?? {}).sort());
  });

  it('names the callee of a client span as its remote endpoint, and links parents', async () => {
    const body = JSON.parse((await get(`/trace/${USER_PROFILE_ID}`)).text) as ZipkinSpan[];
    const model = spansOf(USER_PROFILE_ID);
    expect(body.map((s) => [s.id, s.parentId])).toEqual(model.map((s) => [s.spanId, s.parentSpanId]));
    const clients = body.filter((s) => s.kind === 'CLIENT');
    expect(clients.map((s) => [s.localEndpoint.serviceName, s.remoteEndpoint?.serviceName])).toEqual([
      ['api-gateway', 'auth'],
      ['api-gateway', 'users'],
    ]);
    expect(body.every((s) => s.tags?.['error'] === undefined)).toBe(true);
  });

  it('answers an unknown ID with 404 text, and a malformed one with 400', async () => {
    expect(await get('/trace/4bf92f3577b34da6a3ce929d0e0e4736')).toEqual({ status: 404, type: 'text/plain; charset=utf-8', text: '4bf92f3577b34da6a3ce929d0e0e4736 not found' });
    expect((await get('/trace/00000000000000004bf92f3577b34da6')).text).toBe('4bf92f3577b34da6 not found');
    expect(await get('/trace/0a1B')).toEqual({ status: 400, type: 'text/plain; charset=utf-8', text: '0a1B should be lower-hex encoded with no prefix' });
  });
});

describe('names and search', () => {
  it('lists services and span names, lower-cased and sorted', async () => {
    expect(JSON.parse((await get('/services')).text)).toEqual(['api-gateway', 'auth', 'inventory', 'notifications', 'orders', 'payment-provider', 'payments', 'search', 'users']);
    expect(JSON.parse((await get('/spans?serviceName=payments')).text)).toEqual(['get /payments/{id}', 'post /payments', 'post /v1/charges']);
    expect((await get('/spans')).status).toBe(400);
  });

  it('searches by service, span name, annotation query, µs durations and endTs/lookback in ms', async () => {
    const q = encodeURIComponent('http.response.status_code=504 and timeout');
    const { status, text } = await get(`/traces?serviceName=payments&spanName=${encodeURIComponent('post /v1/charges')}&annotationQuery=${q}&minDuration=29000000&endTs=${TEST_NOW}&lookback=900000&limit=3`);
    expect(status).toBe(200);
    const traces = JSON.parse(text) as ZipkinSpan[][];
    expect(traces.length).toBe(3);
    for (const trace of traces) {
      expect(trace[0]?.timestamp).toBeGreaterThanOrEqual((TEST_NOW - 900_000) * 1000);
      const hit = trace.find((s) => s.name === 'post /v1/charges' && s.annotations?.some((a) => a.value === 'timeout'));
      expect(hit?.duration).toBeGreaterThanOrEqual(29_000_000);
      expect(hit?.tags?.['error']).toBe('payment-provider did not answer within 30 s');
    }
    expect(JSON.parse((await get(`/traces?serviceName=payments&maxDuration=1&endTs=${TEST_NOW}&lookback=600000`)).text)).toEqual([]);
    expect((await get('/traces?limit=x')).status).toBe(400);
  });

  it('defaults to 10 traces', async () => {
    expect((JSON.parse((await get(`/traces?endTs=${TEST_NOW}`)).text) as unknown[]).length).toBe(10);
  });
});
