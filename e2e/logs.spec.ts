import { expect, test } from '@playwright/test';
import { FIXED_NOW, startClockAt } from './pages/fixedClock';
import { LogsPage } from './pages/LogsPage';

// The log explorer on the embedded demo's Loki: the payment provider incident's errors, their traces, filters
// built from a line, a line's context, the incident's pattern marked new, and a live tail paused and resumed.
let pageErrors: string[] = [];

test.beforeEach(async ({ page }) => {
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await startClockAt(page);
});

test.afterEach(() => {
  expect(pageErrors, 'uncaught page errors').toEqual([]);
});

const INCIDENT_ERRORS = '{service_name="payments", level="error"} |= "payment provider timeout"';

test("the incident's provider timeouts are listed, marked, with the server's cap said", async ({ page }) => {
  const logs = new LogsPage(page);
  await logs.open(INCIDENT_ERRORS);
  await expect(logs.rows.first()).toBeVisible({ timeout: 60_000 });
  await expect(logs.rows.first()).toHaveAttribute('data-level', 'error');
  await expect(logs.rows.first().locator('.log-level')).toHaveText('error');
  await expect(logs.rows.first().locator('mark').first()).toHaveText('payment provider timeout');
  await expect(logs.rows.first()).toContainText('payment provider timeout after 30000ms');
  await expect(logs.volumeBars().first()).toBeAttached({ timeout: 60_000 });
  await page.screenshot({ path: 'test-results/logs-incident.png' });
});

