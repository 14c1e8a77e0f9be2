import { expect, test } from '@playwright/test';
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
