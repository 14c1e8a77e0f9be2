import { expect, test } from '@playwright/test';
import { fixClock } from './pages/fixedClock';
import { failOnPageErrors } from './pages/pageErrors';
import { ServiceDashboardPage } from './pages/ServiceDashboardPage';
import { ServicesPage } from './pages/ServicesPage';

// The built app with no config.json runs on the embedded demo. The clock is fixed at 10:30 UTC, so the
// payment-provider incident (from 09:40) is 50 minutes old and fills most of the default hour.
const ALL_SERVICES = ['api-gateway', 'auth', 'inventory', 'notifications', 'orders', 'payment-provider', 'payments', 'search', 'users'];

// An uncaught exception anywhere in the page fails the test that caused it.
failOnPageErrors(fixClock);

test('the services overview lists every service, worst first, with the incident on top', async ({ page }) => {
  const overview = new ServicesPage(page);
  await overview.open();
  await overview.waitForSparklines();
  await expect(overview.rows).toHaveCount(ALL_SERVICES.length);
  expect([...(await overview.serviceNames())].sort()).toEqual(ALL_SERVICES);

  const names = await overview.serviceNames();
  // The incident's chain: the provider times out, payments fails, orders and the gateway suffer.
  expect(names.slice(0, 4).sort()).toEqual(['api-gateway', 'orders', 'payment-provider', 'payments']);
  for (const service of ['payments', 'payment-provider']) await expect(overview.row(service)).toHaveAttribute('data-status', 'crit');
  for (const service of ['auth', 'users', 'inventory']) await expect(overview.row(service)).toHaveAttribute('data-status', 'ok');
  await expect(overview.row('payments').locator('[data-signal="errorRatio"]')).toHaveAttribute('data-status', 'crit');
  // The classic-convention service is on the same table with real numbers.
  await expect(overview.row('inventory').locator('[data-signal="requestRate"] .signal-value')).toHaveText(/req\/s$/);
  for (const service of ALL_SERVICES) await expect(overview.row(service).locator('[data-testid="sparkline"][data-state="ready"]')).toHaveCount(6);
  // search exports no CPU limit: per-service detection gives it in-flight requests, which have no "full"
  // to grade against, so its saturation is drawn but grey, while its neighbours keep CPU ÷ limit.
  await expect(overview.row('search').locator('[data-signal="saturation"]')).toHaveAttribute('data-status', 'unknown');
  await expect(overview.row('payments').locator('[data-signal="saturation"]')).toHaveAttribute('data-status', /^(ok|warn|crit)$/);
  // Simulated data never goes unlabelled.
  await expect(page.locator('header').getByTestId('demo-data-badge')).toHaveText('Demo data');
});

test('a row opens the service dashboard, which shows the 30 s provider timeout', async ({ page }) => {
  const overview = new ServicesPage(page);
  await overview.open();
  await overview.waitForSparklines();
  await overview.row('payments').click();
  await expect(page).toHaveURL(/\/services\/payments\?from=now-1h&to=now/);

  const dashboard = new ServiceDashboardPage(page);
  await dashboard.waitForPanels();
  const states = await dashboard.panelStates();
  expect(Object.values(states).every((s) => s === 'ready'), JSON.stringify(states)).toBe(true);
  for (const title of ['Request rate', 'Error ratio', 'p99 latency', 'Saturation', 'Latency p50 / p95 / p99', 'Latency heatmap',
    'Traffic by route', 'Traffic by status', 'Error ratio over time', 'Saturation over time', 'Downstream p99 latency']) {
    await expect(dashboard.panel(title), title).toHaveAttribute('data-state', 'ready');
  }
  // p99 sits in the (20 s, 40 s] bucket because of the 30 s timeouts; more than half the requests fail.
  const p99 = await dashboard.panel('p99 latency').getByTestId('stat-value').innerText();
  const seconds = Number(/([\d.]+)\s*s$/.exec(p99)?.[1]);
  expect(seconds, p99).toBeGreaterThan(20);
  const errors = await dashboard.panel('Error ratio').getByTestId('stat-value').innerText();
  expect(Number(/([\d.]+)%/.exec(errors)?.[1]), errors).toBeGreaterThan(40);
  await expect(dashboard.panel('Downstream p99 latency')).toContainText('payment-provider');
  await expect(page.locator('header').getByTestId('demo-data-badge')).toBeVisible();
});

