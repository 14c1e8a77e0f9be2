import { expect, test, type Page } from '@playwright/test';
import { startDemoServer, type DemoServer } from '../src/demo/server/nodeServer';

// The NOC wall board (/noc) on the embedded demo, and on the demo server as a configured Prometheus whose
// connection the test cuts and restores (page.route aborts every request to it: to the page, a dead server).

const tiles = (page: Page) => page.getByTestId('noc-tile');

test('the board shows payments CRIT during the incident, the firing alerts, and the demo badge', async ({ page }) => {
  await page.goto('/noc');
  const payments = page.locator('[data-testid=noc-tile][data-service=payments]');
  await expect(payments).toHaveAttribute('data-state', 'crit', { timeout: 30_000 });
  // CRIT tiles sort first, and the state is a word, not only a colour.
  await expect(tiles(page).first()).toHaveAttribute('data-state', 'crit');
  await expect(payments).toContainText('CRIT');
  await expect(page.locator('[data-testid=noc-alert][data-alertname=PaymentsErrorRateHigh]')).toContainText(/firing for (\d+h )?\d+m/);
  await expect(page.getByTestId('noc-alerts-suppressed')).toContainText('1 silenced or inhibited');
  await expect(page.getByTestId('noc-demo-badge')).toBeVisible();
  await expect(page.locator('.top-bar')).toBeHidden();
});

test('kiosk hides the controls; Esc does not leave it, typing "exit" does', async ({ page }) => {
  await page.goto('/noc?kiosk');
  await expect(tiles(page).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Kiosk' })).toBeHidden();
  await expect(page.locator('html')).toHaveClass(/noc-kiosk/);
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).toHaveClass(/noc-kiosk/);
  await page.keyboard.type('exit');
  await expect(page.locator('html')).not.toHaveClass(/noc-kiosk/);
  await expect(page.getByRole('button', { name: 'Kiosk' })).toBeVisible();
  expect(new URL(page.url()).searchParams.has('kiosk')).toBe(false);
});

test('a playlist rotates from the board to a service dashboard without reloading', async ({ page }) => {
  await page.goto('/noc?playlist=board,payments&interval=5s');
  await expect(tiles(page).first()).toBeVisible({ timeout: 30_000 });
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  await expect(page.getByTestId('noc-screen')).toHaveAttribute('data-service', 'payments', { timeout: 15_000 });
  await expect(page.getByTestId('noc-status')).toContainText('playlist 2/2');
  await expect(tiles(page).first()).toBeVisible({ timeout: 15_000 });
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
});

for (const [width, height] of [
  [1920, 1080],
  [3840, 2160],
] as const) {
  test(`60 services fit a ${width}×${height} screen without scrolling or overflow`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/noc?demo.services=60');
    await expect(tiles(page)).toHaveCount(60, { timeout: 60_000 });
    // The alert strip arrives after the tiles, one source and line at a time, and takes height from the grid; the
    // grid re-fits on each resize. On a loaded machine the last line can land seconds after the first one.
    await expect(page.getByTestId('noc-alert').first()).toBeVisible({ timeout: 30_000 });
    const grid = page.getByTestId('noc-grid');
    await expect.poll(() => grid.evaluate((el) => ({ v: el.scrollHeight - el.clientHeight, h: el.scrollWidth - el.clientWidth })), { timeout: 10_000 }).toEqual({ v: 0, h: 0 });
    const boxes = await tiles(page).evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    for (const box of boxes) {
      expect(box.right).toBeLessThanOrEqual(width);
      expect(box.bottom).toBeLessThanOrEqual(height);
    }
    // Names and digits stay inside their tile (sized from the tile's box, so once the grid has settled: each late
    // alert line re-fits the grid, and on a loaded machine the tiles' text follows a few seconds later).
    const spill = () => page.locator('[data-testid=noc-tile], .noc-tile-big').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1).map((el) => el.textContent));
    await expect.poll(spill, { timeout: 10_000 }).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`noc-60-${width}.png`) });
  });
}

