import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource, QueryCtx } from '../types';
import { createPrometheusDataSource } from './index';

// A mixed fleet (issue 5 #4): `payments` exports a CPU limit, `search` does not. The server answers as a
// real Prometheus holding those series would: CPU ÷ limit only where there is a limit.

const BASE = 'http://fleet.test:9090';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const fetchFn: typeof fetch = (input, init) => globalThis.fetch(input, init);
const T0 = 1_700_000_000_000;
const ctx = (): QueryCtx => ({ range: { from: T0 - 3_600_000, to: T0 }, signal: new AbortController().signal });
const json = (body: JsonBodyType) => HttpResponse.json(body);

const OTEL_BASICS = ['http_server_request_duration_seconds_bucket', 'http_server_request_duration_seconds_count', 'process_cpu_seconds_total'];
const METRICS_OF: Record<string, string[]> = {
  payments: [...OTEL_BASICS, 'process_cpu_limit_cores'],
  search: OTEL_BASICS,
};

async function paramsOf(request: Request): Promise<URLSearchParams> {
  const params = new URL(request.url).searchParams;
  if (request.method === 'POST') for (const [k, v] of new URLSearchParams(await request.text())) params.append(k, v);
  return params;
}

const matrix = (services: readonly string[], value: string) =>
  json({
    status: 'success',
    data: { resultType: 'matrix', result: services.map((s) => ({ metric: { service_name: s }, values: [[T0 / 1000 - 60, value]] })) },
  });

function serveMixedFleet(): void {
  server.use(
    http.get(`${BASE}/api/v1/label/:name/values`, async ({ request, params }) => {
      const match = (await paramsOf(request)).getAll('match[]')[0] ?? '';
      if (params.name === 'service_name') return json({ status: 'success', data: Object.keys(METRICS_OF) });
      if (params.name !== '__name__') return json({ status: 'success', data: [] });
      const one = /^\{service_name="(.*)"\}$/.exec(match)?.[1];
      if (one !== undefined) return json({ status: 'success', data: METRICS_OF[one] ?? [] });
      return json({ status: 'success', data: [...new Set(Object.values(METRICS_OF).flat())].sort() });
    }),
    http.all(`${BASE}/api/v1/query_range`, async ({ request }) => {
      const query = (await paramsOf(request)).get('query') ?? '';
      if (query.includes('process_cpu_limit_cores')) return matrix(['payments'], '0.5');
      if (query.includes('process_cpu_seconds_total')) return matrix(['payments', 'search'], '1.2');
      return matrix([], '0');
    }),
  );
}

function prometheus(): DataSource {
  return createPrometheusDataSource({ uid: 'prom', kind: 'prometheus', name: 'Prometheus', url: `${BASE}/` }, fetchFn);
}

describe('per-service feature detection in a mixed fleet', () => {
  it('gives each service its own saturation form on its dashboard', async () => {
    serveMixedFleet();
    const ds = prometheus();
    expect((await ds.services!.signals('payments', ctx())).queries.saturation?.unit).toBe('percentunit');
    expect((await ds.services!.signals('search', ctx())).queries.saturation?.unit).toBe('cores');
  });

  it('lets every service of the overview find a saturation, the ratio where there is a limit', async () => {
    serveMixedFleet();
    const ds = prometheus();
    const forms = (await ds.services!.overviewQueries(ctx())).filter((q) => q.signal === 'saturation');
    const answers = await Promise.all(forms.map((f) => ds.metrics!.queryRange(f.query, ctx())));
    // The contract: forms come best first, and a service takes the first one whose answer holds it.
    const formOf = (service: string) => forms.find((f, i) => answers[i]!.series.some((s) => s.labels[f.serviceLabel] === service))?.unit;
    expect(formOf('payments')).toBe('percentunit');
    expect(formOf('search')).toBe('cores');
  });

  it('costs one request per form, however many services there are', async () => {
    serveMixedFleet();
    const overview = await prometheus().services!.overviewQueries(ctx());
    expect(overview.map((q) => q.signal)).toEqual(['requestRate', 'errorRatio', 'latencyP50', 'latencyP95', 'latencyP99', 'saturation', 'saturation']);
  });
});
