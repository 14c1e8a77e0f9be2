import { SpanKind } from '@opentelemetry/api';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataSourceError } from '../../lib/errors';
import type { QueryCtx } from '../types';
import { recordSdkSpans, sdkOtlpJson, toTempoForm } from '../shared/otlp/sdkTraces.testing';
import { isTraceNotFound } from '../shared/traceErrors';
import { createTempoDataSource } from './index';

// Requests and answers as shared/reference/datasource-apis.md §4 gives them for Tempo 2.x/3.0.

const BASE = 'http://tempo.contract:3200';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const traces = () => {
  const ds = createTempoDataSource({ uid: 'tempo', kind: 'tempo', name: 'Tempo', url: BASE }, (input, init) => globalThis.fetch(input, init));
  if (!ds.traces) throw new Error('no traces capability');
  return { ds, traces: ds.traces };
};
const RANGE = { from: 1_684_778_000_500, to: 1_684_779_000_200 };
const ctx = (): QueryCtx => ({ range: RANGE, signal: new AbortController().signal });
const text = (body: string, status: number) => new HttpResponse(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

async function rejection(promise: Promise<unknown>): Promise<DataSourceError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DataSourceError);
    return error as DataSourceError;
  }
  throw new Error('expected a rejection');
}

const spans = recordSdkSpans({ name: 'update-billing', service: 'shop-backend', kind: SpanKind.SERVER, startNs: 0, durationNs: 557_000_000, children: [{ name: 'charge', service: 'shop-backend', kind: SpanKind.CLIENT, startNs: 1000, durationNs: 446_979_497 }] });
const sdkTraceId = spans[0]!.spanContext().traceId;

describe('tempo trace by ID', () => {
  it('falls back to /api/traces (v1 batches) when Tempo has no v2 endpoint, and asks v1 directly afterwards', async () => {
    const asked: string[] = [];
    server.use(
      http.get(`${BASE}/api/v2/traces/:id`, ({ params }) => {
        asked.push(`v2 ${String(params.id)}`);
        return text('404 page not found\n', 404);
      }),
      http.get(`${BASE}/api/traces/:id`, ({ params }) => {
        asked.push(`v1 ${String(params.id)}`);
        return HttpResponse.json(toTempoForm(sdkOtlpJson(spans), 'batches') as Record<string, unknown>);
      }),
    );
    const { traces: t } = traces();
    const trace = await t.getTrace(sdkTraceId, ctx());
    expect(trace.spans.map((s) => [s.name, s.kind, s.durationUs])).toEqual([
      ['charge', 'client', 446_979.497],
      ['update-billing', 'server', 557_000],
    ]);
    await t.getTrace(sdkTraceId, ctx());
    expect(asked).toEqual([`v2 ${sdkTraceId}`, `v1 ${sdkTraceId}`, `v1 ${sdkTraceId}`]);
  });

  it('sends the ID padded to 32 hex characters, as Tempo search hands them out without leading zeros', async () => {
    let path = '';
    server.use(http.get(`${BASE}/api/v2/traces/:id`, ({ params }) => {
      path = String(params.id);
      return new HttpResponse(null, { status: 404 });
    }));
    const error = await rejection(traces().traces.getTrace('F3E0CEE77AE5DC9C17ADE3689EB2E54', ctx()));
    expect(path).toBe('0f3e0cee77ae5dc9c17ade3689eb2e54');
    expect(error).toMatchObject({ kind: 'query', status: 404, message: 'Trace 0f3e0cee77ae5dc9c17ade3689eb2e54 was not found in Tempo' });
    expect(isTraceNotFound(error)).toBe(true);
  });

  it('a 404 with an empty body on v1 (after a Tempo without v2) is "not found"', async () => {
    server.use(
      http.get(`${BASE}/api/v2/traces/:id`, () => text('404 page not found\n', 404)),
      http.get(`${BASE}/api/traces/:id`, () => new HttpResponse(null, { status: 404 })),
    );
    expect((await rejection(traces().traces.getTrace('abc', ctx()))).message).toBe('Trace 00000000000000000000000000000abc was not found in Tempo');
  });

  it('says the URL is likely wrong when neither trace endpoint exists', async () => {
    server.use(http.get(`${BASE}/*`, () => text('404 page not found\n', 404)));
    const error = await rejection(traces().traces.getTrace(sdkTraceId, ctx()));
    expect(error).toMatchObject({ kind: 'http', status: 404 });
    expect(error.message).toBe("404 page not found: there is neither /api/v2/traces nor /api/traces here. Is the datasource URL the Tempo server's base URL?");
  });

  it('does not mistake a proxy\'s HTML 404 page for "trace not found"', async () => {
    server.use(http.get(`${BASE}/*`, () => new HttpResponse('<html><title>404 Not Found</title></html>', { status: 404, headers: { 'Content-Type': 'text/html' } })));
    const error = await rejection(traces().traces.getTrace(sdkTraceId, ctx()));
    expect(error.kind).toBe('http');
    expect(error.message).toContain('HTML page');
    expect(error.message).not.toContain('was not found in Tempo');
  });

  it('rejects what is not a trace ID without asking', async () => {
    const error = await rejection(traces().traces.getTrace('trace-123', ctx()));
    expect(error.kind).toBe('query');
    expect(error.message).toContain('is not a trace ID');
  });

  it("reports a trace too large (422) with Tempo's own words", async () => {
    server.use(http.get(`${BASE}/api/v2/traces/:id`, () => text('trace exceeds max size (max bytes: 5000000)\n', 422)));
    const error = await rejection(traces().traces.getTrace(sdkTraceId, ctx()));
    expect(error).toMatchObject({ kind: 'query', status: 422, message: 'trace exceeds max size (max bytes: 5000000)' });
  });
});

