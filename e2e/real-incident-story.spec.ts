import { expect, test, type APIRequestContext } from '@playwright/test';
import { installClickCounter, runIncidentStory, STORY_VIEWPORT } from './pages/incidentStory';

// The incident story again, across real, separate backends (e2e/servers/realStack.ts): metrics and exemplars
// from a real Prometheus 2.42 scraping the demo server's OpenMetrics, traces from the demo server's Jaeger API
// and logs from its Loki API, each a datasource of its own in config.json. The real clock: the demo server's
// incident began 30 minutes before the stack started, and Prometheus holds only what it scraped since.
test.use({ viewport: STORY_VIEWPORT });

interface ConfiguredDataSource {
  uid: string;
  kind: string;
  name: string;
  url: string;
  access?: string;
}

async function configuredDataSources(request: APIRequestContext): Promise<ConfiguredDataSource[]> {
  const res = await request.get('/config.json');
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { datasources: ConfiguredDataSource[] }).datasources;
}

let pageErrors: string[] = [];

test.beforeEach(async ({ page }) => {
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await installClickCounter(page);
});

test.afterEach(() => {
  expect(pageErrors, 'uncaught page errors').toEqual([]);
});

test.setTimeout(120_000);

test('the incident story across a real Prometheus and the demo server’s Jaeger and Loki', async ({ page, request }) => {
  const sources = await configuredDataSources(request);
  const prometheus = sources.find((s) => s.kind === 'prometheus')!;
  const jaeger = sources.find((s) => s.kind === 'jaeger')!;
  const loki = sources.find((s) => s.kind === 'loki')!;
  expect(new Set([prometheus.url, jaeger.url, loki.url]).size, 'three separate backends').toBe(3);

  // Every request the page makes, by backend: the exemplars must come from Prometheus, the trace from Jaeger,
  // the logs from Loki.
  const asked: string[] = [];
  page.on('request', (r) => asked.push(r.url()));

  const { traceId, clicks } = await runIncidentStory(page, {
    range: 'from=now-5m&to=now',
    traceDatasource: jaeger.name,
    logsDatasource: loki.name,
    screenshots: false,
    checkExemplar: async ({ traceId: id }) => {
      // Real Prometheus holds this exemplar, asked over its HTTP API here, not through the app.
      const end = Date.now() / 1000;
      const res = await request.get(`${prometheus.url}/api/v1/query_exemplars`, {
        params: { query: 'http_server_request_duration_seconds_bucket{service_name="payments"}', start: String(end - 600), end: String(end) },
      });
      expect(res.ok()).toBe(true);
      const body = (await res.json()) as { status: string; data: Array<{ exemplars: Array<{ labels: Record<string, string> }> }> };
      expect(body.status).toBe('success');
      const ids = body.data.flatMap((group) => group.exemplars.map((e) => e.labels['trace_id']));
      expect(ids, `trace ${id} among Prometheus's exemplars`).toContain(id);
      expect(asked.some((u) => u.startsWith(`${prometheus.url}/api/v1/query_exemplars`)), 'the page asked Prometheus for exemplars').toBe(true);
    },
  });

  expect(new URL(page.url()).pathname).toBe('/services/payment-provider');
  // Jaeger and Loki send no CORS headers, so the browser reaches them through the app's /proxy/<uid>/.
  const base = (ds: ConfiguredDataSource) => (ds.access === 'proxy' ? new URL(`/proxy/${ds.uid}`, page.url()).href : ds.url);
  expect(asked.some((u) => u.startsWith(`${base(jaeger)}/api/`) && u.includes(traceId)), 'the trace came from the Jaeger datasource').toBe(true);
  expect(asked.some((u) => u.startsWith(`${base(loki)}/loki/api/v1/query_range`) && decodeURIComponent(u).includes(traceId)), 'the logs came from the Loki datasource').toBe(true);
  console.log(`real incident story clicks per step: ${JSON.stringify(clicks)}`);
  expect(clicks['2 service dashboard'] + clicks['3 trace'] + clicks['4 logs'], JSON.stringify(clicks)).toBeLessThanOrEqual(3);
  expect(clicks).toEqual({ '1 overview': 0, '2 service dashboard': 1, '3 trace': 1, '4 logs': 1, '5 provider signals': 2 });
});
