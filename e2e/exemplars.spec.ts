import { expect, test, type Locator } from '@playwright/test';
import { fixClock } from './pages/fixedClock';
import { failOnPageErrors } from './pages/pageErrors';
import { ServiceDashboardPage } from './pages/ServiceDashboardPage';
import { TraceSearchPage } from './pages/TraceSearchPage';

// Exemplars and the chart menu on the embedded demo at the fixed clock (10:30 UTC): the payment-provider
// incident (from 09:40) fills most of the last hour, so payments' slow and failed requests are its 30 s
// provider timeouts.
failOnPageErrors((page) => fixClock(page));

const LATENCY = 'Latency p50 / p95 / p99';
const ERRORS = 'Error ratio over time';

/** The index of the highest marker (smallest y): one of the incident's 30 s requests on the latency chart. */
async function highestMarker(markers: Locator): Promise<number> {
  return markers.evaluateAll((paths) => {
    const ys = paths.map((p) => Number(/translate\([^,]+,\s*([^)]+)\)/.exec(p.getAttribute('transform') ?? '')?.[1]));
    return ys.indexOf(Math.min(...ys));
  });
}

test('the error and latency charts mark the incident with exemplars; hover shows one, a click opens its trace', async ({ page }) => {
  const dashboard = new ServiceDashboardPage(page);
  await dashboard.open('payments');
  await dashboard.waitForPanels();

  const latencyMarkers = dashboard.panel(LATENCY).getByRole('button', { name: /^Exemplar/ });
  const errorMarkers = dashboard.panel(ERRORS).locator('.exemplar.exemplar-error');
  await expect(latencyMarkers.first()).toBeAttached();
  await expect(errorMarkers.first()).toBeAttached();
  // Every marker of the error chart is a failed request: its exemplars are those of the 5xx buckets.
  expect(await dashboard.panel(ERRORS).locator('.exemplar:not(.exemplar-error)').count()).toBe(0);
  // The incident's requests time out at 30 s; the slowest marker says so.
  const highest = latencyMarkers.nth(await highestMarker(latencyMarkers));
  await expect(highest).toHaveAttribute('aria-label', /^Exemplar \(error\) 3\d(\.\d+)? s at .*, trace [0-9a-f]{32}$/);
  await expect(highest).toHaveAttribute('data-trace-id', /^[0-9a-f]{32}$/);
  const traceId = await highest.getAttribute('data-trace-id');
  await page.screenshot({ path: 'test-results/exemplars-dashboard.png' });

  await highest.hover({ force: true });
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(`Trace ${traceId}`);
  await expect(tooltip).toContainText('trace_id');
  await expect(tooltip).toContainText(/3\d(\.\d+)? s/);
  await dashboard.panel(LATENCY).screenshot({ path: 'test-results/exemplars-tooltip.png' });

  await highest.click({ force: true });
  await expect(page).toHaveURL(new RegExp(`/traces/${traceId}\\?`));
  // The incident trace: the payments → payment-provider call that timed out at 30 s.
  await expect(page.getByTestId('span-row').filter({ hasText: 'payment-provider' }).first()).toBeVisible();
  const duration = await page.getByTestId('trace-duration').innerText();
  expect(Number(/([\d.]+)\s*s$/.exec(duration)?.[1]), duration).toBeGreaterThanOrEqual(30);
});

test('a drag across a chart opens its menu; "Traces of payments in this window" opens the search pre-filled', async ({ page }) => {
  const dashboard = new ServiceDashboardPage(page);
  await dashboard.open('payments');
  await dashboard.waitForPanels();

  const chart = dashboard.panel(ERRORS).locator('.chart-area');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error('no chart');
  const y = box.y + box.height * 0.6;
  await page.mouse.move(box.x + box.width * 0.55, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, y, { steps: 5 });
  await page.mouse.up();

  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toHaveText('Zoom to this window');
  await expect(menu.getByRole('menuitem', { name: 'Logs of payments in this window' })).toBeVisible();
  await dashboard.panel(ERRORS).screenshot({ path: 'test-results/exemplars-menu.png' });

  // Escape closes it; a second drag opens it again.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await page.mouse.move(box.x + box.width * 0.55, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, y, { steps: 5 });
  await page.mouse.up();
  await menu.getByRole('menuitem', { name: 'Traces of payments in this window' }).click();

  await expect(page).toHaveURL(/\/traces\?.*service=payments/);
  // An error chart asks for the failed requests only.
  await expect(page).toHaveURL(/errors=1/);
  const search = new TraceSearchPage(page);
  await expect(search.form.getByLabel('Service')).toHaveValue('payments');
  await expect(search.form.getByLabel('Errors only')).toBeChecked();
  await expect(search.rows.first()).toBeVisible();
});
