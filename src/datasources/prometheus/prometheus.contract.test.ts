import { delay, http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataSourceError } from '../../lib/errors';
import type { DataSource, DataSourceConfig, QueryCtx } from '../types';
import { createPrometheusDataSource } from './index';

// Contract tests: msw serves the exact shapes of shared/reference/datasource-apis.md §1, and the adapter
// must turn each into model output or a readable DataSourceError.

const BASE = 'http://prom.test:9090';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** msw patches globalThis.fetch when it starts listening, so look it up at call time. */
const fetchFn: typeof fetch = (input, init) => globalThis.fetch(input, init);

function prometheus(options?: DataSourceConfig['options']): DataSource {
  return createPrometheusDataSource({ uid: 'prom', kind: 'prometheus', name: 'Prometheus', url: `${BASE}/`, ...(options ? { options } : {}) }, fetchFn);
}

const T0 = 1_700_000_000_000;
const HOUR = 3_600_000;
const ctx = (over: Partial<QueryCtx> = {}): QueryCtx => ({ range: { from: T0 - HOUR, to: T0 }, signal: new AbortController().signal, ...over });

/** GET parameters and form-POST parameters, merged as Prometheus merges them. */
async function paramsOf(request: Request): Promise<URLSearchParams> {
  const params = new URL(request.url).searchParams;
  if (request.method === 'POST') for (const [k, v] of new URLSearchParams(await request.text())) params.append(k, v);
  return params;
}

const json = (body: JsonBodyType, status = 200) => HttpResponse.json(body, { status });

async function rejection(promise: Promise<unknown>): Promise<DataSourceError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DataSourceError);
    return error as DataSourceError;
  }
  throw new Error('expected the call to fail');
}

const MATRIX = {
  status: 'success',
  data: {
    resultType: 'matrix',
    result: [{ metric: { job: 'node' }, values: [[1435781430.781, '0'], [1435781445.781, 'NaN'], [1435781460.781, '+Inf'], [1435781475, '-Inf']] }],
  },
  warnings: ['results truncated due to limit'],
  infos: ['PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "foo" (1:6)'],
};

describe('queryRange', () => {
  it('sends an aligned GET with intervals filled in and returns columnar series with warnings', async () => {
    let seen: { method: string; params: URLSearchParams } | undefined;
    server.use(
      http.all(`${BASE}/api/v1/query_range`, async ({ request }) => {
        seen = { method: request.method, params: await paramsOf(request) };
        return json(MATRIX);
      }),
    );
    const result = await prometheus().metrics!.queryRange('sum(rate(x[$__rate_interval])) / $__interval_ms', ctx({ stepMs: 60_000 }));

    expect(seen?.method).toBe('GET');
    expect(seen?.params.get('query')).toBe('sum(rate(x[1m15s])) / 60000');
    expect(seen?.params.get('step')).toBe('60');
    const start = Number(seen?.params.get('start'));
    const end = Number(seen?.params.get('end'));
    expect(start % 60).toBe(0);
    expect(end % 60).toBe(0);
    expect(end).toBeLessThanOrEqual(T0 / 1000);
    expect(result.stepMs).toBe(60_000);
    expect(result.warnings).toEqual([MATRIX.warnings[0], MATRIX.infos[0]]);
    const values = [...result.series[0]!.values];
    expect(values[0]).toBe(0);
    expect(values[1]).toBeNaN();
    expect(values.slice(2)).toEqual([Infinity, -Infinity]);
    expect([...result.series[0]!.times]).toEqual([1435781430781, 1435781445781, 1435781460781, 1435781475000]);
  });

  it('POSTs a form when the query is too long for a URL', async () => {
    const longQuery = `sum(rate(http_requests_total{handler=~"${Array.from({ length: 300 }, (_, i) => `/api/v${i}`).join('|')}"}[5m]))`;
    let seen: { method: string; contentType: string | null; query: string | null } | undefined;
    server.use(
      http.post(`${BASE}/api/v1/query_range`, async ({ request }) => {
        const params = await paramsOf(request);
        seen = { method: request.method, contentType: request.headers.get('content-type'), query: params.get('query') };
        return json({ status: 'success', data: { resultType: 'matrix', result: [] } });
      }),
    );
    const result = await prometheus().metrics!.queryRange(longQuery, ctx());
    expect(seen).toEqual({ method: 'POST', contentType: 'application/x-www-form-urlencoded', query: longQuery });
    expect(result.series).toEqual([]);
  });

  it('never asks for more than 11,000 points, even over years at a fine step', async () => {
    // This handler applies Prometheus' own rule and answers with its real error when broken.
    server.use(
      http.get(`${BASE}/api/v1/query_range`, async ({ request }) => {
        const p = await paramsOf(request);
        const points = Math.floor((Number(p.get('end')) - Number(p.get('start'))) / Number(p.get('step')));
        if (points > 11_000) {
          return json(
            {
              status: 'error',
              errorType: 'bad_data',
              error: 'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
            },
            400,
          );
        }
        return json({ status: 'success', data: { resultType: 'matrix', result: [] } });
      }),
    );
    const ds = prometheus();
    for (const days of [1, 7, 30, 365, 3650]) {
      const result = await ds.metrics!.queryRange('up', ctx({ range: { from: T0 - days * 24 * HOUR, to: T0 + 123 }, stepMs: 1000 }));
      expect(result.stepMs).toBeGreaterThanOrEqual(15_000);
    }
  });

  it('keeps the first 10,000 of 50,000 series and says how many were dropped', async () => {
    const result = Array.from({ length: 50_000 }, (_, i) => ({ metric: { __name__: 'x', pod: `pod-${i}` }, values: [[1700000000, '1']] }));
    server.use(http.get(`${BASE}/api/v1/query_range`, () => json({ status: 'success', data: { resultType: 'matrix', result } })));
    const out = await prometheus().metrics!.queryRange('x', ctx());
    expect(out.series).toHaveLength(10_000);
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toContain('dropping 40,000');
  });
});

