import { expect, test, type Page } from '@playwright/test';
import { fixClock } from './pages/fixedClock';
import { ServiceDashboardPage } from './pages/ServiceDashboardPage';

// The views of one trace beyond the waterfall, on the demo's payment-provider incident: minimap zoom, summary,
// service graph and flame graph. Screenshots go to test-results/trace-views/ (look at them).
const SHOTS = 'test-results/trace-views';

let pageErrors: string[] = [];

test.beforeEach(async ({ page }) => {
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await fixClock(page);
});

test.afterEach(() => {
  expect(pageErrors, 'uncaught page errors').toEqual([]);
});

/** As demo.spec.ts does: the highest exemplar on payments' latency chart is one of the incident's 30 s requests. */
async function openIncidentTrace(page: Page): Promise<string> {
  const dashboard = new ServiceDashboardPage(page);
  await dashboard.open('payments');
  await dashboard.waitForPanels();
  const diamonds = dashboard.panel('Latency p50 / p95 / p99').locator('g.exemplars path');
  await expect(diamonds.first()).toBeAttached();
  const highest = await diamonds.evaluateAll((paths) => {
    const ys = paths.map((p) => Number(/translate\([^,]+,\s*([^)]+)\)/.exec(p.getAttribute('transform') ?? '')?.[1]));
    return ys.indexOf(Math.min(...ys));
  });
  await diamonds.nth(highest).dispatchEvent('click');
  await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}\?/);
  await expect(page.getByTestId('span-row').filter({ hasText: 'payment-provider' }).first()).toBeVisible();
  return page.url();
}

const axisLabels = (page: Page) => page.locator('.waterfall-axis .waterfall-tick').allInnerTexts();

test('dragging on the minimap zooms the waterfall, the window survives a reload, and resets', async ({ page }) => {
  await openIncidentTrace(page);
  const minimap = page.getByTestId('trace-minimap');
  await expect(minimap.locator('canvas')).toHaveAttribute('data-drawn', /^\d+$/);
  const before = await axisLabels(page);
  await page.screenshot({ path: `${SHOTS}/waterfall.png` });

  const box = (await minimap.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();

  await expect(page).toHaveURL(/[?&]zoom=\d+(\.\d+)?(,|%2C)\d+(\.\d+)?/);
  await expect(page.getByTestId('minimap-brush')).toBeVisible();
  await expect.poll(() => axisLabels(page)).not.toEqual(before);
  const after = await axisLabels(page);
  // The axis starts about 60 % into the trace now, not at 0.
  expect(after[0]).not.toBe('0 µs');
  const windowText = await page.getByTestId('zoom-window').innerText();
  await page.screenshot({ path: `${SHOTS}/waterfall-zoomed.png` });

  await page.reload();
  await expect(page.getByTestId('zoom-window')).toHaveText(windowText);
  // The axis is redrawn in the render after the URL changes: wait for it, as for any other text.
  await expect.poll(() => axisLabels(page)).toEqual(after);

  await minimap.dblclick();
  await expect(page).not.toHaveURL(/zoom=/);
  await expect.poll(() => axisLabels(page)).toEqual(before);
});

test('the summary, service graph and flame graph tabs show the incident', async ({ page }) => {
  await openIncidentTrace(page);

  await page.getByRole('tab', { name: 'Summary' }).click();
  await expect(page).toHaveURL(/[?&]view=summary/);
  const provider = page.locator('[data-testid="summary-row"][data-service="payment-provider"]');
  await expect(provider).toBeVisible();
  const providerErrors = Number(await provider.locator('[data-column="errors"]').innerText());
  expect(providerErrors).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: `${SHOTS}/summary.png` });

  await page.getByRole('tab', { name: 'Service graph' }).click();
  await expect(page).toHaveURL(/[?&]view=graph/);
  const edge = page.locator('[data-testid="graph-edge"][data-from="payments"][data-to="payment-provider"]');
  await expect(edge).toBeVisible();
  expect(Number(await edge.getAttribute('data-errors'))).toBe(providerErrors);
  await expect(edge).toContainText('failed');
  await expect(page.locator('[data-testid="graph-node"][data-service="payment-provider"]')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/graph.png` });

  await page.getByRole('tab', { name: 'Flame graph' }).click();
  await expect(page).toHaveURL(/[?&]view=flame/);
  const flame = page.getByTestId('flame-graph');
  await expect(flame).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('.flame-canvas')).toHaveAttribute('data-boxes', /^[1-9]\d*$/);
  // Find the provider's bar: hover each level in the middle of the trace (its 30 s call spans most of it).
  const levels = Number(await flame.getAttribute('data-levels'));
  const canvas = (await page.locator('.flame-canvas').boundingBox())!;
  let providerY = -1;
  for (let level = 0; level < levels && providerY < 0; level++) {
    const y = canvas.y + level * 18 + 9;
    await page.mouse.move(canvas.x + canvas.width * 0.5, y);
    const tip = page.getByTestId('flame-tooltip');
    if ((await tip.count()) > 0 && (await tip.innerText()).includes('payment-provider')) providerY = y;
  }
  expect(providerY, 'a flame bar of payment-provider').toBeGreaterThan(0);
  await expect(page.getByTestId('flame-tooltip')).toContainText('error');
  await page.screenshot({ path: `${SHOTS}/flame.png` });

  // A click selects the span (its detail opens) and zooms to it.
  await page.mouse.click(canvas.x + canvas.width * 0.5, providerY);
  await expect(page).toHaveURL(/[?&]span=[0-9a-f]{16}/);
  await expect(page).toHaveURL(/[?&]zoom=/);
  await expect(page.getByTestId('span-detail')).toContainText('payment-provider');
  await expect(page.getByTestId('minimap-brush')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/flame-zoomed.png` });

  // Back to the waterfall: the selection and the zoom carry over.
  await page.getByRole('tab', { name: 'Waterfall' }).click();
  await expect(page.getByTestId('span-detail')).toContainText('payment-provider');
  await expect(page.locator('[data-testid="span-row"][aria-selected="true"]')).toContainText('payment-provider');
  // The provider's timeout is drawn as a tick on the waterfall's canvas, which counts the ticks it drew.
  await expect(page.locator('.waterfall-canvas')).toHaveAttribute('data-event-ticks', /^[1-9]\d*$/);
});