test('an incident exemplar opens its trace, which shows the payment provider timing out at 30 s', async ({ page }) => {
  const dashboard = new ServiceDashboardPage(page);
  await dashboard.open('payments');
  await dashboard.waitForPanels();
  const diamonds = dashboard.panel('Latency p50 / p95 / p99').locator('g.exemplars path');
  await expect(diamonds.first()).toBeAttached();
  // The highest diamond (smallest y) is one of the incident's 30 s requests.
  const highest = await diamonds.evaluateAll((paths) => {
    const ys = paths.map((p) => Number(/translate\([^,]+,\s*([^)]+)\)/.exec(p.getAttribute('transform') ?? '')?.[1]));
    return ys.indexOf(Math.min(...ys));
  });
  await diamonds.nth(highest).dispatchEvent('click');
  await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}\?/);

  const provider = page.getByTestId('span-row').filter({ hasText: 'payment-provider' }).first();
  await expect(provider).toBeVisible();
  const duration = await page.getByTestId('trace-duration').innerText();
  expect(Number(/([\d.]+)\s*s$/.exec(duration)?.[1]), duration).toBeGreaterThanOrEqual(30);
  await expect(page.locator('header').getByTestId('demo-data-badge')).toBeVisible();
});

test('a healthy service shows calm numbers on the same dashboard', async ({ page }) => {
  const dashboard = new ServiceDashboardPage(page);
  await dashboard.open('auth');
  await dashboard.waitForPanels();
  const errors = await dashboard.panel('Error ratio').getByTestId('stat-value').innerText();
  expect(Number(/([\d.]+)%/.exec(errors)?.[1]), errors).toBeLessThan(2);
  const p99 = await dashboard.panel('p99 latency').getByTestId('stat-value').innerText();
  expect(p99).toMatch(/ms$/);
});

test('the time range lives in the URL, and Back restores the previous one', async ({ page }) => {
  const dashboard = new ServiceDashboardPage(page);
  await dashboard.open('payments');
  await dashboard.waitForPanels();
  await page.getByRole('button', { name: /Last 1 hour/ }).click();
  await page.getByRole('button', { name: 'Last 6 hours' }).click();
  await expect(page).toHaveURL(/from=now-6h&to=now/);
  await dashboard.waitForPanels();
  await page.goBack();
  await expect(page).toHaveURL(/from=now-1h&to=now/);
  await expect(page.getByRole('button', { name: /Last 1 hour/ })).toBeVisible();

  // A pasted link with refresh opens the same view, auto-refresh included.
  await dashboard.open('payments', 'from=now-3h&to=now&refresh=30s');
  await expect(page.getByRole('button', { name: /Last 3 hours/ })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Auto-refresh interval' })).toHaveValue('30s');
});

test('a bad PromQL query shows the server error in its own panel only', async ({ page }) => {
  const good = 'sum by (service_name) (rate(http_server_request_duration_seconds_count[5m]))';
  const bad = 'sum(rate(http_server_request_duration_seconds_count[5m])';
  await page.goto(`/explore?from=now-1h&to=now&q=${encodeURIComponent(good)}&q=${encodeURIComponent(bad)}`);
  const panelA = page.locator('[data-testid="panel"][data-panel-title="Query A"]');
  const panelB = page.locator('[data-testid="panel"][data-panel-title="Query B"]');
  await expect(panelB).toHaveAttribute('data-state', 'error');
  await expect(panelB.getByTestId('panel-error')).toHaveText('invalid parameter "query": 1:57: parse error: unclosed left parenthesis');
  await expect(panelA).toHaveAttribute('data-state', 'ready');
  await expect(panelA.getByTestId('panel-error')).toHaveCount(0);

  // Fixing the query in the editor (Shift+Enter runs it, as in Grafana) clears the error.
  await page.getByRole('textbox', { name: 'Query B' }).fill(`${bad})`);
  await page.getByRole('textbox', { name: 'Query B' }).press('Shift+Enter');
  await expect(panelB).toHaveAttribute('data-state', 'ready');
});

test('the datasources page health-checks the demo datasource', async ({ page }) => {
  await page.goto('/settings/datasources');
  await expect(page.getByText('Demo Prometheus')).toBeVisible();
  await expect(page.getByText(/Prometheus 2\.42/)).toBeVisible();
});

test('on a narrow window the top bar wraps and the overview scrolls sideways, clipping no sparkline', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 800 });
  const overview = new ServicesPage(page);
  await overview.open();
  await overview.waitForSparklines();
  // Nothing runs off the page itself: the pickers wrap to a second line of the top bar.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(900);
  await expect(page.getByLabel('Auto-refresh interval')).toBeInViewport();
  // Each sparkline keeps its full width inside its cell; the table's own box scrolls to the last column.
  const clipped = await page.locator('.signal-cell').evaluateAll((cells) =>
    cells.filter((cell) => {
      const spark = cell.querySelector('[data-testid="sparkline"]');
      return spark !== null && spark.getBoundingClientRect().right > cell.getBoundingClientRect().right + 0.5;
    }).length,
  );
  expect(clipped).toBe(0);
});
