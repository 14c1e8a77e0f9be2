import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILED_PAYMENT_ID, spansOf, TEST_NOW, testStore, USER_PROFILE_ID } from '../traceTestKit';
import { BATCH_TRACE_ID } from '../traces/batchTrace';
import { createTempoHandlers } from './handlers';

const server = setupServer(...createTempoHandlers(testStore, { basePath: '/tempo', now: () => TEST_NOW }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const BASE = 'http://demo.local/tempo/api';
const b64 = (hex: string): string => Buffer.from(hex, 'hex').toString('base64');

async function get(path: string): Promise<{ status: number; text: string; type: string | null }> {
  const res = await fetch(`${BASE}${path}`);
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

describe('trace by ID', () => {
  it('v1 answers batches with base64 IDs and enum names, field for field', async () => {
    const { status, text, type } = await get(`/traces/${FAILED_PAYMENT_ID}`);
    expect(status).toBe(200);
    expect(type).toBe('application/json');
    const span = spansOf(FAILED_PAYMENT_ID)[0];
    const end = `${(span?.startUs ?? 0) + (span?.durationUs ?? 0)}000`;
    expect(JSON.parse(text)).toEqual({
      batches: [
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
                  traceId: b64(FAILED_PAYMENT_ID),
                  spanId: b64(span?.spanId ?? ''),
                  name: 'GET /payments/{id}',
                  kind: 'SPAN_KIND_SERVER',
                  startTimeUnixNano: `${span?.startUs}000`,
                  endTimeUnixNano: end,
                  attributes: [
                    { key: 'http.request.method', value: { stringValue: 'GET' } },
                    { key: 'http.route', value: { stringValue: '/payments/{id}' } },
                    { key: 'url.path', value: { stringValue: '/payments/{id}' } },
                    { key: 'http.response.status_code', value: { intValue: '500' } },
                    { key: 'error.type', value: { stringValue: '500' } },
                  ],
                  events: [
                    {
                      timeUnixNano: end,
                      name: 'exception',
                      attributes: [
                        { key: 'exception.type', value: { stringValue: 'InternalServerError' } },
                        { key: 'exception.message', value: { stringValue: 'GET /payments/{id} answered 500' } },
                      ],
                    },
                  ],
                  status: { message: 'GET /payments/{id} answered 500', code: 'STATUS_CODE_ERROR' },
                },
              ],
            },
          ],
        },
      ],
    });
    expect(b64(FAILED_PAYMENT_ID)).toHaveLength(24);
  });

  it('v2 keeps resourceSpans under trace; parents are base64 too', async () => {
    const body = JSON.parse((await get(`/v2/traces/${USER_PROFILE_ID}`)).text) as {
      trace: { resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ spanId: string; parentSpanId?: string; kind: string }> }> }> };
      metrics: object;
    };
    expect(Object.keys(body)).toEqual(['trace', 'metrics']);
    const spans = body.trace.resourceSpans.flatMap((r) => r.scopeSpans[0]?.spans ?? []);
    const model = spansOf(USER_PROFILE_ID);
    expect(new Map(spans.map((s) => [s.spanId, s.parentSpanId]))).toEqual(new Map(model.map((s) => [b64(s.spanId), s.parentSpanId === undefined ? undefined : b64(s.parentSpanId)])));
    expect(new Set(spans.map((s) => s.kind))).toEqual(new Set(['SPAN_KIND_SERVER', 'SPAN_KIND_CLIENT']));
  });

  it('streams the 100,000-span batch trace, one resource per service', async () => {
    const body = (await (await fetch(`${BASE}/traces/${BATCH_TRACE_ID}`)).json()) as { batches: Array<{ scopeSpans: Array<{ spans: unknown[] }> }> };
    expect(body.batches).toHaveLength(3);
    expect(body.batches.reduce((n, b) => n + (b.scopeSpans[0]?.spans.length ?? 0), 0)).toBe(100_000);
  });

  it('accepts short and upper-case IDs the way Tempo pads them', async () => {
    expect((await get(`/traces/${FAILED_PAYMENT_ID.toUpperCase()}`)).status).toBe(200);
  });

  it('answers an unknown ID with 404 and an empty body (v1), an empty trace (v2)', async () => {
    const v1 = await get('/traces/4bf92f3577b34da6a3ce929d0e0e4736');
    expect(v1.status).toBe(404);
    expect(v1.text).toBe('');
    const v2 = await get('/v2/traces/4bf92f3577b34da6a3ce929d0e0e4736');
    expect(v2).toEqual({ status: 200, type: 'application/json', text: '{"trace":{},"metrics":{}}' });
  });

  it('rejects non-hex and over-long IDs with Tempo’s text errors', async () => {
    expect(await get('/traces/abcx')).toEqual({ status: 400, type: 'text/plain; charset=utf-8', text: "trace IDs can only contain hex characters: invalid character 'x' at position 4\n" });
    expect((await get(`/traces/${'a'.repeat(33)}`)).text).toBe("trace IDs can't be larger than 128 bits\n");
  });
});