describe('queryInstant', () => {
  it('reads a vector at the end of the range', async () => {
    let time: string | null = null;
    server.use(
      http.get(`${BASE}/api/v1/query`, async ({ request }) => {
        time = (await paramsOf(request)).get('time');
        return json({
          status: 'success',
          data: { resultType: 'vector', result: [{ metric: { __name__: 'up', instance: 'localhost:9090', job: 'prometheus' }, value: [1435781451.781, '1'] }] },
        });
      }),
    );
    const out = await prometheus().metrics!.queryInstant!('up', ctx());
    expect(time).toBe(String(T0 / 1000));
    expect(out.series[0]!.labels.job).toBe('prometheus');
    expect([...out.series[0]!.values]).toEqual([1]);
  });

  it('reads a scalar', async () => {
    server.use(http.get(`${BASE}/api/v1/query`, () => json({ status: 'success', data: { resultType: 'scalar', result: [1435781451.781, '1'] } })));
    const out = await prometheus().metrics!.queryInstant!('1', ctx());
    expect(out.series).toEqual([{ labels: {}, times: Float64Array.of(1435781451781), values: Float64Array.of(1) }]);
  });
});

describe('error mapping', () => {
  const answer = (response: () => Response) => server.use(http.get(`${BASE}/api/v1/query_range`, response));

  it('400 bad_data: a query error with the server text and position', async () => {
    answer(() => json({ status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": 1:5: parse error: unexpected end of input' }, 400));
    const err = await rejection(prometheus().metrics!.queryRange('sum(', ctx()));
    expect(err).toMatchObject({ kind: 'query', status: 400, errorType: 'bad_data' });
    expect(err.message).toBe('invalid parameter "query": 1:5: parse error: unexpected end of input');
  });

  it('422 execution: a query error', async () => {
    answer(() =>
      json({ status: 'error', errorType: 'execution', error: 'found duplicate series for the match group {job="a"} on the right hand-side of the operation' }, 422),
    );
    const err = await rejection(prometheus().metrics!.queryRange('a / on(job) b', ctx()));
    expect(err).toMatchObject({ kind: 'query', status: 422, errorType: 'execution' });
    expect(err.message).toContain('found duplicate series');
  });

  it('503 JSON timeout: a server-side timeout', async () => {
    answer(() => json({ status: 'error', errorType: 'timeout', error: 'query timed out in expression evaluation' }, 503));
    const err = await rejection(prometheus().metrics!.queryRange('x', ctx()));
    expect(err).toMatchObject({ kind: 'timeout', status: 503, errorType: 'timeout' });
    expect(err.message).toBe('Prometheus gave up on the query: query timed out in expression evaluation');
  });

  it('503 text/plain while the TSDB starts: says so', async () => {
    answer(
      () =>
        new HttpResponse('Service Unavailable', {
          status: 503,
          statusText: 'Service Unavailable',
          headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Prometheus-Stopping': 'false' },
        }),
    );
    const err = await rejection(prometheus().metrics!.queryRange('x', ctx()));
    expect(err).toMatchObject({ kind: 'http', status: 503 });
    expect(err.message).toBe(
      'HTTP 503 Service Unavailable: "Service Unavailable". Prometheus answers this while its storage is starting or shutting down; try again shortly.',
    );
  });

  it('HTML 502 page from a proxy: names the page, not its markup', async () => {
    answer(
      () =>
        new HttpResponse('<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n', {
          status: 502,
          headers: { 'Content-Type': 'text/html' },
        }),
    );
    const err = await rejection(prometheus().metrics!.queryRange('x', ctx()));
    expect(err).toMatchObject({ kind: 'http', status: 502 });
    expect(err.message).toBe('HTTP 502 Bad Gateway: the server sent an HTML page instead of JSON ("502 Bad Gateway")');
  });

  it('truncated JSON: a parse error', async () => {
    answer(() => new HttpResponse('{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"no', { headers: { 'Content-Type': 'application/json' } }));
    const err = await rejection(prometheus().metrics!.queryRange('x', ctx()));
    expect(err.kind).toBe('parse');
    expect(err.message).toMatch(/not valid JSON/);
  });

  it('a wrong shape: a parse error naming the field', async () => {
    answer(() => json({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values: [[1, 2]] }] } }));
    const err = await rejection(prometheus().metrics!.queryRange('x', ctx()));
    expect(err.kind).toBe('parse');
    expect(err.message).toContain('data.result[0].values[0][1] should be a sample value string, got number 2');
  });

  it('a dropped connection: a network error', async () => {
    answer(() => HttpResponse.error());
    const err = await rejection(prometheus().metrics!.queryRange('x', ctx()));
    expect(err.kind).toBe('network');
    expect(err.message).toContain(`Could not reach ${BASE}/api/v1/query_range`);
  });

  it('abort cancels the request in flight', async () => {
    let started!: () => void;
    const arrived = new Promise<void>((resolve) => (started = resolve));
    server.use(
      http.get(`${BASE}/api/v1/query_range`, async () => {
        started();
        await delay('infinite');
        return json(MATRIX);
      }),
    );
    const controller = new AbortController();
    const pending = prometheus().metrics!.queryRange('x', ctx({ signal: controller.signal }));
    await arrived;
    controller.abort();
    const err = await rejection(pending);
    expect(err.kind).toBe('aborted');
  });

  it('gives up after options.timeoutMs', async () => {
    server.use(
      http.get(`${BASE}/api/v1/query_range`, async () => {
        await delay('infinite');
        return json(MATRIX);
      }),
    );
    const err = await rejection(prometheus({ timeoutMs: 50 }).metrics!.queryRange('x', ctx()));
    expect(err.kind).toBe('timeout');
  });
});