test("a line's trace link opens its trace, found by the demo's trace backend", async ({ page }) => {
  const logs = new LogsPage(page);
  await logs.open(INCIDENT_ERRORS);
  const link = logs.rows.first().getByTestId('log-trace-link');
  await expect(link).toBeVisible({ timeout: 60_000 });
  const href = (await link.getAttribute('href'))!;
  const traceId = /\/traces\/([0-9a-f]{32})/.exec(href)![1]!;
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/traces/${traceId}\\?from=\\d+&to=\\d+`));
  await expect(page.getByText(traceId).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('span-row').filter({ hasText: 'payment-provider' }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/logs-trace-link.png' });
});

test('filter for a parsed field edits the query and the list follows', async ({ page }) => {
  const logs = new LogsPage(page);
  await logs.open('{service_name="payments", level="error"}');
  await expect(logs.rows.first()).toBeVisible({ timeout: 60_000 });
  await logs.rows.first().click();
  await expect(logs.details).toBeVisible();
  await logs.details.getByRole('button', { name: 'Filter for msg=payment provider timeout after 30000ms' }).click();
  await expect.poll(() => logs.query()).toBe('{service_name="payments", level="error"} | json | msg="payment provider timeout after 30000ms"');
  await logs.settled();
  await expect(logs.rows.first()).toContainText('payment provider timeout after 30000ms');
  // Every line shown has that message: settled() waited for the list to answer the new query.
  const texts = await logs.rows.locator('.log-line').allInnerTexts();
  expect(texts.length).toBeGreaterThan(0);
  for (const t of texts) expect(t).toContain('payment provider timeout after 30000ms');
  // Filter out a stream label: a negative matcher in the selector.
  await logs.rows.first().click();
  await logs.details.getByRole('button', { name: /^Filter out namespace=/ }).click();
  await expect.poll(() => logs.query()).toMatch(/^\{service_name="payments", level="error", namespace!="[^"]+"\} \| json/);
  await page.screenshot({ path: 'test-results/logs-filtered.png' });
});

test('the label browser builds the selector; the in-view filter narrows what is in hand', async ({ page }) => {
  const logs = new LogsPage(page);
  await page.goto('/explore/logs?from=now-1h&to=now');
  const browser = page.getByTestId('label-browser');
  await browser.getByRole('button', { name: 'service_name', exact: true }).click({ timeout: 60_000 });
  await browser.getByRole('button', { name: 'payments', exact: true }).click({ timeout: 60_000 });
  await browser.getByRole('button', { name: 'Show logs' }).click();
  await expect.poll(() => logs.query()).toBe('{service_name="payments"}');
  await expect(logs.rows.first()).toBeVisible({ timeout: 60_000 });
  await logs.settled();
  await page.getByLabel('Filter lines in view').fill('TIMEOUT AFTER');
  await expect(logs.status).toContainText('match the filter');
  for (const t of await logs.rows.locator('.log-line').allInnerTexts()) expect(t.toLowerCase()).toContain('timeout after');
  await page.screenshot({ path: 'test-results/logs-label-browser.png' });
});

test("a line's context: the lines before and after it in its own stream, the line itself between them", async ({ page }) => {
  const logs = new LogsPage(page);
  await logs.open('{service_name="payments", level="error"}', 'from=now-1h&to=now&tz=utc');
  await expect(logs.rows.nth(5)).toBeVisible({ timeout: 60_000 });
  await logs.settled();
  const row = logs.rows.nth(5);
  const key = (await row.getAttribute('data-key'))!;
  const time = await row.locator('.log-time').innerText();
  // By keyboard: the line's item takes the focus, and Enter opens it.
  await row.locator('xpath=..').focus();
  await page.keyboard.press('Enter');
  await expect(logs.selectedRow()).toHaveAttribute('data-key', key);
  await logs.details.getByRole('button', { name: 'Show context' }).click();
  await expect(logs.details.getByRole('button', { name: 'Hide context' })).toBeVisible();
  const before = page.getByTestId('log-context-before').getByTestId('log-context-row');
  const after = page.getByTestId('log-context-after').getByTestId('log-context-row');
  await expect(before.first()).toBeVisible({ timeout: 30_000 });
  await expect(after.first()).toBeVisible();
  // The chosen line is the one marked (expanded, selected), and the context sits around it: before, line, after.
  const selected = logs.selectedRow();
  await expect(selected).toHaveAttribute('data-key', key);
  await expect(selected).toHaveClass(/selected/);
  const order = await selected.evaluate((el) => {
    const item = el.closest('.log-item')!;
    const b = item.querySelector('[data-testid="log-context-before"]')!;
    const a = item.querySelector('[data-testid="log-context-after"]')!;
    return [b.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING, el.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING];
  });
  expect(order.every((bit) => bit !== 0)).toBe(true);
  // Same stream: payments' error lines (level is a stream label), in time order around the line (UTC text sorts).
  for (const [rows, side] of [[before, 'before'], [after, 'after']] as const) {
    const n = await rows.count();
    expect(n, `${side} lines`).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const r = rows.nth(i);
      await expect(r.locator('.log-level')).toHaveText('error');
      await expect(r.locator('.log-line')).toContainText('"service":"payments"');
      const t = await r.locator('.log-time').innerText();
      if (side === 'before') expect(t <= time, `${t} before ${time}`).toBe(true);
      else expect(t >= time, `${t} after ${time}`).toBe(true);
    }
  }
  const beforeTimes = await before.locator('.log-time').allInnerTexts();
  expect(beforeTimes).toEqual([...beforeTimes].sort());
  await page.screenshot({ path: 'test-results/logs-context.png' });
});

test("patterns: over a range ending just after the incident's start, the provider timeout is the new pattern", async ({ page }) => {
  const logs = new LogsPage(page);
  // The demo's incident starts 20 minutes before the clock's hour (fixedClock: 10:30 → 09:40). A range from
  // 09:10 to 09:42 holds half an hour of ordinary payments lines and the first two minutes of timeouts, so the
  // timeouts all fall in the last quarter of the lines' span, with none before it.
  const hour = Math.floor(FIXED_NOW / 3_600_000) * 3_600_000;
  const from = hour - 50 * 60_000;
  const to = hour - 18 * 60_000;
  await logs.open('{service_name="payments"}', `from=${from}&to=${to}`);
  await expect(logs.rows.first()).toBeVisible({ timeout: 60_000 });
  await logs.settled();
  await page.getByRole('tab', { name: 'Patterns' }).click();
  await expect(logs.patterns).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  const timeout = logs.patterns.locator('tr').filter({ hasText: 'payment provider timeout after' });
  await expect(timeout).toHaveCount(1);
  await expect(timeout.locator('.pattern-new')).toHaveText('new');
  // The patterns from before the incident are not new.
  const old = logs.patterns.locator('tbody tr').filter({ hasNotText: 'payment provider timeout' });
  expect(await old.count()).toBeGreaterThan(0);
  await expect(old.locator('.pattern-new')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/logs-patterns.png' });
  // Choosing it filters the list to its lines.
  await timeout.getByRole('button').click();
  await expect(page.getByTestId('logs-pattern-filter')).toContainText('payment provider timeout after');
  await expect(logs.rows.first()).toBeVisible();
  for (const t of await logs.rows.locator('.log-line').allInnerTexts()) expect(t).toContain('payment provider timeout after');
});

test('live tail: lines arrive, pause freezes the list while the new count climbs, resume catches up, the buffer stays bounded', async ({ page }) => {
  test.setTimeout(120_000);
  const logs = new LogsPage(page);
  // demo.tailrate: the demo's batch job writes 2,000 lines a second from boot, through its tail socket.
  await page.goto(`/explore/logs?demo.tailrate=2000&from=now-5m&to=now&q=${encodeURIComponent('{service_name="batch"}')}`);
  await page.getByLabel('Live tail').check({ timeout: 60_000 });
  await expect(logs.tail).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  await expect(logs.tail.getByRole('status')).toHaveText('Live (websocket)');
  await expect(logs.rows.first()).toContainText('reconcil', { timeout: 30_000 });
  // Newer lines keep taking the top of the list.
  const firstTop = await logs.rows.first().getAttribute('data-key');
  await expect.poll(() => logs.rows.first().getAttribute('data-key'), { timeout: 15_000 }).not.toBe(firstTop);
  // Past 10,000 lines the ring buffer is full: it holds 10,000 and counts what it pushed out.
  await expect.poll(() => logs.tailCount('held'), { timeout: 60_000 }).toBe(10_000);
  await expect.poll(() => logs.tailCount('dropped'), { timeout: 15_000 }).toBeGreaterThan(0);

  await logs.tail.getByRole('button', { name: 'Pause' }).click();
  await expect(logs.tail.getByRole('status')).toContainText('Paused');
  const frozenTop = await logs.rows.first().getAttribute('data-key');
  await expect.poll(() => logs.tailCount('new'), { timeout: 15_000 }).toBeGreaterThan(0);
  const newSoFar = await logs.tailCount('new');
  const droppedSoFar = await logs.tailCount('dropped');
  await expect.poll(() => logs.tailCount('new'), { timeout: 15_000 }).toBeGreaterThan(newSoFar);
  await expect.poll(() => logs.tailCount('dropped'), { timeout: 15_000 }).toBeGreaterThan(droppedSoFar);
  // However much arrived, the list still shows what it showed when paused.
  expect(await logs.rows.first().getAttribute('data-key')).toBe(frozenTop);
  await page.screenshot({ path: 'test-results/logs-tail-paused.png' });

  await logs.tail.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('tail-pending')).toHaveCount(0);
  await expect.poll(() => logs.rows.first().getAttribute('data-key'), { timeout: 15_000 }).not.toBe(frozenTop);
  expect(await logs.tailCount('held')).toBe(10_000);
  // Virtualized: a few dozen rows in the DOM for 10,000 lines held.
  expect(await logs.rows.count()).toBeLessThan(200);
  await page.screenshot({ path: 'test-results/logs-tail.png' });
});
