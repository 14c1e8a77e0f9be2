import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { expect, test, type Page } from '@playwright/test';
import { recordSdkSpans, sdkOtlpJson, type SdkSpanPlan } from '../src/datasources/shared/otlp/sdkTraces.testing';
import { jaegerFileOf, zipkinFileOf } from '../src/traceFiles/fileProducers.testing';
import { fixClock } from './pages/fixedClock';
import { makeTempDir, type TempDir } from './servers/tempDir';

// Trace files opened with no backend: made by the real OpenTelemetry JS SDK (its OTLP/JSON serializer, its
// Zipkin exporter's conversion, Jaeger JSON as Jaeger's translator writes it), written to a temp dir, then
// dropped on the page (a DataTransfer in a dispatched drop event) or chosen with the top bar's file input.

const plan: SdkSpanPlan = {
  name: 'GET /checkout',
  service: 'frontend',
  kind: SpanKind.SERVER,
  startNs: 0,
  durationNs: 40_000_000,
  children: [
    { name: 'POST /charge', service: 'payments', kind: SpanKind.CLIENT, startNs: 1_000_000, durationNs: 30_000_000, status: { code: SpanStatusCode.ERROR, message: 'timeout' },
      children: [{ name: 'INSERT payments', service: 'payments-db', kind: SpanKind.CLIENT, startNs: 2_000_000, durationNs: 5_000_000 }] },
    { name: 'reserve', service: 'inventory', kind: SpanKind.CLIENT, startNs: 32_000_000, durationNs: 3_000_000 },
    { name: 'notify', service: 'notifications', kind: SpanKind.PRODUCER, startNs: 36_000_000, durationNs: 1_000_000 },
  ],
};
const SERVICES = ['frontend', 'inventory', 'notifications', 'payments', 'payments-db'];
const spans = recordSdkSpans(plan);

let dir: TempDir;
let pageErrors: string[] = [];

test.beforeAll(() => {
  dir = makeTempDir('trace-files');
  writeFileSync(join(dir.path, 'checkout.otlp.json'), JSON.stringify(sdkOtlpJson(spans)));
  writeFileSync(join(dir.path, 'checkout.jaeger.json'), JSON.stringify(jaegerFileOf(spans)));
  writeFileSync(join(dir.path, 'checkout.zipkin.json'), JSON.stringify(zipkinFileOf(spans)));
});
test.afterAll(() => dir.remove());

test.beforeEach(async ({ page }) => {
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await fixClock(page);
});
test.afterEach(() => {
  expect(pageErrors, 'uncaught page errors').toEqual([]);
});

/** Drops a file on the page as a browser does: a DataTransfer holding a File, in a drop event on the body. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(({ name, text }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], name, { type: 'application/json' }));
    return transfer;
  }, { name, text });
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
}

async function expectOpened(page: Page, name: string, format: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/traces/file/${name.replaceAll('.', '\\.')}$`));
  await expect(page.getByTestId('span-row')).toHaveCount(spans.length);
  await expect(page.getByTestId('trace-span-count')).toHaveText(String(spans.length));
  await expect(page.locator('.trace-services li')).toHaveText(SERVICES);
  await expect(page.locator('.trace-facts')).toContainText(`${name} (${format})`);
  await expect(page.getByTestId('span-row').first()).toContainText('GET /checkout');
  // A span of the file's trace opens its details, and its link keeps the span: the tree came from the worker.
  await page.getByTestId('span-row').nth(1).click();
  await expect(page.getByTestId('span-detail')).toBeVisible();
  await expect(page).toHaveURL(/[?&]span=/);
  await expect(page.getByTestId('span-row').nth(1)).toHaveAttribute('aria-selected', 'true');
}

const read = (name: string) => import('node:fs').then((fs) => fs.readFileSync(join(dir.path, name), 'utf8'));

test('an OTLP file dropped on a trace page opens in the waterfall', async ({ page }) => {
  await page.goto('/traces/0af7651916cd43dd8448eb211c80319c');
  // The demo has no such trace; once it says so, the trace page (and its drop target) is mounted.
  await expect(page.getByTestId('trace-not-found')).toBeVisible();
  await dropFile(page, 'checkout.otlp.json', await read('checkout.otlp.json'));
  await expectOpened(page, 'checkout.otlp.json', 'OTLP/JSON');
});

test('a Jaeger file chosen with the top bar button opens, from any page', async ({ page }) => {
  await page.goto('/services');
  await page.locator('header').getByTestId('trace-file-input').setInputFiles(join(dir.path, 'checkout.jaeger.json'));
  await expectOpened(page, 'checkout.jaeger.json', 'Jaeger JSON');
});

test('a Zipkin file dropped on the file page opens, and after a reload the page says it is gone', async ({ page }) => {
  await page.goto('/traces/file/nothing.json');
  await expect(page.getByTestId('trace-file-gone')).toContainText('The file is no longer loaded');
  await dropFile(page, 'checkout.zipkin.json', await read('checkout.zipkin.json'));
  await expectOpened(page, 'checkout.zipkin.json', 'Zipkin v2 JSON');
  await page.reload();
  await expect(page.getByTestId('trace-file-gone')).toContainText('checkout.zipkin.json');
});

test('a file that is not a trace says which formats were tried, and the rest of the page still works', async ({ page }) => {
  await page.goto('/traces/0af7651916cd43dd8448eb211c80319c');
  // The demo has no such trace; once it says so, the trace page (and its drop target) is mounted.
  await expect(page.getByTestId('trace-not-found')).toBeVisible();
  await dropFile(page, 'dashboard.json', JSON.stringify({ dashboard: { title: '<img src=x onerror=alert(1)>', panels: [] } }));
  const error = page.getByTestId('trace-file-error');
  await expect(error).toContainText('This is not a trace file Watchfloor can read. Tried:');
  await expect(error).toContainText('- OTLP/JSON: no resourceSpans (or batches) array');
  await expect(error).toContainText('- Jaeger JSON: no data array and no traceID with spans');
  await expect(error).toContainText('- Zipkin v2 JSON: needs an array of spans, got an object');
  await expect(page.locator('main img')).toHaveCount(0);
  // The top bar's trace ID box still navigates.
  await page.getByLabel('Trace ID').fill('4bf92f3577b34da6a3ce929d0e0e4736');
  await page.getByLabel('Trace ID').press('Enter');
  await expect(page).toHaveURL(/\/traces\/4bf92f3577b34da6a3ce929d0e0e4736\?/);
  await expect(page.getByTestId('trace-not-found').or(page.getByTestId('span-row').first())).toBeVisible();
  // And a good file still opens after the bad one.
  await dropFile(page, 'checkout.otlp.json', await read('checkout.otlp.json'));
  await expectOpened(page, 'checkout.otlp.json', 'OTLP/JSON');
});