describe('exemplars, labels and metadata endpoints', () => {
  it('reads exemplars with normalised trace IDs', async () => {
    let query: string | null = null;
    server.use(
      http.get(`${BASE}/api/v1/query_exemplars`, async ({ request }) => {
        query = (await paramsOf(request)).get('query');
        return json({
          status: 'success',
          data: [
            {
              seriesLabels: { __name__: 'http_request_duration_seconds_bucket', job: 'api', le: '0.5' },
              exemplars: [{ labels: { trace_id: '4bf92f3577b34da6a3ce929d0e0e4736' }, value: '0.37', timestamp: 1600096945.479 }],
            },
            {
              seriesLabels: { __name__: 'traces_spanmetrics_latency_bucket', le: '1' },
              exemplars: [{ labels: { traceID: '7b34da6a3ce929d0e0e4736' }, value: '0.9', timestamp: 1600096946 }],
            },
          ],
        });
      }),
    );
    const out = await prometheus().metrics!.exemplars!('sum(rate(http_request_duration_seconds_bucket[$__rate_interval]))', ctx());
    expect(query).toBe('sum(rate(http_request_duration_seconds_bucket[1m]))');
    expect(out.map((e) => e.traceId)).toEqual(['4bf92f3577b34da6a3ce929d0e0e4736', '0000000007b34da6a3ce929d0e0e4736']);
    expect(out[0]).toMatchObject({ time: 1600096945479, value: 0.37, seriesLabels: { job: 'api', le: '0.5' } });
  });

  it('reads label values, escaping dotted names and passing match[]', async () => {
    let seen: { name: string | readonly string[] | undefined; match: string[] } | undefined;
    server.use(
      http.get(`${BASE}/api/v1/label/:name/values`, async ({ request, params }) => {
        seen = { name: params.name, match: (await paramsOf(request)).getAll('match[]') };
        return json({ status: 'success', data: ['200', '500'] });
      }),
    );
    const out = await prometheus().metrics!.labelValues!('http.status_code', ctx(), ['http_requests_total']);
    expect(out).toEqual(['200', '500']);
    expect(seen).toEqual({ name: 'U__http_2e_status__code', match: ['http_requests_total'] });
  });

  it('reads label names, and rejects a non-string entry', async () => {
    server.use(http.get(`${BASE}/api/v1/labels`, () => json({ status: 'success', data: ['__name__', 'instance', 'job'] })));
    expect(await prometheus().metrics!.labelNames!(ctx())).toEqual(['__name__', 'instance', 'job']);
    server.use(http.get(`${BASE}/api/v1/labels`, () => json({ status: 'success', data: ['job', 7] })));
    expect((await rejection(prometheus().metrics!.labelNames!(ctx()))).message).toContain('data[1] should be a string');
  });

  it('reads label names of the series a match[] selects', async () => {
    let match: string[] = [];
    server.use(
      http.all(`${BASE}/api/v1/labels`, async ({ request }) => {
        match = (await paramsOf(request)).getAll('match[]');
        return json({ status: 'success', data: ['__name__', 'job'] });
      }),
    );
    expect(await prometheus().metrics!.labelNames!(ctx(), ['up{job="prometheus"}'])).toEqual(['__name__', 'job']);
    expect(match).toEqual(['up{job="prometheus"}']);
  });

  it('reads series label sets for match[] over the range, passing limit', async () => {
    let seen: URLSearchParams | undefined;
    server.use(
      http.all(`${BASE}/api/v1/series`, async ({ request }) => {
        seen = await paramsOf(request);
        return json({ status: 'success', data: [{ __name__: 'up', instance: 'localhost:9090', job: 'prometheus' }] });
      }),
    );
    const out = await prometheus().metrics!.series!(['up', 'process_start_time_seconds{job="prometheus"}'], ctx(), 50);
    expect(out).toEqual([{ __name__: 'up', instance: 'localhost:9090', job: 'prometheus' }]);
    expect(seen?.getAll('match[]')).toEqual(['up', 'process_start_time_seconds{job="prometheus"}']);
    expect(Number(seen?.get('start'))).toBe((T0 - HOUR) / 1000);
    expect(Number(seen?.get('end'))).toBe(T0 / 1000);
    expect(seen?.get('limit')).toBe('50');
  });

  it('series: an empty answer is an empty list, a bad label value names the field, a missing match[] is a query error', async () => {
    server.use(http.all(`${BASE}/api/v1/series`, () => json({ status: 'success', data: [] })));
    expect(await prometheus().metrics!.series!(['nothing_here'], ctx())).toEqual([]);
    server.use(http.all(`${BASE}/api/v1/series`, () => json({ status: 'success', data: [{ job: 'api', le: 0.5 }] })));
    expect((await rejection(prometheus().metrics!.series!(['x'], ctx()))).message).toContain('data[0].le should be a string');
    server.use(
      http.all(`${BASE}/api/v1/series`, () => json({ status: 'error', errorType: 'bad_data', error: 'no match[] parameter provided' }, 400)),
    );
    const error = await rejection(prometheus().metrics!.series!([], ctx()));
    expect(error.kind).toBe('query');
    expect(error.message).toContain('no match[] parameter provided');
  });

  it('reads metric metadata by name, with and without a metric filter', async () => {
    const metrics: (string | null)[] = [];
    server.use(
      http.get(`${BASE}/api/v1/metadata`, ({ request }) => {
        metrics.push(new URL(request.url).searchParams.get('metric'));
        return json({
          status: 'success',
          data: {
            http_requests_total: [{ type: 'counter', help: 'Number of HTTP requests', unit: '' }],
            go_goroutines: [
              { type: 'gauge', help: 'Number of goroutines that currently exist.', unit: '' },
              { type: 'gauge', help: 'Goroutines.', unit: '' },
            ],
          },
        });
      }),
    );
    const out = await prometheus().metrics!.metadata!(new AbortController().signal);
    expect(out.http_requests_total).toEqual([{ type: 'counter', help: 'Number of HTTP requests', unit: '' }]);
    expect(out.go_goroutines).toHaveLength(2);
    await prometheus().metrics!.metadata!(new AbortController().signal, 'http_requests_total');
    expect(metrics).toEqual([null, 'http_requests_total']);
  });

  it('metadata: an empty answer is an empty record, an entry without a type names the field', async () => {
    server.use(http.get(`${BASE}/api/v1/metadata`, () => json({ status: 'success', data: {} })));
    expect(await prometheus().metrics!.metadata!(new AbortController().signal)).toEqual({});
    server.use(http.get(`${BASE}/api/v1/metadata`, () => json({ status: 'success', data: { up: [{ help: 'x', unit: '' }] } })));
    expect((await rejection(prometheus().metrics!.metadata!(new AbortController().signal))).message).toContain('data.up[0].type should be a string');
  });

  it('series and metadata pass the caller\'s signal: abort cancels them', async () => {
    server.use(
      http.all(`${BASE}/api/v1/series`, async () => {
        await delay('infinite');
        return json({ status: 'success', data: [] });
      }),
      http.get(`${BASE}/api/v1/metadata`, async () => {
        await delay('infinite');
        return json({ status: 'success', data: {} });
      }),
    );
    const controller = new AbortController();
    const pending = [prometheus().metrics!.series!(['up'], ctx({ signal: controller.signal })), prometheus().metrics!.metadata!(controller.signal)];
    controller.abort();
    for (const p of pending) expect((await rejection(p)).kind).toBe('aborted');
  });
});

