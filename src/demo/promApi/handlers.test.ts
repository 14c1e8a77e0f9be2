import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySource, regularSamples } from '../promql/testSource';
import { createPrometheusHandlers } from './handlers';

const T0 = 1_700_000_000_000; // epoch-aligned to 15 s
const source = createMemorySource(
  [
    {
      labels: { __name__: 'http_requests_total', job: 'api', code: '200' },
      samples: regularSamples(T0, 15_000, [0, 15, 30, 45, 60, 75, 90]),
    },
    {
      labels: { __name__: 'http_requests_total', job: 'api', code: '500' },
      samples: regularSamples(T0, 15_000, [0, 1, 2, 3, 4, 5, 6]),
    },
    {
      labels: { __name__: 'lat_bucket', job: 'api', le: '+Inf' },
      samples: regularSamples(T0, 15_000, [1, 2]),
      exemplars: [{ labels: { trace_id: '4bf92f3577b34da6a3ce929d0e0e4736' }, value: 0.37, timeMs: T0 + 5_050 }],
    },
    { labels: { __name__: 'weird', job: 'x<y' }, samples: [[T0, NaN], [T0 + 15_000, Infinity], [T0 + 30_000, 1e-7]] },
  ],
  { metadata: { http_requests_total: { type: 'counter', help: 'Requests.', unit: '' }, lat: { type: 'histogram', help: 'Latency.', unit: 'seconds' } } },
);

const server = setupServer(...createPrometheusHandlers(source, { basePath: '/prometheus', now: () => T0 + 90_000 }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const BASE = 'http://demo.local/prometheus/api/v1';
const S0 = T0 / 1000;

async function get(path: string, init?: RequestInit): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(`${BASE}${path}`, init);
  return { status: res.status, body: await res.json(), headers: res.headers };
}

describe('query_range', () => {
  it('answers a matrix sorted by labels with string values and second timestamps', async () => {
    const { status, body, headers } = await get(`/query_range?query=${encodeURIComponent('rate(http_requests_total[1m])')}&start=${S0 + 60}&end=${S0 + 90}&step=15s`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json');
    expect(body).toEqual({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          { metric: { code: '200', job: 'api' }, values: [[S0 + 60, '1'], [S0 + 75, '1'], [S0 + 90, '1']] },
          { metric: { code: '500', job: 'api' }, values: [[S0 + 60, '0.06666666666666667'], [S0 + 75, '0.06666666666666667'], [S0 + 90, '0.06666666666666667']] },
        ],
      },
    });
  });

  it('accepts POST form bodies, RFC3339 times and float steps', async () => {
    const start = new Date(T0).toISOString();
    const { status, body } = await get('/query_range', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: 'weird', start, end: String(S0 + 30), step: '15' }).toString(),
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'success',
      data: { resultType: 'matrix', result: [{ metric: { __name__: 'weird', job: 'x<y' }, values: [[S0, 'NaN'], [S0 + 15, '+Inf'], [S0 + 30, '1e-07']] }] },
    });
  });

  it('writes fractional timestamps with exactly three decimals in the raw body', async () => {
    const res = await fetch(`${BASE}/query_range?query=1&start=${S0}.05&end=${S0}.05&step=1`);
    expect(await res.text()).toBe(`{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[${S0}.050,"1"]]}]}}`);
  });

  it.each([
    ['query=up&start=x&end=1&step=1', 'invalid parameter "start": cannot parse "x" to a valid timestamp'],
    ['query=up&start=2&end=1&step=1', 'invalid parameter "end": end timestamp must not be before start time'],
    ['query=up&start=1&end=2&step=0', 'invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer'],
    ['query=up&start=1&end=2&step=abc', 'invalid parameter "step": cannot parse "abc" to a valid duration'],
    ['query=up&start=0&end=11001&step=1', 'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)'],
    ['query=sum(&start=1&end=2&step=1', 'invalid parameter "query": 1:5: parse error: unclosed left parenthesis'],
    ['query=&start=1&end=2&step=1', 'invalid parameter "query": 1:1: parse error: no expression found in input'],
    ['query=predict_linear(x[5m],1)&start=1&end=2&step=1', 'invalid parameter "query": unsupported by the Watchfloor demo: function "predict_linear"'],
  ])('%s → bad_data', async (qs, error) => {
    const { status, body } = await get(`/query_range?${qs.replace('[', '%5B').replace(']', '%5D')}`);
    expect(status).toBe(400);
    expect(body).toEqual({ status: 'error', errorType: 'bad_data', error });
  });

  it('allows exactly 11,000 steps', async () => {
    expect((await get('/query_range?query=1&start=0&end=11000&step=1')).status).toBe(200);
  });

  it('reports evaluation errors as execution / 422', async () => {
    const { status, body } = await get(`/query_range?query=${encodeURIComponent('http_requests_total + on(job) http_requests_total')}&start=${S0}&end=${S0}&step=1`);
    expect(status).toBe(422);
    expect(body).toMatchObject({ status: 'error', errorType: 'execution' });
  });

  it('truncates with a warning when limit is set', async () => {
    const { body } = await get(`/query_range?query=http_requests_total&start=${S0}&end=${S0}&step=1&limit=1`);
    expect(body).toEqual({
      status: 'success',
      data: { resultType: 'matrix', result: [{ metric: { __name__: 'http_requests_total', code: '200', job: 'api' }, values: [[S0, '0']] }] },
      warnings: ['results truncated due to limit'],
    });
  });
});

