import { expect, test, type Page } from '@playwright/test';
import { BATCH_SPAN_COUNT, BATCH_TRACE_ID } from '../src/demo/traces/batchTrace';
import { failOnPageErrors } from './pages/pageErrors';

// The demo's 100,000-span batch trace, opened from the UI on each trace API the demo answers in-app. Generous
// bounds, not budgets: the speed is measured by the bench, these only prove the whole trace arrives and draws.

failOnPageErrors();

const OPEN_MS = 45_000;

async function expectWholeBatchTrace(page: Page, source: string): Promise<void> {
  await expect(page.getByTestId('trace-span-count')).toHaveText('100,000', { timeout: OPEN_MS });
  await expect(page.getByRole('treegrid', { name: 'Spans' })).toHaveAttribute('aria-rowcount', String(BATCH_SPAN_COUNT));
  await expect(page.getByText('From', { exact: true }).locator('xpath=following-sibling::dd[1]')).toHaveText(source);
  const first = page.getByTestId('span-row').first();
  await expect(first).toContainText('reconcile-orders');
  expect(await page.getByTestId('span-row').count()).toBeGreaterThan(10);
  await expect(page.getByTestId('trace-not-found')).toHaveCount(0);
}

test('the trace ID box opens the 100,000-span batch trace, drawn from the first trace backend', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/services');
  await page.getByLabel('Trace ID').fill(BATCH_TRACE_ID);
  await page.getByLabel('Trace ID').press('Enter');
  await expect(page).toHaveURL(new RegExp(`/traces/${BATCH_TRACE_ID}`));
  await expectWholeBatchTrace(page, 'Demo Jaeger');
});

for (const [uid, name] of [
  ['demo-tempo', 'Demo Tempo'],
  ['demo-zipkin', 'Demo Zipkin'],
] as const) {
  test(`a link naming ${name} opens the whole batch trace from it`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(`/traces/${BATCH_TRACE_ID}?ds=${uid}`);
    await expectWholeBatchTrace(page, name);
  });
}