describe('health', () => {
  it('is ok with the version from buildinfo', async () => {
    server.use(
      http.get(`${BASE}/api/v1/status/buildinfo`, () =>
        json({ status: 'success', data: { version: '3.5.0', revision: 'abc', branch: 'HEAD', buildUser: 'root@host', buildDate: '20250101-10:00:00', goVersion: 'go1.24.1' } }),
      ),
    );
    expect(await prometheus().health(new AbortController().signal)).toEqual({ ok: true, message: 'Prometheus 3.5.0' });
  });

  it('is not ok, with a reason, while the TSDB starts', async () => {
    server.use(http.get(`${BASE}/api/v1/status/buildinfo`, () => new HttpResponse('Service Unavailable', { status: 503, headers: { 'Content-Type': 'text/plain' } })));
    const health = await prometheus().health(new AbortController().signal);
    expect(health.ok).toBe(false);
    expect(health.message).toContain('storage is starting');
  });

  it('falls back to a trivial query on servers without buildinfo', async () => {
    server.use(
      http.get(`${BASE}/api/v1/status/buildinfo`, () => new HttpResponse('404 page not found', { status: 404, headers: { 'Content-Type': 'text/plain' } })),
      http.get(`${BASE}/api/v1/query`, () => json({ status: 'success', data: { resultType: 'scalar', result: [1700000000, '1'] } })),
    );
    expect(await prometheus().health(new AbortController().signal)).toEqual({ ok: true, message: 'Answers queries (no build info endpoint)' });
  });
});

