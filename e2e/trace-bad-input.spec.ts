import { expect, test, type Page } from '@playwright/test';
import { batchTraceId } from '../src/demo/traces/batchTrace';
import { decodeTraceId, spanIdFor } from '../src/demo/simulator';

// Bad trace input, served as a configured Jaeger's v1 API answer through page.route (as config.spec.ts serves
// config.json): each trace renders as text with a warning in the header, never a crash or a frozen tab.
// The last tests use the demo's batch trace (any size can be asked for) for ?span= and collapse/expand all.

const JAEGER = 'http://jaeger.invalid';
const T0 = 1_767_225_600_000_000; // 2026-01-01T00:00:00Z in µs
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

interface WireSpan {
  spanID: string;
  parent?: string;
  operationName?: string;
  startTime?: number;
  duration?: number;
  tags?: { key: string; type: string; value: string | number | boolean }[];
  logs?: { timestamp: number; fields: { key: string; type: string; value: string }[] }[];
  processID?: string;
}

function jaegerBody(traceID: string, spans: WireSpan[], serviceName = 'checkout'): string {
  return JSON.stringify({
    data: [
      {
        traceID,
        processes: { p1: { serviceName, tags: [] } },
        spans: spans.map(({ parent, ...s }) => ({
          traceID,
          processID: 'p1',
          references: parent === undefined ? [] : [{ refType: 'CHILD_OF', traceID, spanID: parent }],
          ...s,
        })),
      },
    ],
  });
}

/** Serves a config.json with one Jaeger (v1 API) datasource, whose trace endpoint answers `body`. */
async function serveTrace(page: Page, body: string): Promise<void> {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ datasources: [{ uid: 'jaeger', kind: 'jaeger', name: 'Jaeger', url: JAEGER, options: { api: 'v1' } }] }),
    }),
  );
  await page.route(`${JAEGER}/**`, (route) => route.fulfill({ contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body }));
}

const warnings = (page: Page) => page.getByRole('list', { name: 'Warnings' });
const rows = (page: Page) => page.getByTestId('span-row');

/** The tab still answers and the page still works: find types and counts. */
async function stillResponsive(page: Page, query: string, matches: RegExp): Promise<void> {
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  await page.getByRole('searchbox', { name: 'Find in trace' }).fill(query);
  await expect(page.getByTestId('find-status')).toHaveText(matches);
}

test('spans that name themselves as parent, or form a cycle, are shown as roots with warnings', async ({ page }) => {
  const id = 'a1';
  await serveTrace(
    page,
    jaegerBody(id, [
      { spanID: '1', operationName: 'root', startTime: T0, duration: 1000 },
      { spanID: '2', parent: '2', operationName: 'self-parent', startTime: T0 + 10, duration: 100 },
      { spanID: '3', parent: '4', operationName: 'cycle-a', startTime: T0 + 20, duration: 100 },
      { spanID: '4', parent: '3', operationName: 'cycle-b', startTime: T0 + 30, duration: 100 },
    ]),
  );
  await page.goto(`/traces/${id}`);
  await expect(rows(page)).toHaveCount(4);
  await expect(warnings(page)).toContainText('named itself as its parent');
  await expect(warnings(page)).toContainText('cycle in parent references broken');
  for (const name of ['root', 'self-parent', 'cycle-a', 'cycle-b']) await expect(rows(page).filter({ hasText: name })).toHaveCount(1);
  await stillResponsive(page, 'cycle', /of 2/);
});

test('missing fields and negative durations are filled in and listed', async ({ page }) => {
  const id = 'a2';
  await serveTrace(
    page,
    jaegerBody(id, [
      { spanID: '1', operationName: 'root', startTime: T0, duration: 1000 },
      { spanID: '2', parent: '1', operationName: 'no-start', duration: 10 },
      { spanID: '3', parent: '1', operationName: 'no-duration', startTime: T0 + 5 },
      { spanID: '4', parent: '1', operationName: 'negative', startTime: T0 + 6, duration: -50 },
      { spanID: '5', parent: '1', startTime: T0 + 7, duration: 3 },
    ]),
  );
  await page.goto(`/traces/${id}`);
  await expect(rows(page)).toHaveCount(5);
  await expect(warnings(page)).toContainText('no start time');
  await expect(warnings(page)).toContainText('no duration');
  await expect(warnings(page)).toContainText('negative duration');
  await expect(warnings(page)).toContainText('had no name');
  await expect(rows(page).filter({ hasText: '(no name)' })).toHaveCount(1);
  await stillResponsive(page, 'negative', /of 1/);
});

