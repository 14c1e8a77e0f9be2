/**
 * The "real Prometheus" stack for the end-to-end tests, run as a Playwright webServer:
 * the demo HTTP server as a scrape target, a real Prometheus (Debian's) scraping it every second, and the
 * built app served from dist/ with a config.json that points at that Prometheus — the same build the demo
 * tests use, re-pointed at run time as a user would. Usage: `tsx e2e/servers/realStack.ts <port>`.
 *
 * No process may outlive the stack: it stops Prometheus on SIGTERM/SIGINT/SIGHUP and when its stdin
 * pipe from Playwright closes, and Prometheus carries a parent-death signal (childProcess.ts) for
 * when this process is SIGKILLed, which is what Playwright does to a webServer's process group
 * without `gracefulShutdown`.
 */
import { fstatSync } from 'node:fs';
import { startDemoServer } from '../../src/demo/server/nodeServer';
import { serveDist } from '../../scripts/serve-dist';
import { queryPrometheus } from './prometheusApi';
import { startPrometheus } from './prometheus';
import { waitFor, waitForHttpOk } from './waitFor';

const port = Number(process.argv[2] ?? 4174);
// The demo project's webServer builds dist/ first; wait for it so we never serve a stale or half-written build.
const demoPreview = process.env.WATCHFLOOR_DEMO_PREVIEW ?? `http://127.0.0.1:${process.env.E2E_DEMO_PORT ?? 4173}`;

/** The demo server's trace and log APIs, each a datasource of its own. */
const TRACE_AND_LOG_SOURCES = [
  { uid: 'demo-server-jaeger', kind: 'jaeger', name: 'Jaeger (demo server)', url: (demo: string) => `${demo}/jaeger` },
  { uid: 'demo-server-loki', kind: 'loki', name: 'Loki (demo server)', url: (demo: string) => demo },
] as const;

async function main(): Promise<void> {
  await waitForHttpOk(demoPreview, { timeoutMs: 300_000, intervalMs: 500 });
  // The incident story (e2e/real-incident-story.spec.ts) needs the provider timeout under way for the whole run,
  // whatever the minute of the hour: it begins 30 minutes before the stack starts (85 % of checkouts hang from
  // 18 minutes in until 2 h 24 min in; scenarios.ts), so real Prometheus scrapes nothing but the incident.
  const demo = await startDemoServer({ port: 0, host: '127.0.0.1', incidentStartMs: Date.now() - 30 * 60_000 });
  const prometheus = await startPrometheus({ scrapeTargets: [{ address: new URL(demo.url).host }], scrapeIntervalSeconds: 1 });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await prometheus.stop();
    await demo.close();
    process.exit(0);
  };
  // `on`, not `once`: the group's SIGTERM (Playwright's gracefulShutdown) can arrive twice, directly
  // and relayed by tsx, and a second one without a listener would kill us mid-teardown.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => void stop());
  // Playwright holds the write end of our stdin; end-of-file means it is gone without a teardown.
  if (fstatSync(0).isFIFO()) {
    process.stdin.on('end', () => void stop());
    process.stdin.resume();
  }

  // Rates over $__rate_interval (4 × the 15 s scrape interval declared below) need a minute of samples:
  // wait until Prometheus holds at least 65 scrapes of the demo target.
  await waitFor(
    async () => {
      const r = await queryPrometheus(prometheus.url, '/api/v1/query', { query: 'count_over_time(up{job="demo-0"}[5m]) >= 65' });
      return r.status === 'success' && (r.data as { result: unknown[] }).result.length > 0 ? true : undefined;
    },
    { description: '65 scrapes of the demo server', timeoutMs: 150_000, intervalMs: 1000, diagnostics: prometheus.recentOutput },
  );

  // The demo server exposes OpenMetrics with exemplars and Prometheus runs with exemplar storage
  // (prometheus.ts): the incident story's exemplars must come from Prometheus, so wait until it holds some.
  await waitFor(
    async () => {
      const end = Date.now() / 1000;
      const r = await queryPrometheus(prometheus.url, '/api/v1/query_exemplars', {
        query: 'http_server_request_duration_seconds_bucket{service_name="payments"}',
        start: String(end - 300),
        end: String(end),
      });
      return r.status === 'success' && (r.data as unknown[]).length > 0 ? true : undefined;
    },
    { description: "payments' exemplars in Prometheus", timeoutMs: 60_000, intervalMs: 1000, diagnostics: prometheus.recentOutput },
  );

  const configJson = {
    datasources: [
      {
        uid: 'prom',
        kind: 'prometheus',
        name: 'Prometheus (real)',
        url: prometheus.url,
        default: true,
        options: { scrapeInterval: '15s' },
      },
      // The demo server's trace and log APIs as datasources of their own, beside the real Prometheus, so the
      // drill-down links cross real, separate backends. Jaeger's `/api/...` hangs off `/jaeger`, and Loki's
      // `/loki/api/v1/...` off the server's root, as off a real Loki's base URL. Through the proxy, as the
      // README configures a real Jaeger and Loki: neither sends CORS headers, and Loki's categorize-labels
      // header would need a preflight.
      ...TRACE_AND_LOG_SOURCES.map((s) => ({ ...s, url: s.url(demo.url), access: 'proxy' })),
    ],
  };
  const proxies = Object.fromEntries(TRACE_AND_LOG_SOURCES.map((s) => [s.uid, s.url(demo.url)]));
  await serveDist({ dir: 'dist', port, configJson, proxies });
  console.log(`real stack ready: app http://127.0.0.1:${port}, prometheus ${prometheus.url}, demo ${demo.url}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
