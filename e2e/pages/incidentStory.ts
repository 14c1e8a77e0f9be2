import { expect, type Locator, type Page } from '@playwright/test';
import { LogsPage } from './LogsPage';
import { ServiceDashboardPage } from './ServiceDashboardPage';
import { ServicesPage } from './ServicesPage';

/**
 * The steps of the incident story (issue 10), shared by the demo spec and the real-Prometheus spec: each
 * step clicks like a user, then asserts what the view shows, not only where the URL went.
 */

/** The directory the README's walkthrough screenshots are written to with UPDATE_SCREENSHOTS=1. */
export const SHOTS_DIR = 'docs/incident';
export const STORY_VIEWPORT = { width: 1280, height: 800 } as const;

/**
 * Counts the user's clicks: every trusted `click` event the page sees, kept in sessionStorage so a full
 * reload does not reset it. Playwright's clicks are real input events (trusted); `dispatchEvent` would
 * not be, so a step that only works through a synthetic event cannot pass as "one click".
 */
export async function installClickCounter(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener(
      'click',
      (e) => {
        if (!e.isTrusted) return;
        sessionStorage.setItem('wf-e2e-clicks', String(Number(sessionStorage.getItem('wf-e2e-clicks') ?? '0') + 1));
      },
      true,
    );
  });
}

export async function clickCount(page: Page): Promise<number> {
  return page.evaluate(() => Number(sessionStorage.getItem('wf-e2e-clicks') ?? '0'));
}

/** Saves a step's screenshot for the README, only when asked (UPDATE_SCREENSHOTS=1), so test runs leave the tree clean. */
async function storyShot(page: Page, name: string, enabled: boolean, height: number = STORY_VIEWPORT.height): Promise<void> {
  if (!enabled || process.env['UPDATE_SCREENSHOTS'] !== '1') return;
  // Cut below the content where a view leaves the rest of the window empty: smaller files in the repository.
  const clip = { x: 0, y: 0, width: STORY_VIEWPORT.width, height };
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, animations: 'disabled', caret: 'hide', clip });
}

/** The value shown beside a fact's label in the span detail (`Service`, `Duration`, `Status`, …). */
export function spanFact(page: Page, label: string): Locator {
  return page.getByTestId('span-detail').locator(`dl.span-detail-facts > dt:text-is("${label}") + dd`);
}

/** "30.1 s", "29.98 s", "1m 2s" → seconds. */
export function seconds(text: string): number {
  const m = /^(\d+)m (\d+)s$/.exec(text.trim());
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  const s = /^([\d.]+) s$/.exec(text.trim());
  if (s) return Number(s[1]);
  const ms = /^([\d.]+) ms$/.exec(text.trim());
  return ms ? Number(ms[1]) / 1000 : NaN;
}

/** The exemplar markers of one panel (the DRILL10 contract: role=button, class `exemplar`, data-trace-id). */
export function exemplarMarkers(panel: Locator): Locator {
  return panel.locator('.exemplar[role="button"][data-trace-id]');
}

/**
 * The marker drawn highest on the chart (the slowest request), among those in the right-hand `share` of
 * the plot, where the incident is: one of the 30 s provider timeouts.
 */
export async function highestMarker(panel: Locator): Promise<Locator> {
  const markers = exemplarMarkers(panel);
  await expect(markers.first()).toBeVisible();
  const index = await markers.evaluateAll((els) => {
    const ys = els.map((e) => {
      const r = e.getBoundingClientRect();
      return r.top + r.height / 2;
    });
    return ys.indexOf(Math.min(...ys));
  });
  return markers.nth(index);
}