describe('services', () => {
  /** A datasource holding six OTel services and one classic one, answering label-value lookups. */
  function serveCatalog(): string[] {
    const calls: string[] = [];
    server.use(
      http.get(`${BASE}/api/v1/label/:name/values`, async ({ request, params }) => {
        const match = (await paramsOf(request)).getAll('match[]');
        calls.push(`${String(params.name)} ${match.join(' ')}`);
        if (params.name === 'service_name') return json({ status: 'success', data: ['payments', 'api-gateway'] });
        if (params.name === 'job') return json({ status: 'success', data: ['inventory'] });
        if (params.name !== '__name__') return json({ status: 'success', data: [] });
        const m = match[0] ?? '';
        if (m === '{service_name="payments"}') {
          return json({
            status: 'success',
            data: ['http_client_request_duration_seconds_count', 'http_server_request_duration_seconds_bucket', 'http_server_request_duration_seconds_count', 'process_cpu_limit_cores', 'process_cpu_seconds_total'],
          });
        }
        if (m === '{job="inventory"}') return json({ status: 'success', data: ['http_request_duration_seconds_bucket', 'http_requests_total', 'process_cpu_seconds_total'] });
        if (m.startsWith('{__name__=~')) {
          return json({ status: 'success', data: ['http_requests_total', 'http_server_request_duration_seconds_count', 'process_cpu_limit_cores', 'process_cpu_seconds_total'] });
        }
        return json({ status: 'success', data: [] });
      }),
    );
    return calls;
  }

  it('lists services from both conventions via label values', async () => {
    const calls = serveCatalog();
    expect(await prometheus().services!.listServices(ctx())).toEqual(['api-gateway', 'inventory', 'payments']);
    expect(calls.sort()).toEqual(['job http_requests_total', 'service_name http_server_request_duration_seconds_count']);
  });

  it('detects OTel with downstream calls and CPU limit', async () => {
    serveCatalog();
    const signals = await prometheus().services!.signals('payments', ctx());
    expect(signals.convention).toBe('otel');
    expect(signals.queries.saturation?.unit).toBe('percentunit');
    expect(signals.queries.downstreamRate?.query).toContain('http_client_request_duration_seconds_count{service_name="payments"}');
  });

  it('detects classic and falls back to raw cores without a CPU limit', async () => {
    serveCatalog();
    const signals = await prometheus().services!.signals('inventory', ctx());
    expect(signals.convention).toBe('classic');
    expect(signals.queries.requestRate?.query).toBe('sum(rate(http_requests_total{job="inventory"}[$__rate_interval]))');
    expect(signals.queries.saturation?.unit).toBe('cores');
  });

  it('lets config override the convention', async () => {
    serveCatalog();
    const signals = await prometheus({ conventions: { payments: 'classic' } }).services!.signals('payments', ctx());
    expect(signals.convention).toBe('classic');
    expect(signals.queries.requestRate?.query).toContain('http_requests_total{job="payments"}');
  });

  it('returns overview queries for every convention present', async () => {
    serveCatalog();
    const overview = await prometheus().services!.overviewQueries(ctx());
    // Five core signals, and saturation both as a ratio (payments has a limit) and as cores (inventory has none).
    expect(overview.filter((q) => q.serviceLabel === 'service_name')).toHaveLength(7);
    expect(overview.filter((q) => q.serviceLabel === 'job')).toHaveLength(7);
    expect(overview.find((q) => q.serviceLabel === 'job' && q.signal === 'requestRate')?.query).toBe(
      'topk(1000, sum by (job) (rate(http_requests_total{job!="", service_name=""}[$__rate_interval])))',
    );
  });
});