test('the wall is high contrast by default, other pages dark; a theme chosen anywhere applies everywhere and survives a reload', async ({ page }) => {
  await page.goto('/noc');
  await expect(tiles(page).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
  expect(await page.getByTestId('noc').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 0, 0)');
  await page.goto('/services');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('theme-switch').selectOption('contrast');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
  expect(await page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 0, 0)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
  // Dark chosen on the wall itself (its header has the switch outside kiosk) holds there too.
  await page.goto('/noc');
  await page.getByTestId('noc').getByTestId('theme-switch').selectOption('dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(tiles(page).first()).toBeVisible({ timeout: 30_000 });
  expect(await page.getByTestId('noc').evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgb(0, 0, 0)');
});

test.describe('a configured Prometheus that goes away and comes back', () => {
  let demo: DemoServer;
  test.beforeAll(async () => {
    demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
  });
  test.afterAll(async () => {
    await demo?.close();
  });

  test('a board from config.json shows its services; a playlist naming boards rotates between them without reloading', async ({ page }) => {
    const config = {
      datasources: [{ uid: 'prom', kind: 'prometheus', name: 'Demo server', url: demo.url, default: true }],
      thresholds: { '*': { errorRatio: { warn: 0.5, crit: 0.9 } } },
      boards: [
        { id: 'checkout', title: 'Checkout path', services: ['orders', 'payments'], signals: ['errorRatio', 'latencyP99'] },
        { id: 'edge', title: 'Edge', services: ['api-gateway'], thresholds: { 'api-gateway': { latencyP99: { warn: 0, crit: 0 } } } },
      ],
    };
    await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }));
    await page.goto('/noc?board=checkout&playlist=board,edge&interval=5s');
    await expect(page.getByTestId('noc-title')).toHaveText('Checkout path');
    await expect.poll(() => tiles(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-service')).sort()), { timeout: 30_000 }).toEqual(['orders', 'payments']);
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    await expect(page.getByTestId('noc-title')).toHaveText('Edge', { timeout: 15_000 });
    await expect(page.getByTestId('noc-status')).toContainText('playlist 2/2');
    // The edge board's own band (crit at 0 s) beats the defaults: any p99 is critical there.
    await expect(page.locator('[data-testid=noc-tile][data-service=api-gateway]')).toHaveAttribute('data-state', 'crit', { timeout: 30_000 });
    await expect(tiles(page)).toHaveCount(1);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  test('a bad board in config.json stops the app with the field named', async ({ page }) => {
    const config = { datasources: [{ uid: 'prom', kind: 'prometheus', name: 'Demo server', url: demo.url }], boards: [{ id: 'checkout', services: ['orders', 'payments', 42] }] };
    await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }));
    await page.goto('/noc');
    await expect(page.getByText('boards[0].services[2]: must be a non-empty string, got 42')).toBeVisible();
  });

  test('tiles turn STALE within twice the refresh interval, and recover without a reload', async ({ page }) => {
    await page.route('**/config.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ datasources: [{ uid: 'prom', kind: 'prometheus', name: 'Demo server', url: demo.url, default: true }] }) }),
    );
    await page.goto('/noc?refresh=2s');
    const payments = page.locator('[data-testid=noc-tile][data-service=payments]');
    await expect(payments).toHaveAttribute('data-state', 'crit', { timeout: 30_000 });
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

    await page.route(`${demo.url}/**`, (route) => route.abort('connectionrefused'));
    const cut = Date.now();
    await expect(payments).toHaveAttribute('data-state', 'stale', { timeout: 15_000 });
    // 2 × 2 s, plus the one-second clock and a refresh in flight.
    expect(Date.now() - cut).toBeLessThan(8_000);
    await expect(payments).toContainText('STALE');
    await expect(payments).toContainText(/\ds old/);
    await expect(page.getByTestId('noc-unreachable')).toBeVisible();
    for (const state of await tiles(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-state')))) expect(state).toBe('stale');

    await page.unroute(`${demo.url}/**`);
    await expect(payments).toHaveAttribute('data-state', 'crit', { timeout: 60_000 });
    await expect(page.getByTestId('noc-unreachable')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });
});