test('timestamps in ns where µs were expected are divided, and said so', async ({ page }) => {
  const id = 'a3';
  const ns = T0 * 1000;
  await serveTrace(
    page,
    jaegerBody(id, [
      { spanID: '1', operationName: 'root', startTime: ns, duration: 1_500_000 },
      { spanID: '2', parent: '1', operationName: 'child', startTime: ns + 200_000, duration: 500_000 },
    ]),
  );
  await page.goto(`/traces/${id}`);
  await expect(rows(page)).toHaveCount(2);
  await expect(warnings(page)).toContainText('nanoseconds');
  // 1,500,000 ns is 1.5 ms; read as µs it would have been 1.5 s.
  await expect(page.getByTestId('trace-duration')).toHaveText('1.5 ms');
});

test('a 1 MB attribute value is warned of, cut in the detail, and stalls nothing', async ({ page }) => {
  const id = 'a4';
  const mb = 'v'.repeat(1_000_000);
  await serveTrace(
    page,
    jaegerBody(id, [
      { spanID: '1', operationName: 'root', startTime: T0, duration: 1000, tags: [{ key: 'blob', type: 'string', value: mb }] },
      { spanID: '2', parent: '1', operationName: 'child', startTime: T0 + 1, duration: 10, logs: [{ timestamp: T0 + 2, fields: [{ key: 'stack', type: 'string', value: mb }] }] },
    ]),
  );
  await page.goto(`/traces/${id}?span=0000000000000001`);
  await expect(warnings(page)).toContainText('over 100,000 characters');
  const detail = page.getByTestId('span-detail');
  await expect(detail.getByRole('button', { name: 'show all 1,000,000 characters' })).toBeVisible();
  expect((await detail.innerText()).length).toBeLessThan(20_000);
  await stillResponsive(page, 'child', /of 1/);
});

test('HTML and script in span names, services, attribute keys and values and event names stay text', async ({ page }) => {
  const id = 'a5';
  await serveTrace(
    page,
    jaegerBody(
      id,
      [
        {
          spanID: '1',
          operationName: HOSTILE,
          startTime: T0,
          duration: 1000,
          tags: [{ key: HOSTILE, type: 'string', value: HOSTILE }],
          logs: [{ timestamp: T0 + 5, fields: [{ key: 'event', type: 'string', value: HOSTILE }] }],
        },
      ],
      HOSTILE,
    ),
  );
  await page.goto(`/traces/${id}?span=0000000000000001`);
  const detail = page.getByTestId('span-detail');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(HOSTILE);
  await expect(rows(page).first()).toContainText(HOSTILE);
  // An onerror would have fired by now had an <img> been made.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => [...document.scripts].filter((s) => s.text.includes('__pwned')).length)).toBe(0);
  expect(await detail.getByText(HOSTILE, { exact: true }).count()).toBeGreaterThanOrEqual(3);
});

test.describe('on the demo batch trace', () => {
  const SPANS = 2_000;
  const traceId = batchTraceId(SPANS);
  const parts = decodeTraceId(traceId)!;

  test('a ?span= deep link opens with that span selected and scrolled into view', async ({ page }) => {
    const far = 1_500;
    const spanId = spanIdFor(parts, far);
    await page.goto(`/traces/${traceId}?span=${spanId}`);
    const row = page.locator(`[data-testid="span-row"][data-key="${spanId}"]`);
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('span-detail')).toContainText(spanId);
    await expect(page.getByRole('treegrid', { name: 'Spans' })).toHaveAttribute('aria-rowcount', String(SPANS));
  });

  test('[ collapses everything to the root and ] expands it all again', async ({ page }) => {
    await page.goto(`/traces/${traceId}`);
    const grid = page.getByRole('treegrid', { name: 'Spans' });
    await expect(grid).toHaveAttribute('aria-rowcount', String(SPANS));
    await page.keyboard.press('[');
    await expect(grid).toHaveAttribute('aria-rowcount', '1');
    await expect(rows(page)).toHaveCount(1);
    await page.keyboard.press(']');
    await expect(grid).toHaveAttribute('aria-rowcount', String(SPANS));
    expect(await rows(page).count()).toBeGreaterThan(10);
  });
});
