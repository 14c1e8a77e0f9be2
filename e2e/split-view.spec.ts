import { expect, test, type Page } from '@playwright/test';
import { fixClock } from './pages/fixedClock';
import { failOnPageErrors } from './pages/pageErrors';
import { ServiceDashboardPage } from './pages/ServiceDashboardPage';

// Issue 10: the split view (a linked view beside the current one, both in the URL, time ranges lockable),
// the investigation path (breadcrumbs), and tampered split state falling back to a clean view.

failOnPageErrors((page) => fixClock(page));

const mainPane = (page: Page) => page.locator('main.content');
const sidePane = (page: Page) => page.getByRole('region', { name: 'Side pane' });
const mainPanel = (page: Page, title: string) => mainPane(page).locator(`[data-testid="panel"][data-panel-title="${title}"]`);

/** The payments dashboard with its "Error ratio over time" query opened beside it by Shift+click. */
async function openExploreBeside(page: Page): Promise<void> {
  const dashboard = new ServiceDashboardPage(page);
  await dashboard.open('payments');
  await dashboard.waitForPanels();
  await dashboard.panel('Error ratio over time').getByRole('link', { name: 'Explore' }).click({ modifiers: ['Shift'] });
  await expect(sidePane(page).locator('[data-testid="panel"][data-panel-title="Query A"]')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
}

async function pickRange(scope: ReturnType<Page['locator']>, current: RegExp, next: string): Promise<void> {
  await scope.getByRole('button', { name: current }).click();
  await scope.getByRole('button', { name: next }).click();
}

test('Shift+click opens a link beside the dashboard, each pane with its own content, and a reload restores both', async ({ page, context }) => {
  await openExploreBeside(page);
  // The same tab: Shift+click did not open a browser window.
  expect(context.pages()).toHaveLength(1);
  await expect(page).toHaveURL(/\/services\/payments\?from=now-1h&to=now&side=%2Fexplore%3F/);

  const side = sidePane(page);
  await expect(side.getByRole('textbox', { name: 'Query A' })).toContainText('payments');
  await expect(mainPanel(page, 'Error ratio over time')).toHaveAttribute('data-state', 'ready');
  await expect(mainPane(page).getByRole('textbox', { name: 'Query A' })).toHaveCount(0);
  await expect(page.locator('header').getByTestId('demo-data-badge')).toHaveText('Demo data');
  // Side by side: the side pane's left edge is right of the main pane's.
  const [mainBox, sideBox] = [await mainPane(page).boundingBox(), await side.boundingBox()];
  expect(sideBox!.x).toBeGreaterThan(mainBox!.x + mainBox!.width / 2);

  await page.reload();
  await expect(side.locator('[data-testid="panel"][data-panel-title="Query A"]')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(mainPanel(page, 'Error ratio over time')).toHaveAttribute('data-state', 'ready');

  await side.getByRole('button', { name: 'Close side pane' }).click();
  await expect(side).toHaveCount(0);
  await expect(page).toHaveURL(/\/services\/payments\?from=now-1h&to=now$/);
});

test('locked, the two panes share one time range; unlocked, they differ', async ({ page }) => {
  await openExploreBeside(page);
  const side = sidePane(page);
  const topBar = page.locator('header.top-bar');
  // A click, not check(): the box follows the URL, which the router writes a moment later.
  const lock = side.getByRole('checkbox', { name: 'Lock time ranges' });
  await lock.click();
  await expect(lock).toBeChecked();
  await expect(page).toHaveURL(/lock=1/);

  await pickRange(topBar, /Last 1 hour/, 'Last 6 hours');
  await expect(side.getByRole('button', { name: /Last 6 hours/ })).toBeVisible();
  await pickRange(side, /Last 6 hours/, 'Last 3 hours');
  await expect(topBar.getByRole('button', { name: /Last 3 hours/ })).toBeVisible();
  await expect(page).toHaveURL(/from=now-3h/);

  await lock.click();
  await expect(lock).not.toBeChecked();
  await pickRange(side, /Last 3 hours/, 'Last 15 minutes');
  await expect(side.getByRole('button', { name: /Last 15 minutes/ })).toBeVisible();
  await expect(topBar.getByRole('button', { name: /Last 3 hours/ })).toBeVisible();
  await expect(side.locator('[data-testid="panel"][data-panel-title="Query A"]')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });

  // Both ranges survive a reload.
  await page.reload();
  await expect(side.getByRole('button', { name: /Last 15 minutes/ })).toBeVisible();
  await expect(topBar.getByRole('button', { name: /Last 3 hours/ })).toBeVisible();
});

test('a tampered side pane in the URL falls back to the clean dashboard with a message', async ({ page }) => {
  for (const side of ['//evil.example', 'javascript:alert(document.cookie)', '/admin']) {
    await page.goto(`/services/payments?from=now-1h&to=now&side=${encodeURIComponent(side)}&lock=1`);
    await expect(page.getByText(/^Dropped the side pane:/)).toContainText(side);
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/services\/payments\?from=now-1h&to=now$/);
    await expect(sidePane(page)).toHaveCount(0);
    await expect(mainPanel(page, 'Request rate')).toBeVisible();
  }
});

