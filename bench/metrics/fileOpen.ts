import type { Browser } from '@playwright/test';
import { round, toResult, type BenchResult } from '../results';
import { collectSamples } from './sampling';
import { syntheticJaegerFile } from './syntheticJaeger';

export interface FileOpenSpec {
  name: string;
  budget: number;
  spans: number;
  services: number;
  maxDepth: number;
  samples: number;
  timeoutMs: number;
}

const FILE_URL = '/__bench/trace.jaeger.json';

/**
 * Runs in the page. A string, not a function: tsx would wrap its inner functions in a `__name` helper that
 * does not exist in the page.
 */
const DROP_AND_WAIT = `async ({ url, timeoutMs }) => {
  const blob = await (await fetch(url)).blob();
  const file = new File([blob], 'trace100k.jaeger.json', { type: 'application/json' });
  await new Promise((r) => setTimeout(r, 200));
  return new Promise((resolve, reject) => {
    const transfer = new DataTransfer();
    transfer.items.add(file);
    const t0 = performance.now();
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    const check = () => {
      if (performance.now() - t0 > timeoutMs) return reject(new Error('no rows after ' + timeoutMs + ' ms'));
      const refused = document.querySelector('[data-testid="trace-file-error"]');
      if (refused) return reject(new Error(refused.textContent || 'refused'));
      if (document.querySelector('[data-testid="span-row"]') === null) return void requestAnimationFrame(check);
      // rAF, then a task: the frame with the first rows has been painted.
      setTimeout(() => resolve(performance.now() - t0));
    };
    requestAnimationFrame(check);
  });
}`;

/**
 * Drop of a trace file → first waterfall rows painted. The file (synthetic Jaeger JSON, generated once per
 * run) is put in the page as a File before the clock starts: fetched from a route Playwright answers, so
 * moving 50 MB into the browser is not timed. Then, in one frame: t0, a drop event with a DataTransfer
 * holding it, dispatched on the body as a real drop is. The page reads and parses it in its worker, posts
 * the traces back, builds the tree and draws; the sample ends after the paint of the first frame with
 * `span-row` elements (rAF, then a task: that frame has been painted). Fresh context per sample.
 */
export async function measureFileOpen(browser: Browser, baseUrl: string, spec: FileOpenSpec): Promise<BenchResult> {
  const { text, depth } = syntheticJaegerFile({ spans: spec.spans, services: spec.services, maxDepth: spec.maxDepth });
  const bytes = Buffer.byteLength(text);
  const { samples, notes } = await collectSamples(spec.samples, async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      await context.route(`**${FILE_URL}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: text }));
      const page = await context.newPage();
      await page.goto(`${baseUrl}/traces/file/bench`, { timeout: spec.timeoutMs });
      await page.getByTestId('trace-file-gone').waitFor({ timeout: spec.timeoutMs });
      const ms = (await page.evaluate(`(${DROP_AND_WAIT})(${JSON.stringify({ url: FILE_URL, timeoutMs: spec.timeoutMs })})`)) as number;
      const shown = await page.getByTestId('trace-span-count').innerText();
      if (shown.replace(/,/g, '') !== String(spec.spans)) return { note: `the header said ${shown} spans, not ${spec.spans}` };
      return { value: ms };
    } finally {
      await context.close();
    }
  });
  const note = `file ${round(bytes / 1e6, 1)} MB (${bytes} bytes) Jaeger JSON, ${spec.spans} spans, ${spec.services} services, depth ${depth}; Jaeger UI 2.20: 3.2 s for 50,000 spans`;
  return toResult(spec.name, 'ms', spec.budget, samples, [note, ...notes]);
}