describe('query', () => {
  it('answers vectors at `time`, defaulting to now', async () => {
    expect((await get(`/query?query=${encodeURIComponent('sum(http_requests_total)')}&time=${S0 + 30}`)).body).toEqual({
      status: 'success',
      data: { resultType: 'vector', result: [{ metric: {}, value: [S0 + 30, '32'] }] },
    });
    expect((await get(`/query?query=${encodeURIComponent('sum(http_requests_total)')}`)).body).toEqual({
      status: 'success',
      data: { resultType: 'vector', result: [{ metric: {}, value: [S0 + 90, '96'] }] },
    });
  });

  it('answers scalars and empty vectors', async () => {
    expect((await get(`/query?query=${encodeURIComponent('1 / 0')}&time=${S0}`)).body).toEqual({
      status: 'success',
      data: { resultType: 'scalar', result: [S0, '+Inf'] },
    });
    expect((await get(`/query?query=nothing&time=${S0}`)).body).toEqual({ status: 'success', data: { resultType: 'vector', result: [] } });
  });

  it('rejects a bad time', async () => {
    expect((await get('/query?query=1&time=soon')).body).toEqual({
      status: 'error',
      errorType: 'bad_data',
      error: 'invalid parameter "time": cannot parse "soon" to a valid timestamp',
    });
  });
});

describe('query_exemplars', () => {
  it('returns exemplars of every selector in the query', async () => {
    const q = encodeURIComponent('histogram_quantile(0.9, rate(lat_bucket[5m]))');
    expect((await get(`/query_exemplars?query=${q}&start=${S0}&end=${S0 + 60}`)).body).toEqual({
      status: 'success',
      data: [
        {
          seriesLabels: { __name__: 'lat_bucket', job: 'api', le: '+Inf' },
          exemplars: [{ labels: { trace_id: '4bf92f3577b34da6a3ce929d0e0e4736' }, value: '0.37', timestamp: S0 + 5.05 }],
        },
      ],
    });
  });

  it('answers [] when nothing matches and omits data without selectors', async () => {
    expect((await get(`/query_exemplars?query=up&start=${S0}&end=${S0 + 60}`)).body).toEqual({ status: 'success', data: [] });
    expect((await get(`/query_exemplars?query=1&start=${S0}&end=${S0 + 60}`)).body).toEqual({ status: 'success' });
  });
});