test('the investigation path lists service → trace → logs, and Back goes along it', async ({ page }) => {
  const dashboard = new ServiceDashboardPage(page);
  await dashboard.open('payments');
  await dashboard.waitForPanels();
  const diamonds = dashboard.panel('Latency p50 / p95 / p99').locator('g.exemplars path');
  await expect(diamonds.first()).toBeAttached();
  await diamonds.first().dispatchEvent('click');
  await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}\?/);
  await expect(page.getByTestId('span-row').first()).toBeVisible();
  const traceId = /\/traces\/([0-9a-f]{32})/.exec(page.url())![1]!;

  await page.locator('header').getByRole('link', { name: 'Logs', exact: true }).click();
  await expect(page).toHaveURL(/\/explore\/logs/);
  const path = page.getByRole('navigation', { name: 'Investigation path' });
  await expect(path.getByRole('link')).toHaveText(['payments', `trace ${traceId.slice(0, 6)}…`, 'Logs']);
  await expect(path.getByRole('link', { name: 'Logs' })).toHaveAttribute('aria-current', 'step');

  await path.getByRole('button', { name: 'Back' }).click();
  await expect(page).toHaveURL(new RegExp(`/traces/${traceId}`));
  await expect(page.getByTestId('span-row').first()).toBeVisible();
  await expect(path.getByRole('link')).toHaveCount(3);
  await path.getByRole('link', { name: 'payments' }).click();
  await expect(mainPanel(page, 'Request rate')).toBeVisible();

  // The trail lives in the history entries: a reload keeps it, the browser's Back restores each entry's own.
  await page.reload();
  await expect(path.getByRole('link')).toHaveCount(3);
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/\/explore\/logs/);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/traces/${traceId}`));
  await expect(path.getByRole('link')).toHaveText(['payments', `trace ${traceId.slice(0, 6)}…`]);
});

test('a tampered investigation path in the history state is dropped with a message, on a clean view', async ({ page }) => {
  await page.goto('/services/payments?from=now-1h&to=now');
  await expect(mainPanel(page, 'Request rate')).toBeVisible();
  // What a stale app version, an extension or a hand edit could leave in the entry's state.
  await page.evaluate(() => {
    const state = (history.state ?? {}) as Record<string, unknown>;
    history.replaceState({ ...state, usr: { watchfloorTrail: { steps: ['//evil.example', '/services/payments'], at: 1 } } }, '');
  });
  await page.reload();
  await expect(page.getByText(/^Dropped the investigation path:/)).toHaveText('Dropped the investigation path: a step is not a path in Watchfloor.');
  await expect(page.getByRole('navigation', { name: 'Investigation path' })).toHaveCount(0);
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/services\/payments\?from=now-1h&to=now$/);
  await expect(mainPanel(page, 'Request rate')).toBeVisible();
});

test('Shift+click on an exemplar opens its trace beside the dashboard, and a cross link offers "Open beside"', async ({ page }) => {
  const dashboard = new ServiceDashboardPage(page);
  await dashboard.open('payments');
  await dashboard.waitForPanels();
  const marker = dashboard.panel('Latency p50 / p95 / p99').getByRole('button', { name: /^Exemplar \(error\)/ }).first();
  await expect(marker).toBeAttached();
  const traceId = await marker.getAttribute('data-trace-id');
  await marker.click({ force: true, modifiers: ['Shift'] });

  const side = sidePane(page);
  await expect(side.getByTestId('span-row').first()).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(new RegExp(`/services/payments\\?.*side=%2Ftraces%2F${traceId}`));
  // The dashboard stays in the main pane.
  await expect(mainPanel(page, 'Latency p50 / p95 / p99')).toHaveAttribute('data-state', 'ready');

  // The trace's own cross links can open beside too: "Logs for this trace" replaces the side pane's trace.
  const logsLink = side.locator('[data-link-kind="trace-logs"]').first();
  await expect(logsLink).toBeVisible();
  await logsLink.locator('xpath=..').getByRole('button', { name: 'Open beside' }).click();
  await expect(page).toHaveURL(/side=%2Fexplore%2Flogs/);
  await expect(side.getByTestId('log-row').first()).toBeVisible({ timeout: 30_000 });
});
