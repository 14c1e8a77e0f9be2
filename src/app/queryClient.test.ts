import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rangeQueryOptions } from '../datasources/queries';
import { createPrometheusDataSource } from '../datasources/prometheus';
import { createQueryClient } from './queryClient';

const BASE = 'http://hung.test:9090';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const fetchFn: typeof fetch = (input, init) => globalThis.fetch(input, init);
const range = { from: 1_700_000_000_000 - 3_600_000, to: 1_700_000_000_000 };

describe("the app's retry policy", () => {
  it('reports a hung server after one timeout: no second request, no doubled wait', async () => {
    let requests = 0;
    server.use(
      http.get(`${BASE}/api/v1/query_range`, async () => {
        requests++;
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const ds = createPrometheusDataSource({ uid: 'hung', kind: 'prometheus', name: 'Hung', url: BASE, options: { timeoutMs: 100 } }, fetchFn);
    const client = createQueryClient();
    await expect(client.fetchQuery(rangeQueryOptions(ds, 'up', range))).rejects.toMatchObject({ kind: 'timeout' });
    // A retry would have sent a second request after the retry delay, doubling the wait; the count shows
    // it without a timed assertion, which a loaded machine would make flaky.
    expect(requests).toBe(1);
  });

  it('still retries a refused connection once', async () => {
    let requests = 0;
    server.use(
      http.get(`${BASE}/api/v1/query_range`, () => {
        requests++;
        return HttpResponse.error();
      }),
    );
    const ds = createPrometheusDataSource({ uid: 'down', kind: 'prometheus', name: 'Down', url: BASE }, fetchFn);
    const client = createQueryClient();
    await expect(client.fetchQuery({ ...rangeQueryOptions(ds, 'up', range), retryDelay: 0 })).rejects.toMatchObject({ kind: 'network' });
    expect(requests).toBe(2);
  });
});
