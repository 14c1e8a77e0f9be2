import { expect, test } from '@playwright/test';
import { ExplorePage } from './pages/ExplorePage';
import { ServiceDashboardPage } from './pages/ServiceDashboardPage';
import { ServicesPage } from './pages/ServicesPage';

// The same build as the demo tests, served with a config.json that points at a real Prometheus 2.42
// scraping the demo server (e2e/servers/realStack.ts). Real clock: data exists only since the stack started.
test('the overview shows the services a real Prometheus scraped', async ({ page }) => {
  const overview = new ServicesPage(page);
  await overview.open('from=now-5m&to=now');
  await overview.waitForSparklines();
  expect([...(await overview.serviceNames())].sort()).toEqual([
    'api-gateway', 'auth', 'inventory', 'notifications', 'orders', 'payment-provider', 'payments', 'search', 'users',
  ]);
  await expect(overview.row('auth').locator('[data-signal="requestRate"] .signal-value')).toHaveText(/\d req\/s$/);
});

test('a service dashboard draws real data, and the datasource is the real server', async ({ page }) => {
  const dashboard = new ServiceDashboardPage(page);
  await dashboard.open('orders', 'from=now-5m&to=now');
  await dashboard.waitForPanels();
  for (const title of ['Request rate', 'Latency p50 / p95 / p99', 'Traffic by route', 'Downstream request rate']) {
    await expect(dashboard.panel(title), title).toHaveAttribute('data-state', 'ready');
  }
  await page.goto('/settings/datasources');
  await expect(page.getByText('Prometheus (real)')).toBeVisible();
  await expect(page.getByText(/2\.42\.0/)).toBeVisible();
});

test('the PromQL editor completes from the real server, runs on Shift+Enter, and underlines its parse error', async ({ page }) => {
  const explore = new ExplorePage(page);
  const metric = 'http_server_request_duration_seconds_count';
  await explore.open([], 'from=now-5m&to=now');
  await explore.typeAtEnd('A', 'http_server_req');
  await expect(explore.completion(metric)).toBeVisible();
  await explore.completion(metric).click();
  await explore.typeAtEnd('A', '{service_name="ord');
  await expect(explore.completion('orders')).toBeVisible();
  await explore.completion('orders').click();
  await expect.poll(() => explore.text('A')).toBe(`${metric}{service_name="orders"}`);
  await explore.run('A');
  await expect(explore.panel('A')).toHaveAttribute('data-state', 'ready');

  // Prometheus 2.42's own parse error, underlined where it points (the stray identifier).
  const bad = `sum by (service_name) (rate(${metric}[5m]) foo`;
  await explore.open([bad], 'from=now-5m&to=now');
  await expect(explore.panel('A')).toHaveAttribute('data-state', 'error');
  await expect(explore.panel('A').getByTestId('panel-error')).toContainText(`1:${bad.indexOf('foo') + 1}: parse error`);
  await expect(explore.serverErrorMark('A')).toHaveText('foo');
});
