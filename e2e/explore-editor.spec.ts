import { expect, test } from '@playwright/test';
import { ExplorePage } from './pages/ExplorePage';
import { startClockAt } from './pages/fixedClock';
import { failOnPageErrors } from './pages/pageErrors';

// The PromQL editor of Explore on the embedded demo: completion from the datasource, Shift+Enter, the
// server's parse error underlined where it points, and history that outlives a reload.
// The demo's data at the usual fixed time, on a running clock: the editor's linter needs time to pass.
failOnPageErrors((page) => startClockAt(page));

const METRIC = 'http_server_request_duration_seconds_count';

test('completion offers the demo\'s metric names; picking one and Shift+Enter runs it', async ({ page }) => {
  const explore = new ExplorePage(page);
  await explore.open();
  await explore.typeAtEnd('A', 'http_server_req');
  await expect(explore.completion(METRIC)).toBeVisible();
  // The metric's metadata (from the metadata endpoint) shows beside it.
  await expect(explore.completion(METRIC)).toContainText('counter');
  await page.screenshot({ path: 'test-results/explore-autocomplete.png' });
  await explore.completion(METRIC).click();
  expect(await explore.text('A')).toBe(METRIC);

  // Label values come from the datasource too: complete a service name inside the selector.
  await explore.typeAtEnd('A', '{service_name="pay');
  await expect(explore.completion('payments')).toBeVisible();
  await explore.completion('payments').click();
  await expect.poll(() => explore.text('A')).toBe(`${METRIC}{service_name="payments"}`);

  await explore.run('A');
  await expect.poll(() => new URL(page.url()).searchParams.getAll('q')).toEqual([`${METRIC}{service_name="payments"}`]);
  await expect(explore.panel('A')).toHaveAttribute('data-state', 'ready');
});

test('a dashboard query with $__rate_interval (an "Explore" link) opens unmarked and runs', async ({ page }) => {
  const explore = new ExplorePage(page);
  await explore.open([`sum by (service_name) (rate(${METRIC}[$__rate_interval]))`]);
  await expect(explore.panel('A')).toHaveAttribute('data-state', 'ready');
  await expect(explore.row('A').locator('.cm-template-variable')).toHaveText('$__rate_interval');
  // Give the client-side linter its turn (it runs 300 ms after a change), then check it found nothing.
  await page.waitForTimeout(1000);
  await expect(explore.row('A').locator('.cm-lintRange, .cm-lintPoint')).toHaveCount(0);
});

test('a bad query shows the server\'s parse error underlined at its position, until the text changes', async ({ page }) => {
  const explore = new ExplorePage(page);
  const bad = 'sum by (service_name) (rate(http_server_request_duration_seconds_count[5m]) foo';
  await explore.open([bad]);
  await expect(explore.panel('A')).toHaveAttribute('data-state', 'error');
  const message = await explore.panel('A').getByTestId('panel-error').innerText();
  const position = /(\d+):(\d+): parse error/.exec(message);
  expect(position, message).not.toBeNull();
  // The server points at column 77 (the stray identifier); that is what is underlined.
  expect(Number(position![2])).toBe(bad.indexOf('foo') + 1);
  await expect(explore.serverErrorMark('A')).toHaveText('foo');

  // Hovering the mark shows the server's message.
  await explore.serverErrorMark('A').hover();
  await expect(page.locator('.cm-tooltip-lint')).toContainText(message);

  // Any edit to the query (not mere whitespace around it, which the run trims) makes the server's answer stale.
  await explore.typeAtEnd('A', ' ');
  await expect(explore.serverErrorMark('A')).toHaveText('foo');
  await explore.typeAtEnd('A', 'bar');
  await expect(explore.serverErrorMark('A')).toHaveCount(0);
});

test('an unclosed parenthesis is underlined at the end, and fixing it with Shift+Enter clears it', async ({ page }) => {
  const explore = new ExplorePage(page);
  const bad = 'sum(rate(http_server_request_duration_seconds_count[5m])';
  await explore.open([bad]);
  await expect(explore.panel('A').getByTestId('panel-error')).toHaveText('invalid parameter "query": 1:57: parse error: unclosed left parenthesis');
  await expect(explore.serverErrorMark('A')).toHaveText(')');
  await explore.typeAtEnd('A', ')');
  await explore.run('A');
  await expect(explore.panel('A')).toHaveAttribute('data-state', 'ready');
  await expect(explore.serverErrorMark('A')).toHaveCount(0);
});

test('the query history of the datasource holds a run query after a reload, and a pick puts it back in the editor', async ({ page }) => {
  const explore = new ExplorePage(page);
  const query = `sum(rate(${METRIC}[5m]))`;
  await explore.open();
  await explore.editor('A').fill(query);
  await explore.run('A');
  await expect(explore.panel('A')).toHaveAttribute('data-state', 'ready');

  await page.reload();
  await explore.open();
  await expect(explore.editor('A')).toBeVisible();
  expect(await explore.text('A')).toBe('');
  const history = await explore.openHistory('A');
  await expect(history.getByRole('button')).toHaveText([query]);
  await history.getByRole('button', { name: query }).click();
  await expect.poll(() => explore.text('A')).toBe(query);
  await explore.run('A');
  await expect(explore.panel('A')).toHaveAttribute('data-state', 'ready');

  // Running it again does not list it twice.
  await page.reload();
  await expect(explore.editor('A')).toBeVisible();
  await expect((await explore.openHistory('A')).getByRole('button')).toHaveText([query]);
});