describe('tempo search', () => {
  const searchBody = {
    traces: [
      {
        traceID: 'f3e0cee77ae5dc9c17ade3689eb2e54',
        rootServiceName: 'shop-backend',
        rootTraceName: 'update-billing',
        startTimeUnixNano: '1684778327699392724',
        durationMs: 557,
        spanSet: { spans: [{ spanID: '563d623c76514f8e', name: 'charge' }], matched: 1 },
        spanSets: [{ spans: [{ spanID: '563d623c76514f8e' }], matched: 1 }, { spans: [], matched: 2 }],
        serviceStats: { 'shop-backend': { spanCount: 3, errorCount: 1 }, db: { spanCount: 2 } },
      },
      { traceID: '1', rootServiceName: '<root span not yet received>', startTimeUnixNano: '1684778327000000000' },
    ],
    metrics: { inspectedTraces: 3100, inspectedBytes: '3811736', totalBlocks: 13 },
  };

  it('sends TraceQL as q with limit and the range in unix seconds, and reads the summaries', async () => {
    let params: URLSearchParams | undefined;
    server.use(http.get(`${BASE}/api/search`, ({ request }) => {
      params = new URL(request.url).searchParams;
      return HttpResponse.json(searchBody);
    }));
    const found = await traces().traces.search!({ query: '{ status = error }', service: 'ignored', minDurationMs: 5, limit: 20 }, ctx());
    expect([...params!.entries()]).toEqual([['q', '{ status = error }'], ['limit', '20'], ['start', '1684778000'], ['end', '1684779001']]);
    expect(found).toEqual([
      {
        traceId: '0f3e0cee77ae5dc9c17ade3689eb2e54',
        rootService: 'shop-backend',
        rootName: 'update-billing',
        startMs: expect.closeTo(1_684_778_327_699.39, 1) as number,
        durationMs: 557,
        services: ['shop-backend', 'db'],
        spanCount: 5,
        errorCount: 1,
        matchedSpans: 3,
      },
      { traceId: '00000000000000000000000000000001', rootService: '<root span not yet received>', rootName: '', startMs: 1_684_778_327_000, durationMs: 0 },
    ]);
  });

  it('sends service, operation and tags as logfmt, quoted where needed, with the durations', async () => {
    let params: URLSearchParams | undefined;
    server.use(http.get(`${BASE}/api/search`, ({ request }) => {
      params = new URL(request.url).searchParams;
      return HttpResponse.json({ traces: [], metrics: {} });
    }));
    const found = await traces().traces.search!({ service: 'cart', operation: 'GET /cart items', tags: { 'http.status_code': '500', note: 'say "hi"' }, minDurationMs: 100, maxDurationMs: 1500.5, limit: 5 }, ctx());
    expect(found).toEqual([]);
    expect(params!.get('tags')).toBe('service.name=cart name="GET /cart items" http.status_code=500 note="say \\"hi\\""');
    expect(params!.get('minDuration')).toBe('100ms');
    expect(params!.get('maxDuration')).toBe('1500.5ms');
    expect(params!.has('q')).toBe(false);
  });

  it('says errors only in TraceQL (a tag search cannot), with the filters and trace-duration bounds', async () => {
    let params: URLSearchParams | undefined;
    server.use(http.get(`${BASE}/api/search`, ({ request }) => {
      params = new URL(request.url).searchParams;
      return HttpResponse.json({ traces: [], metrics: {} });
    }));
    await traces().traces.search!({ service: 'cart', operation: 'GET "x"', tags: { 'http.status_code': '500', ok: 'true', route: '/a b', 'my key': 'v' }, minDurationMs: 1000, maxDurationMs: 0.5, errorsOnly: true, limit: 5 }, ctx());
    expect(params!.get('q')).toBe(
      '{ resource.service.name = "cart" && name = "GET \\"x\\"" && .http.status_code = 500 && .ok = true && .route = "/a b" && ."my key" = "v" && status = error && traceDuration >= 1000ms && traceDuration <= 0.5ms }',
    );
    expect(params!.has('tags')).toBe(false);
    expect(params!.has('minDuration')).toBe(false);
  });

  it('keeps a TraceQL query as typed when errors only is also set', async () => {
    let params: URLSearchParams | undefined;
    server.use(http.get(`${BASE}/api/search`, ({ request }) => {
      params = new URL(request.url).searchParams;
      return HttpResponse.json({ traces: [], metrics: {} });
    }));
    await traces().traces.search!({ query: '{ span.x = 1 }', errorsOnly: true, limit: 5 }, ctx());
    expect(params!.get('q')).toBe('{ span.x = 1 }');
  });

  it('reads a body without traces (the most_recent hint) as no results', async () => {
    server.use(http.get(`${BASE}/api/search`, () => HttpResponse.json({ metrics: {} })));
    expect(await traces().traces.search!({ limit: 20 }, ctx())).toEqual([]);
  });

  it("reports an invalid TraceQL query as kind query with Tempo's text", async () => {
    const message = 'invalid TraceQL query: parse error at line 1, col 3: syntax error: unexpected IDENT';
    server.use(http.get(`${BASE}/api/search`, () => text(`${message}\n`, 400)));
    const error = await rejection(traces().traces.search!({ query: '{ x }', limit: 20 }, ctx()));
    expect(error).toMatchObject({ kind: 'query', status: 400, message });
  });

  it('names the field of a malformed summary', async () => {
    server.use(http.get(`${BASE}/api/search`, () => HttpResponse.json({ traces: [{ traceID: 'xyz', startTimeUnixNano: '1' }] })));
    const error = await rejection(traces().traces.search!({ limit: 20 }, ctx()));
    expect(error.kind).toBe('parse');
    expect(error.message).toBe('Unexpected response from Tempo: traces[0].traceID should be a hex trace ID, got the string "xyz"');
  });
});