/** The waterfall row of the first span of `service` whose name or peer matches, by the row's service column. */
export function spanRowOf(page: Page, service: string): Locator {
  return page.getByTestId('span-row').filter({ has: page.locator('.span-service', { hasText: new RegExp(`^${service}$`) }) });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The range of a URL's `from`/`to`, when both are epoch ms. */
export function absoluteRange(url: string): { from: number; to: number } {
  const params = new URL(url).searchParams;
  const from = Number(params.get('from'));
  const to = Number(params.get('to'));
  expect(Number.isFinite(from) && Number.isFinite(to) && from > 0 && to > from, `absolute range in ${url}`).toBe(true);
  return { from, to };
}

export interface StoryOptions {
  /** The time range every view starts with, as the overview's query string. */
  range: string;
  /** The datasource names the trace page and the log explorer must show. */
  traceDatasource: string;
  logsDatasource: string;
  /** Write the README's screenshots (with UPDATE_SCREENSHOTS=1). */
  screenshots: boolean;
  /** Called with the exemplar about to be clicked, to check where it came from. */
  checkExemplar?: (exemplar: { traceId: string }) => Promise<void>;
}

export interface StoryResult {
  traceId: string;
  /** Clicks per step, counted from trusted click events. */
  clicks: Record<StoryStep, number>;
}

export type StoryStep = '1 overview' | '2 service dashboard' | '3 trace' | '4 logs' | '5 provider signals';

/**
 * Issue 10's incident story, step by step; each step's view is asserted by its content. Returns the clicks each
 * step took, for the caller to assert (steps 2 to 4: at most three in all).
 */
export async function runIncidentStory(page: Page, options: StoryOptions): Promise<StoryResult> {
  const clicks: Partial<Record<StoryStep, number>> = {};
  // A fresh page: no clicks yet (and about:blank has no sessionStorage to ask).
  let before = 0;
  const stepDone = async (step: StoryStep) => {
    const now = await clickCount(page);
    clicks[step] = now - before;
    before = now;
  };
  const shot = (name: string, height?: number) => storyShot(page, name, options.screenshots, height);

  // 1. The overview, worst first: the provider itself answers 500 to most of its calls (its error ratio is the
  // higher one), payments right below it; both red, nothing healthy above them.
  const overview = new ServicesPage(page);
  await overview.open(options.range);
  await overview.waitForSparklines();
  expect((await overview.serviceNames()).slice(0, 2)).toEqual(['payment-provider', 'payments']);
  for (const service of ['payment-provider', 'payments']) await expect(overview.row(service)).toHaveAttribute('data-status', 'crit');
  await expect(overview.row('payments').locator('[data-signal="errorRatio"]')).toHaveAttribute('data-status', 'crit');
  await shot('1-overview', 590);
  await stepDone('1 overview');

  // 2. One click: payments' dashboard, the spike in its error ratio and latency, exemplars on the latency chart.
  await overview.row('payments').click();
  const dashboard = new ServiceDashboardPage(page);
  await expect(page.getByTestId('service-title')).toHaveText('payments');
  await dashboard.waitForPanels();
  const errors = await dashboard.panel('Error ratio').getByTestId('stat-value').innerText();
  expect(Number(/([\d.]+)%/.exec(errors)?.[1]), errors).toBeGreaterThan(40);
  const p99 = await dashboard.panel('p99 latency').getByTestId('stat-value').innerText();
  expect(seconds(p99), p99).toBeGreaterThan(20);
  for (const title of ['Error ratio over time', 'Latency p50 / p95 / p99']) {
    await expect(dashboard.panel(title), title).toHaveAttribute('data-state', 'ready');
  }
  const marker = await highestMarker(dashboard.panel('Latency p50 / p95 / p99'));
  const traceId = (await marker.getAttribute('data-trace-id'))!;
  expect(traceId).toMatch(/^[0-9a-f]{32}$/);
  await expect(marker).toHaveAttribute('aria-label', new RegExp(`^Exemplar.*${traceId}`));
  await options.checkExemplar?.({ traceId });
  // Hovering says what it is before the click.
  await marker.hover();
  await expect(page.getByRole('tooltip')).toContainText(traceId);
  await shot('2-payments-exemplar');
  await stepDone('2 service dashboard');

  // 3. One click on the exemplar: its trace, with payments' 30 s failed span selected.
  await marker.click();
  await expect(page).toHaveURL(new RegExp(`/traces/${traceId}\\?`));
  const exemplarWindow = absoluteRange(page.url());
  const exemplarTimeMs = (exemplarWindow.from + exemplarWindow.to) / 2;
  const header = page.locator('.trace-header');
  await expect(header).toContainText(traceId);
  await expect(header.locator('dt:text-is("From") + dd')).toHaveText(options.traceDatasource);
  const detail = page.getByTestId('span-detail');
  await expect(detail).toBeVisible();
  const selected = page.locator('[data-testid="span-row"][aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  await expect(selected.locator('.span-service')).toHaveText('payments');
  await expect(spanFact(page, 'Service')).toHaveText('payments');
  await expect(spanFact(page, 'Status')).toContainText('error');
  const duration = seconds(await spanFact(page, 'Duration').innerText());
  expect(duration).toBeGreaterThanOrEqual(29.5);
  expect(duration).toBeLessThan(32);
  // The call that hung is in view: besides payments' server span, its client span to the provider (named
  // after the provider's route, so told apart by its error mark), and the provider's own span below it.
  await expect(spanRowOf(page, 'payments').filter({ has: page.locator('.span-error-mark') })).toHaveCount(2);
  await expect(spanRowOf(page, 'payment-provider').first()).toBeVisible();
  await shot('3-trace');
  await stepDone('3 trace');

  // 4. One click: the trace's logs, the provider timeout among them, every line carrying this trace ID.
  await page.getByRole('link', { name: 'Logs for this trace' }).click();
  await expect(page).toHaveURL(/\/explore\/logs\?/);
  const logs = new LogsPage(page);
  await logs.settled();
  await expect(logs.rows.first()).toBeVisible();
  // The picker names the datasource, then its query language: "Demo Loki (LogQL)".
  await expect(page.getByRole('combobox', { name: 'Datasource' }).locator('option:checked')).toHaveText(new RegExp(`^${escapeRegExp(options.logsDatasource)}( \\(|$)`));
  const rowTexts = await logs.rows.locator('.log-line').allInnerTexts();
  expect(rowTexts.length).toBeGreaterThan(0);
  for (const text of rowTexts) expect(text).toContain(traceId);
  expect(rowTexts.some((t) => t.includes('payment provider timeout after 30000ms')), rowTexts.join('\n')).toBe(true);
  const timeoutRow = logs.rows.filter({ hasText: 'payment provider timeout' }).first();
  await expect(timeoutRow).toHaveAttribute('data-level', 'error');
  await expect(timeoutRow.getByTestId('log-trace-link')).toHaveAttribute('href', new RegExp(`/traces/${traceId}`));
  // The trace's window padded by a minute each side: never a few ms wide.
  const logWindow = absoluteRange(page.url());
  expect(logWindow.from).toBeLessThanOrEqual(exemplarTimeMs - 60_000);
  expect(logWindow.to).toBeGreaterThanOrEqual(exemplarTimeMs + 60_000);
  await shot('4-trace-logs', 530);
  await stepDone('4 logs');

  // 5. Back to the trace (the browser's Back: no click), the provider's own span, its Golden Signals at that time.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/traces/${traceId}\\?`));
  await spanRowOf(page, 'payment-provider').first().click();
  await expect(spanFact(page, 'Service')).toHaveText('payment-provider');
  const signals = page.getByTestId('span-detail').getByRole('link', { name: 'Golden Signals for this service' });
  await expect(signals).toHaveAttribute('data-link-kind', 'service-signals');
  await shot('5-provider-span');
  await signals.click();
  await expect(page).toHaveURL(/\/services\/payment-provider\?/);
  await expect(page.getByTestId('service-title')).toHaveText('payment-provider');
  const range = absoluteRange(page.url());
  // The provider's span starts about 30 s before payments' span ends (the exemplar's time) and runs on past it.
  expect(range.from).toBeLessThan(exemplarTimeMs - 35_000);
  expect(range.to).toBeGreaterThan(exemplarTimeMs + 5_000);
  expect(range.to - range.from).toBe(30 * 60_000);
  await dashboard.waitForPanels();
  for (const title of ['Error ratio', 'p99 latency', 'Latency p50 / p95 / p99', 'Error ratio over time']) {
    await expect(dashboard.panel(title), title).toHaveAttribute('data-state', 'ready');
  }
  const providerP99 = await dashboard.panel('p99 latency').getByTestId('stat-value').innerText();
  expect(seconds(providerP99), providerP99).toBeGreaterThan(20);
  await shot('6-provider-signals');
  await stepDone('5 provider signals');

  return { traceId, clicks: clicks as Record<StoryStep, number> };
}