describe('configuration', () => {
  it('rejects a bad scrape interval naming the option', () => {
    expect(() => prometheus({ scrapeInterval: 'often' })).toThrow(/options\.scrapeInterval/);
    expect(() => prometheus({ maxResponseMB: 'lots' })).toThrow(/options\.maxResponseMB/);
  });

  it('caps a response at options.maxResponseMB and says so', async () => {
    const result = Array.from({ length: 20_000 }, (_, i) => ({ metric: { pod: `pod-${i}` }, values: [[1700000000, '1']] }));
    server.use(http.get(`${BASE}/api/v1/query_range`, () => json({ status: 'success', data: { resultType: 'matrix', result } })));
    const err = await rejection(prometheus({ maxResponseMB: 0.5 }).metrics!.queryRange('x', ctx()));
    expect(err.kind).toBe('parse');
    expect(err.message).toMatch(/^Response too large \(> 0\.5 MB\)/);
  });

  it('raises the minimum step to the configured scrape interval', async () => {
    let step: string | null = null;
    server.use(
      http.get(`${BASE}/api/v1/query_range`, async ({ request }) => {
        step = (await paramsOf(request)).get('step');
        return json({ status: 'success', data: { resultType: 'matrix', result: [] } });
      }),
    );
    const out = await prometheus({ scrapeInterval: '1m' }).metrics!.queryRange('up', ctx({ stepMs: 15_000 }));
    expect(step).toBe('60');
    expect(out.stepMs).toBe(60_000);
  });
});
