import { expect, test } from '@playwright/test';
import { startClockAt } from './pages/fixedClock';
import { failOnPageErrors } from './pages/pageErrors';
import { LogsPage } from './pages/LogsPage';
import { ServiceDashboardPage } from './pages/ServiceDashboardPage';

// Cross-signal links on the demo's payment-provider incident: a trace's "Logs for this trace" lists the
// provider-timeout lines of that trace; the provider span's "Golden Signals for this service" opens the
// provider's dashboard centred on the span. Screenshots go to test-results/links/ (look at them).
const SHOTS = 'test-results/links';
const INCIDENT_ERRORS = '{service_name="payments", level="error"} |= "payment provider timeout"';

failOnPageErrors((page) => startClockAt(page));

test("a trace's logs and its provider span's Golden Signals, from the incident trace", async ({ page }) => {
  // The incident trace, from one of its timeout lines (its trace link names the trace datasource).
  const logs = new LogsPage(page);
  await logs.open(INCIDENT_ERRORS);
  const traceLink = logs.rows.first().getByTestId('log-trace-link');
  await expect(traceLink).toBeVisible({ timeout: 60_000 });
  const href = new URL((await traceLink.getAttribute('href'))!, 'http://x');
  const traceId = /^\/traces\/([0-9a-f]{32})$/.exec(href.pathname)![1]!;
  expect(href.searchParams.get('ds')).toBe('demo-jaeger');
  const lineTimeMs = (Number(href.searchParams.get('from')) + Number(href.searchParams.get('to'))) / 2;
  await traceLink.click();
  await expect(page.getByTestId('span-row').filter({ hasText: 'payment-provider' }).first()).toBeVisible({ timeout: 60_000 });

  // 1. Logs for this trace: the log explorer lists the provider timeouts carrying this trace ID, and only its lines.
  const logsLink = page.getByRole('link', { name: 'Logs for this trace' });
  await expect(logsLink).toHaveAttribute('data-link-kind', 'trace-logs');
  await page.screenshot({ path: `${SHOTS}/trace-header-links.png` });
  await logsLink.click();
  await expect(page).toHaveURL(/\/explore\/logs\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get('ds')).toBe('demo-loki');
  expect(url.searchParams.get('q')).toBe(`{service_name=~".+"} | trace_id="${traceId}"`);
  // The window: the trace's, padded by at least a minute each side.
  expect(Number(url.searchParams.get('to')) - Number(url.searchParams.get('from'))).toBeGreaterThanOrEqual(120_000);
  await expect(logs.rows.first()).toBeVisible({ timeout: 60_000 });
  await logs.settled();
  await expect(logs.rows.filter({ hasText: 'payment provider timeout after 30000ms' }).first()).toBeVisible();
  const hrefs = await logs.rows.getByTestId('log-trace-link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const h of hrefs) expect(h).toContain(`/traces/${traceId}?`);
  expect(hrefs.length).toBe(await logs.rows.count());
  await page.screenshot({ path: `${SHOTS}/logs-for-trace.png` });

  // 2. Back on the trace: the provider's span, its detail, and its service's Golden Signals at its time.
  await page.goBack();
  const providerRow = page.getByTestId('span-row').filter({ has: page.locator('.span-service', { hasText: /^payment-provider$/ }) }).first();
  await expect(providerRow).toBeVisible({ timeout: 60_000 });
  await providerRow.click();
  const detail = page.getByTestId('span-detail');
  await expect(detail).toBeVisible();
  await expect(detail.getByRole('link', { name: 'Logs for this span' })).toHaveAttribute('data-link-kind', 'span-logs');
  await page.screenshot({ path: `${SHOTS}/span-detail-links.png` });
  const signals = detail.getByRole('link', { name: 'Golden Signals for this service' });
  await expect(signals).toHaveAttribute('data-link-kind', 'service-signals');
  await signals.click();
  await expect(page).toHaveURL(/\/services\/payment-provider\?from=\d+&to=\d+$/);
  const dash = new URL(page.url());
  const from = Number(dash.searchParams.get('from'));
  const to = Number(dash.searchParams.get('to'));
  expect(to - from).toBe(30 * 60_000);
  // Centred on the provider span, which began about 30 s before payments logged the timeout.
  expect(Math.abs((from + to) / 2 - (lineTimeMs - 30_000))).toBeLessThan(5_000);
  const dashboard = new ServiceDashboardPage(page);
  await dashboard.waitForPanels();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('payment-provider');
  await expect(dashboard.panel('Latency p50 / p95 / p99')).toHaveAttribute('data-state', 'ready');
  await page.screenshot({ path: `${SHOTS}/provider-signals.png` });
});