describe('labels, label values, series', () => {
  it('lists label names, optionally by match[]', async () => {
    expect((await get('/labels')).body).toEqual({ status: 'success', data: ['__name__', 'code', 'job', 'le'] });
    expect((await get(`/labels?match[]=${encodeURIComponent('lat_bucket')}`)).body).toEqual({ status: 'success', data: ['__name__', 'job', 'le'] });
  });

  it('lists label values, including U__-escaped names and limits', async () => {
    expect((await get('/label/job/values')).body).toEqual({ status: 'success', data: ['api', 'x<y'] });
    expect((await get('/label/U__job/values')).body).toEqual({ status: 'success', data: ['api', 'x<y'] });
    expect((await get('/label/nope/values')).body).toEqual({ status: 'success', data: [] });
    expect((await get('/label/__name__/values?limit=1')).body).toEqual({
      status: 'success',
      data: ['http_requests_total'],
      warnings: ['results truncated due to limit'],
    });
    expect((await get('/label/bad-name/values')).body).toEqual({ status: 'error', errorType: 'bad_data', error: 'invalid label name: "bad-name"' });
  });

  it('requires match[] for series and unions the sets', async () => {
    expect(await get('/series')).toMatchObject({ status: 400, body: { status: 'error', errorType: 'bad_data', error: 'no match[] parameter provided' } });
    const { body } = await get(`/series?match[]=${encodeURIComponent('http_requests_total{code="500"}')}&match[]=lat_bucket`);
    expect(body).toEqual({
      status: 'success',
      data: [
        { __name__: 'http_requests_total', code: '500', job: 'api' },
        { __name__: 'lat_bucket', job: 'api', le: '+Inf' },
      ],
    });
    expect((await get(`/series?match[]=${encodeURIComponent('{job=~"a"')}`)).body).toMatchObject({ errorType: 'bad_data' });
  });

  it('accepts POST for series', async () => {
    const { body } = await get('/series', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'match%5B%5D=weird',
    });
    expect(body).toEqual({ status: 'success', data: [{ __name__: 'weird', job: 'x<y' }] });
  });
});

describe('metadata and buildinfo', () => {
  it('serves metadata by metric family', async () => {
    expect((await get('/metadata')).body).toEqual({
      status: 'success',
      data: {
        http_requests_total: [{ type: 'counter', help: 'Requests.', unit: '' }],
        lat: [{ type: 'histogram', help: 'Latency.', unit: 'seconds' }],
      },
    });
    expect((await get('/metadata?metric=lat')).body).toEqual({ status: 'success', data: { lat: [{ type: 'histogram', help: 'Latency.', unit: 'seconds' }] } });
    expect((await get('/metadata?limit=x')).body).toEqual({ status: 'error', errorType: 'bad_data', error: 'limit must be a number' });
  });

  it('serves buildinfo', async () => {
    const res = await fetch(`${BASE}/status/buildinfo`);
    expect(await res.text()).toBe(
      '{"status":"success","data":{"version":"2.42.0","revision":"watchfloor-demo","branch":"HEAD","buildUser":"watchfloor@demo","buildDate":"20230201-00:00:00","goVersion":"go1.19.5"}}',
    );
  });
});

describe('CORS', () => {
  it('answers preflight with 204 and adds headers when Origin is sent', async () => {
    const pre = await fetch(`${BASE}/query_range`, { method: 'OPTIONS', headers: { Origin: 'http://app' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    const plain = await fetch(`${BASE}/labels`);
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Origin');
  });
});

describe('base path', () => {
  it('serves */api/v1 when basePath is empty', async () => {
    const bare = setupServer(...createPrometheusHandlers(source, { basePath: '', now: () => T0 }));
    server.close();
    bare.listen({ onUnhandledRequest: 'error' });
    try {
      const res = await fetch('http://127.0.0.1:9999/api/v1/label/job/values');
      expect(await res.json()).toEqual({ status: 'success', data: ['api', 'x<y'] });
    } finally {
      bare.close();
      server.listen({ onUnhandledRequest: 'error' });
    }
  });
});