describe('search', () => {
  const end = Math.floor(TEST_NOW / 1000);
  const start = end - 15 * 60;

  it('finds incident traces by TraceQL, with spanSet and spanSets and serviceStats', async () => {
    const q = encodeURIComponent('{ resource.service.name = "payments" && duration > 29s && status = error }');
    const { status, text } = await get(`/search?q=${q}&start=${start}&end=${end}&limit=3`);
    expect(status).toBe(200);
    const body = JSON.parse(text) as {
      traces: Array<{
        traceID: string;
        rootServiceName: string;
        rootTraceName: string;
        startTimeUnixNano: string;
        durationMs: number;
        spanSet: { spans: Array<{ spanID: string; name: string; durationNanos: string; attributes: unknown[] }>; matched: number };
        spanSets: unknown[];
        serviceStats: Record<string, { spanCount: number; errorCount?: number }>;
      }>;
      metrics: { inspectedTraces: number; inspectedBytes: string };
    };
    expect(body.traces.length).toBe(3);
    expect(body.metrics.inspectedTraces).toBeGreaterThanOrEqual(3);
    for (const t of body.traces) {
      expect(Object.keys(t)).toEqual(['traceID', 'rootServiceName', 'rootTraceName', 'startTimeUnixNano', 'durationMs', 'spanSet', 'spanSets', 'serviceStats']);
      expect(t.traceID).not.toMatch(/^0/);
      expect(t.rootServiceName).toBe('api-gateway');
      expect(t.rootTraceName).toBe('POST /api/checkout');
      expect(t.durationMs).toBeGreaterThan(30_000);
      expect(Number(t.startTimeUnixNano) / 1e9).toBeGreaterThanOrEqual(start);
      expect(t.spanSets).toEqual([t.spanSet]);
      // payments' server span waits out the timeout and fails too: both of its spans match, in pre-order.
      expect(t.spanSet.matched).toBe(2);
      expect(t.spanSet.spans.map((s) => s.name)).toEqual(['POST /payments', 'POST /v1/charges']);
      for (const hit of t.spanSet.spans) {
        expect(Number(hit.durationNanos)).toBeGreaterThanOrEqual(30e9);
        expect(hit.attributes).toEqual([
          { key: 'service.name', value: { stringValue: 'payments' } },
          { key: 'status', value: { stringValue: 'error' } },
        ]);
      }
      expect(t.serviceStats['payments']).toEqual({ spanCount: 2, errorCount: 2 });
      expect(t.serviceStats['notifications']).toBeUndefined();
      const trace = testStore.get(t.traceID);
      expect(trace?.traceId.replace(/^0+/, '')).toBe(t.traceID);
    }
  });

  it('searches by logfmt tags and trace duration, without spanSets', async () => {
    const tags = encodeURIComponent('service.name=inventory http.route="/inventory/stock"');
    const body = JSON.parse((await get(`/search?tags=${tags}&start=${start}&end=${end}&limit=5&maxDuration=1s`)).text) as { traces: Array<Record<string, unknown>> };
    expect(body.traces.length).toBe(5);
    for (const t of body.traces) {
      expect(t['spanSet']).toBeUndefined();
      expect(t['rootServiceName']).toBe('inventory');
    }
  });

  it('filters by traceDuration per trace, as the search page’s errors-only query sends it', async () => {
    const q = (text: string) => `/search?q=${encodeURIComponent(text)}&start=${start}&end=${end}&limit=20`;
    type Body = { traces: Array<{ durationMs?: number; serviceStats: Record<string, { errorCount?: number }> }> };
    const slow = JSON.parse((await get(q('{ resource.service.name = "payments" && status = error && traceDuration >= 29s }'))).text) as Body;
    expect(slow.traces.length).toBeGreaterThan(0);
    for (const t of slow.traces) {
      expect(t.durationMs).toBeGreaterThanOrEqual(29_000);
      expect(t.serviceStats['payments']?.errorCount).toBeGreaterThan(0);
    }
    const none = JSON.parse((await get(q('{ resource.service.name = "payments" && status = error && traceDuration < 1ms }'))).text) as Body;
    expect(none.traces).toEqual([]);
  });

  it('compares boolean attributes with true and false, and refuses < on them', async () => {
    const ok = await get(`/search?q=${encodeURIComponent('{ .nonexistent = true }')}&start=${start}&end=${end}`);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text).traces).toEqual([]);
    const bad = await get(`/search?q=${encodeURIComponent('{ .x < true }')}`);
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/on a boolean/);
  });

  it('answers an empty result with an empty list', async () => {
    const body = JSON.parse((await get(`/search?q=${encodeURIComponent('{ resource.service.name = "nobody" }')}&start=${start}&end=${end}`)).text);
    expect(body.traces).toEqual([]);
  });

  it('rejects what Tempo rejects, as text', async () => {
    const cases: Array<[string, string]> = [
      [`/search?q=${encodeURIComponent('{}')}&tags=a%3Db`, "invalid request: can't specify tags and q in the same query"],
      ['/search?limit=0', 'invalid limit: must be a positive number'],
      ['/search?minDuration=2s&maxDuration=1s', 'invalid maxDuration: must be greater than minDuration'],
      [`/search?start=${end}&end=${start}`, `http parameter start must be before end. received start=${end} end=${start}`],
      [`/search?start=${end - 200 * 3600}&end=${end}`, `range specified by start and end exceeds 168h0m0s. received start=${end - 200 * 3600} end=${end}`],
    ];
    for (const [path, message] of cases) {
      const res = await get(path);
      expect(res.status).toBe(400);
      expect(res.type).toBe('text/plain; charset=utf-8');
      expect(res.text).toBe(`${message}\n`);
    }
    for (const q of ['{ .a = "x" || .b = "y" }', '{ resource.service.name = }', 'rate()', '{ duration > "1s" }', '{ status = nonsense }', '{ .x = "a" } | count() > 1']) {
      const res = await get(`/search?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/^invalid TraceQL query: parse error at line 1, col \d+: syntax error: unexpected /);
    }
  });
});

describe('tags, values and echo', () => {
  it('lists tag names by scope', async () => {
    const body = JSON.parse((await get('/v2/search/tags')).text) as { scopes: Array<{ name: string; tags: string[] }>; metrics: object };
    expect(body.scopes.map((s) => s.name)).toEqual(['resource', 'span', 'intrinsic']);
    expect(body.scopes[0]?.tags).toEqual(['service.instance.id', 'service.name', 'service.namespace']);
    expect(body.scopes[1]?.tags).toContain('http.route');
    expect(body.scopes[2]?.tags).toEqual(['duration', 'kind', 'name', 'status']);
    expect(JSON.parse((await get('/v2/search/tags?scope=resource')).text).scopes.map((s: { name: string }) => s.name)).toEqual(['resource']);
    expect(JSON.parse((await get('/search/tags')).text).tagNames).toContain('service.name');
  });

  it('lists typed values for a TraceQL attribute, and keywords for status', async () => {
    const services = JSON.parse((await get('/v2/search/tag/resource.service.name/values')).text);
    expect(services.tagValues).toContainEqual({ type: 'string', value: 'payment-provider' });
    expect(services.tagValues).toHaveLength(9);
    const codes = JSON.parse((await get('/v2/search/tag/span.http.response.status_code/values')).text);
    expect(codes.tagValues).toContainEqual({ type: 'int', value: '504' });
    expect(JSON.parse((await get('/v2/search/tag/status/values')).text).tagValues).toEqual([
      { type: 'keyword', value: 'error' },
      { type: 'keyword', value: 'ok' },
      { type: 'keyword', value: 'unset' },
    ]);
    expect(JSON.parse((await get('/search/tag/service.name/values')).text).tagValues).toContain('orders');
  });

  it('echoes', async () => {
    expect(await get('/echo')).toEqual({ status: 200, type: 'text/plain; charset=utf-8', text: 'echo\n' });
  });
});
