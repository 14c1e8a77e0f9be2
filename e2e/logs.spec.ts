import { expect, test } from '@playwright/test';
import { startClockAt } from './pages/fixedClock';
import { LogsPage } from './pages/LogsPage';

// The log explorer on the embedded demo's Loki: the payment provider incident's errors, their traces, and
// filters built from a line. Context, patterns and live tail need parts not in main yet (the Loki adapter's
// `context`, lpat's PatternsView and useLiveTail); their behaviour is covered by component tests for now.
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
  // Every line shown has that message now.
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
