import { expect, test } from '@playwright/test';
import { fixClock, startClockAt } from './pages/fixedClock';
import { TraceSearchPage } from './pages/TraceSearchPage';

// Trace search on the embedded demo at the fixed clock (10:30 UTC): the payment-provider incident (from
// 09:40) fills most of the last hour, so payments' errors are its 30 s provider timeouts.
let pageErrors: string[] = [];

test.beforeEach(async ({ page }) => {
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

test.afterEach(() => {
  expect(pageErrors, 'uncaught page errors').toEqual([]);
});

/** "30.1 s" → 30.1, "850 ms" → 0.85, "12 µs" → 0.000012. */
const seconds = (text: string): number => {
  const m = /([\d.]+)\s*(µs|ms|s)/.exec(text);
  if (m === null) return NaN;
  return Number(m[1]) * (m[2] === 's' ? 1 : m[2] === 'ms' ? 1e-3 : 1e-6);
};

test('search payments errors, see the scatter and the list, open an incident trace and find the 30 s provider call', async ({ page }) => {
  await fixClock(page);
  const search = new TraceSearchPage(page);
  await search.open();
  await expect(search.form.getByLabel('Datasource')).toHaveValue('demo-jaeger');
  await search.search({ service: 'payments', errorsOnly: true });
  await expect(page).toHaveURL(/service=payments/);
  await expect(page).toHaveURL(/errors=1/);
  await search.settled();
  await expect(search.rows.first()).toBeVisible();
  // Errors only: every mark on the scatter is an error triangle, and every row has errors. The marks are awaited
  // first: until the errors-only answer has replaced the page's first results, the old rows are still listed.
  await expect(search.errorMarks.first()).toBeVisible();
  await expect(search.okMarks).toHaveCount(0);
  for (const errors of await search.column(2)) expect(Number(errors)).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/traces-search.png', fullPage: true });

  await search.sortBy('Duration');
  await expect(page).toHaveURL(/sort=-duration/);
  await search.settled();
  const durations = (await search.column(3)).map(seconds);
  expect(durations).toEqual([...durations].sort((a, b) => b - a));
  expect(durations[0]).toBeGreaterThanOrEqual(30);

  await search.rows.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}\?from=\d+&to=\d+/);
  const call = page.getByTestId('span-row').filter({ has: page.locator('.span-service', { hasText: /^payments$/ }) }).filter({ hasText: 'POST /v1/charges' });
  await expect(call).toBeVisible();
  await expect(call.getByRole('img', { name: 'error' })).toBeVisible();
  // The bar and its duration are drawn on the waterfall's canvas; the timeline cell is named with the same text.
  expect(seconds((await call.getByRole('gridcell').last().getAttribute('aria-label')) ?? '')).toBeGreaterThanOrEqual(30);
  await call.click();
  await expect(page.getByText(/Events \(\d+\)/)).toBeVisible();
  await expect(page.locator('.span-events')).toContainText('timeout');
});

test('a dot on the scatter opens its trace', async ({ page }) => {
  await fixClock(page);
  const search = new TraceSearchPage(page);
  await search.open('from=now-1h&to=now&ds=demo-zipkin&service=payments&errors=1');
  await expect(search.errorMarks.first()).toBeVisible();
  const id = await search.errorMarks.first().getAttribute('data-trace-id');
  await search.errorMarks.first().dispatchEvent('click');
  await expect(page).toHaveURL(new RegExp(`/traces/${id}\\?from=\\d+&to=\\d+`));
  await expect(page.getByTestId('span-row').first()).toBeVisible();
});

test('TraceQL on demo-tempo: completion from the tag endpoints, Shift+Enter runs, a parse error is shown', async ({ page }) => {
  await startClockAt(page);
  const search = new TraceSearchPage(page);
  await search.open('from=now-1h&to=now&ds=demo-tempo');
  await search.form.getByRole('radio', { name: 'TraceQL' }).check();
  await search.traceql.click();
  await page.keyboard.type('{ resource.service.name = pay', { delay: 20 });
  const option = page.locator('.cm-tooltip-autocomplete').getByRole('option').filter({ hasText: 'payments' }).first();
  await expect(option).toBeVisible();
  await option.click();
  await page.keyboard.type(' && status = error && duration > 29s }', { delay: 10 });
  await page.screenshot({ path: 'test-results/traces-search-traceql.png' });
  await search.traceql.press('Shift+Enter');
  await expect(page).toHaveURL(/mode=traceql/);
  await search.settled();
  await expect(search.rows.first()).toBeVisible();
  for (const d of await search.column(3)) expect(seconds(d)).toBeGreaterThanOrEqual(29);

  await search.traceql.press('ControlOrMeta+a');
  await page.keyboard.type('{ resource.service.name = }', { delay: 10 });
  await search.traceql.press('Shift+Enter');
  await expect(search.results.getByRole('alert')).toContainText('invalid TraceQL query: parse error');
  await expect(page.locator('.cm-server-error')).toBeVisible();
  // The form stays usable after the error.
  await expect(search.form.getByRole('button', { name: 'Search' })).toBeEnabled();
});

test('an unknown trace ID says not found per datasource and links to the search over its window', async ({ page }) => {
  await fixClock(page);
  await page.goto('/traces/00000000000000000000000000abcdef?from=1763632800000&to=1763634600000');
  const box = page.getByTestId('trace-not-found');
  await expect(box).toBeVisible();
  await expect(box.locator('[data-outcome="not-found"]')).toHaveCount(3);
  await expect(box).toContainText('Demo Tempo: has no trace 00000000000000000000000000abcdef');
  await box.getByRole('link', { name: 'Search traces in this window' }).click();
  await expect(page).toHaveURL(/\/traces\?from=1763632800000&to=1763634600000$/);
  await expect(new TraceSearchPage(page).rows.first()).toBeVisible();
});
