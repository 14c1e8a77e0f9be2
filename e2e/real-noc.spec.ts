import { expect, test, type Page } from '@playwright/test';
import { DEMO_SILENCE, rulesYaml } from '../src/demo/alerting/rules';
import { startDemoServer, type DemoServer } from '../src/demo/server/nodeServer';
import { startAlertmanager, type RunningAlertmanager } from './servers/alertmanager';
import { startPrometheus, type PrometheusOptions, type RunningPrometheus } from './servers/prometheus';
import { makeTempDir, type TempDir } from './servers/tempDir';

// The wall board on real servers: Debian's Prometheus scrapes the demo server and evaluates the demo's rule
// file, firing into Debian's Alertmanager (clustering off); the built app is pointed at both by config.json.
// Then Prometheus is stopped (tiles turn STALE) and started again on the same port and data (they recover,
// with no reload). This file starts its own stack, so stopping its Prometheus touches no other test.

let demo: DemoServer | undefined;
let alertmanager: RunningAlertmanager | undefined;
let prometheus: RunningPrometheus | undefined;
let tsdb: TempDir | undefined;
let prometheusOptions: PrometheusOptions;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
  alertmanager = await startAlertmanager();
  tsdb = makeTempDir('noc-tsdb');
  prometheusOptions = {
    scrapeTargets: [{ address: new URL(demo.url).host }],
    scrapeIntervalSeconds: 1,
    tsdbPath: tsdb.path,
    // The demo's own rules, with `for` cut to 2 s: a test must not wait the rules' 2 minutes.
    rules: rulesYaml(undefined, '1s', (rule) => Math.min(rule.forSeconds, 2)),
    alertmanager: `127.0.0.1:${alertmanager.port}`,
  };
  prometheus = await startPrometheus(prometheusOptions);
});

// Every server stopped, pass or fail, each even when another one's stop throws.
test.afterAll(async () => {
  const stops = [() => prometheus?.stop(), () => alertmanager?.stop(), () => demo?.close()];
  const outcomes = await Promise.allSettled(stops.map((stop) => stop()));
  tsdb?.remove();
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
});

const REFRESH_MS = 2000;

async function openBoard(page: Page): Promise<void> {
  const config = {
    datasources: [
      // A 1 s scrape interval, so rates need seconds of samples rather than the minute a 15 s one would.
      { uid: 'prom', kind: 'prometheus', name: 'Prometheus (real)', url: prometheus!.url, default: true, options: { scrapeInterval: '1s' } },
      { uid: 'am', kind: 'alertmanager', name: 'Alertmanager (real)', url: alertmanager!.url },
    ],
  };
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }));
  await page.goto(`/noc?refresh=${REFRESH_MS / 1000}s`);
}

const tile = (page: Page, service: string) => page.locator(`[data-testid=noc-tile][data-service="${service}"]`);
const alertItem = (page: Page, name: string) => page.locator(`[data-testid=noc-alert][data-alertname="${name}"]`);

test('a real Prometheus rule fires into a real Alertmanager, and the board shows it; a silence set through the API moves its alert apart', async ({ page }) => {
  await openBoard(page);
  await expect(tile(page, 'payments')).toHaveAttribute('data-state', 'crit', { timeout: 90_000 });
  // No "Demo data" here: these are real servers.
  await expect(page.getByTestId('noc-demo-badge')).toHaveCount(0);

  const paging = page.locator('.noc-alert-list').first();
  await expect(paging.locator('[data-alertname=PaymentsErrorRateHigh]')).toContainText(/CRITICAL PaymentsErrorRateHigh · payments · firing for \d+[sm]/, { timeout: 90_000 });
  await expect(paging.locator('[data-alertname=SearchReindexRunning]')).toBeVisible();
  // One alert reported by both Prometheus and Alertmanager is listed once.
  await expect(alertItem(page, 'PaymentsErrorRateHigh')).toHaveCount(1);

  const now = Date.now();
  const posted = await fetch(`${alertmanager!.url}/api/v2/silences`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...DEMO_SILENCE, matchers: [...DEMO_SILENCE.matchers], startsAt: new Date(now).toISOString(), endsAt: new Date(now + 3_600_000).toISOString() }),
  });
  expect(posted.status).toBe(200);

  const suppressed = page.getByTestId('noc-alerts-suppressed');
  await expect(suppressed).toContainText('1 silenced or inhibited', { timeout: 30_000 });
  await suppressed.locator('summary').click();
  await expect(suppressed.locator('[data-alertname=SearchReindexRunning]')).toContainText('silenced, firing for');
  await expect(paging.locator('[data-alertname=SearchReindexRunning]')).toHaveCount(0);
  await expect(paging.locator('[data-alertname=PaymentsErrorRateHigh]')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('noc-real-alerts.png') });
});

test('stopping the real Prometheus turns the tiles STALE within twice the refresh interval; starting it again recovers them without a reload', async ({ page }) => {
  await openBoard(page);
  const payments = tile(page, 'payments');
  await expect(payments).toHaveAttribute('data-state', 'crit', { timeout: 90_000 });
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  await prometheus!.stop();
  const stoppedAt = Date.now();
  await expect(payments).toHaveAttribute('data-state', 'stale', { timeout: 15_000 });
  // 2 × the refresh interval, plus the board's one-second clock and a refresh that was in flight.
  expect(Date.now() - stoppedAt).toBeLessThan(2 * REFRESH_MS + 4000);
  for (const state of await page.getByTestId('noc-tile').evaluateAll((els) => els.map((el) => el.getAttribute('data-state')))) expect(state).toBe('stale');
  await expect(page.getByTestId('noc-unreachable')).toBeVisible();
  await expect(payments).toContainText(/\ds old/);

  prometheus = await startPrometheus({ ...prometheusOptions, port: prometheus!.port });
  // Refreshes back off while it is down (at most 1 min), so it is heard again within about a minute.
  await expect(payments).toHaveAttribute('data-state', 'crit', { timeout: 90_000 });
  await expect(page.getByTestId('noc-unreachable')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
});