describe('tempo tag names and values for the search form', () => {
  it('gives v2 tag names in TraceQL form, intrinsics bare', async () => {
    server.use(http.get(`${BASE}/api/v2/search/tags`, () =>
      HttpResponse.json({ scopes: [{ name: 'resource', tags: ['service.name'] }, { name: 'span', tags: ['http.method'] }, { name: 'intrinsic', tags: ['duration', 'status'] }], metrics: {} })));
    expect(await traces().traces.tagNames!(ctx())).toEqual(['duration', 'resource.service.name', 'span.http.method', 'status']);
  });

  it('falls back to the v1 tag endpoints on a Tempo without v2', async () => {
    server.use(
      http.get(`${BASE}/api/v2/search/tags`, () => text('404 page not found\n', 404)),
      http.get(`${BASE}/api/search/tags`, () => HttpResponse.json({ tagNames: ['http.method', 'service.name'] })),
      http.get(`${BASE}/api/v2/search/tag/:tag/values`, () => text('404 page not found\n', 404)),
      http.get(`${BASE}/api/search/tag/:tag/values`, ({ params }) => HttpResponse.json({ tagValues: params.tag === 'service.name' ? ['cart', 'shop'] : [] })),
    );
    const { traces: t } = traces();
    expect(await t.tagNames!(ctx())).toEqual(['http.method', 'service.name']);
    expect(await t.tagValues!('resource.service.name', ctx())).toEqual(['cart', 'shop']);
  });

  it('gives services and one service\'s operations from the v2 tag values, with the range', async () => {
    const asked: string[] = [];
    server.use(http.get(`${BASE}/api/v2/search/tag/:tag/values`, ({ request, params }) => {
      const url = new URL(request.url);
      asked.push(`${String(params.tag)} q=${url.searchParams.get('q')} start=${url.searchParams.get('start')}`);
      return HttpResponse.json(params.tag === 'name'
        ? { tagValues: [{ type: 'string', value: 'GET /' }, { type: 'string', value: 'charge' }] }
        : { tagValues: [{ type: 'string', value: 'shop' }, { type: 'string', value: 'cart' }, { type: 'string', value: 'cart' }] });
    }));
    const { traces: t } = traces();
    expect(await t.services!(ctx())).toEqual(['cart', 'shop']);
    expect(await t.operations!('say "hi"', ctx())).toEqual(['GET /', 'charge']);
    expect(asked).toEqual(['resource.service.name q=null start=1684778000', 'name q={resource.service.name="say \\"hi\\""} start=1684778000']);
  });

  it('reads an empty tag list as empty', async () => {
    server.use(http.get(`${BASE}/api/v2/search/tag/:tag/values`, () => HttpResponse.json({ tagValues: [] })));
    expect(await traces().traces.tagValues!('span.http.method', ctx())).toEqual([]);
  });
});

describe('tempo health', () => {
  it('is healthy when /api/echo answers echo', async () => {
    server.use(http.get(`${BASE}/api/echo`, () => text('echo\n', 200)));
    expect(await traces().ds.health(new AbortController().signal)).toEqual({ ok: true, message: 'Tempo answers /api/echo' });
  });

  it('says what answered instead: an HTML page, or nobody', async () => {
    server.use(http.get(`${BASE}/api/echo`, () => new HttpResponse('<!doctype html><title>Grafana</title>', { headers: { 'Content-Type': 'text/html' } })));
    const page = await traces().ds.health(new AbortController().signal);
    expect(page).toEqual({ ok: false, message: `${BASE}/api/echo answered HTTP 200 with an HTML page; is this Tempo's base URL?` });
    server.use(http.get(`${BASE}/api/echo`, () => HttpResponse.error()));
    const down = await traces().ds.health(new AbortController().signal);
    expect(down.ok).toBe(false);
    expect(down.message).toContain(`Could not reach ${BASE}`);
  });
});
