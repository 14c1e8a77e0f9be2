import { spawnSync } from 'node:child_process';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { findFreePort } from '../../e2e/servers/ports';
import { makeTempDir } from '../../e2e/servers/tempDir';
import { serveDist } from '../../scripts/serve-dist';
import { round, toResult, type BenchResult } from '../results';
import { firstLine } from './sampling';

export interface LogListSpec {
  root: string;
  lines: number;
  samples: number;
  timeoutMs: number;
}

export interface LogListResults {
  firstPaint: BenchResult;
  filterKeystroke: BenchResult;
  scrollP95: BenchResult;
  heap: BenchResult;
}

/** What a user types into the in-view filter, one keystroke per sample value. */
const KEYSTROKES = ['p', 'pa', 'pay', 'paym', 'payme', 'paymen', 'payment', 'payment ', 'payment p', 'payment pr', 'payment pro'];
const SCROLL_FRAMES = 120;
const SCROLL_PX_PER_FRAME = 400;

function buildPages(root: string, outDir: string): void {
  const args = ['vite', 'build', '--config', 'bench/pages/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  const out = spawnSync('npx', args, { cwd: root, stdio: 'inherit', timeout: 300_000 });
  if (out.status !== 0) throw new Error(`bench page build failed (status ${out.status})`);
}

function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
}

async function usedHeapMb(client: CDPSession): Promise<number> {
  // Twice: objects freed only by a first pass's finalizers go too.
  await client.send('HeapProfiler.collectGarbage');
  await client.send('HeapProfiler.collectGarbage');
  const { usedSize } = await client.send('Runtime.getHeapUsage');
  return usedSize / 1_000_000;
}

/** The renderer main thread's CPU time so far (CDP ThreadTime), in ms. */
async function threadTimeMs(client: CDPSession): Promise<number> {
  const { metrics } = await client.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

/** One sample: a fresh page, lines handed over, a typed filter, a scroll, the heap with the lines in hand. */
async function sample(page: Page, client: CDPSession, spec: LogListSpec) {
  await page.evaluate((n) => window.logListBench.prepare(n), spec.lines);
  await client.send('HeapProfiler.collectGarbage');
  const firstPaint = await page.evaluate(() => window.logListBench.mount());
  const rows = await page.evaluate(() => window.logListBench.rows());
  if (rows < 10) throw new Error(`the list drew ${rows} rows`);
  const heapMb = await usedHeapMb(client);
  const keystrokes: number[] = [];
  for (const term of KEYSTROKES) keystrokes.push(await page.evaluate((t) => window.logListBench.type(t), term));
  const matched = await page.evaluate(() => window.logListBench.shown());
  // Back to every line for the scroll.
  await page.evaluate(() => window.logListBench.type(''));
  const cpuBefore = await threadTimeMs(client);
  const scroll = await page.evaluate(([px, frames]) => window.logListBench.scroll(px, frames), [SCROLL_PX_PER_FRAME, SCROLL_FRAMES] as const);
  const scrollCpuPerFrame = ((await threadTimeMs(client)) - cpuBefore) / SCROLL_FRAMES;
  if (scroll.scrollTop < SCROLL_PX_PER_FRAME * 10) throw new Error(`the list did not scroll (scrollTop ${scroll.scrollTop})`);
  await page.evaluate(() => window.logListBench.clear());
  return { firstPaint, keystrokes, matched, scrollP95: p95(scroll.intervals.slice(1)), scrollAfterScriptP95: p95(scroll.afterScript.slice(1)), scrollCpuPerFrame, heapMb, rows };
}

/**
 * The log list with 100,000 lines in hand (see bench/README.md): first paint after the data arrives, a typed
 * in-view filter, the p95 frame interval while scrolling, and the used JS heap after forced GC.
 */
export async function measureLogList(browser: Browser, spec: LogListSpec): Promise<LogListResults> {
  const notes: string[] = [];
  const got = { firstPaint: [] as number[], keystroke: [] as number[], scroll: [] as number[], scrollAfterScript: [] as number[], scrollCpu: [] as number[], heap: [] as number[] };
  const out = makeTempDir('bench-pages');
  let server: Server | undefined;
  let context: BrowserContext | undefined;
  try {
    buildPages(spec.root, out.path);
    const port = await findFreePort();
    server = await serveDist({ dir: out.path, port });
    for (let n = 0; n <= spec.samples; n++) {
      context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      try {
        const page = await context.newPage();
        const client = await context.newCDPSession(page);
        await client.send('Performance.enable', { timeDomain: 'timeTicks' });
        await page.goto(`http://127.0.0.1:${port}/logList.html`, { waitUntil: 'load', timeout: spec.timeoutMs });
        await page.waitForFunction(() => window.logListBench !== undefined, undefined, { timeout: spec.timeoutMs });
        const s = await sample(page, client, spec);
        // The first sample warms up the browser's caches and is left out.
        if (n === 0) continue;
        got.firstPaint.push(s.firstPaint);
        got.keystroke.push(...s.keystrokes);
        got.scroll.push(s.scrollP95);
        got.scrollAfterScript.push(s.scrollAfterScriptP95);
        got.scrollCpu.push(s.scrollCpuPerFrame);
        got.heap.push(s.heapMb);
        if (n === 1) notes.push(`${spec.lines} lines, ${s.rows} rows in the DOM, "${KEYSTROKES.at(-1)}" matched ${s.matched}`);
      } catch (error) {
        notes.push(firstLine(error));
      } finally {
        await context.close();
      }
    }
  } catch (error) {
    notes.push(firstLine(error));
  } finally {
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((r) => server!.close(() => r()));
    }
    out.remove();
  }
  const r = (xs: number[]) => xs.map((x) => round(x, 1));
  return {
    firstPaint: toResult('logs.100k.first_paint_ms', 'ms', 300, r(got.firstPaint), notes),
    filterKeystroke: toResult('logs.100k.filter_keystroke_ms', 'ms', 50, r(got.keystroke), [`${KEYSTROKES.length} keystrokes per sample`, ...notes]),
    scrollP95: toResult('logs.100k.scroll_p95_frame_ms', 'ms', 20, r(got.scroll), [
      `${SCROLL_FRAMES} frames at ${SCROLL_PX_PER_FRAME} px/frame per sample, timed by the frame callbacks' timestamps; main-thread CPU per frame (CDP ThreadTime) ${r(got.scrollCpu).join(', ')} ms`,
      `p95 of the gaps between the callbacks' continuations (performance.now() after each frame's scroll handler, the figure until 2026-12-02) ${r(got.scrollAfterScript).join(', ')} ms`,
      ...notes,
    ]),
    heap: toResult('logs.100k.heap_mb', 'MB', 150, r(got.heap), ['used JS heap after forced GC with the lines mounted', ...notes]),
  };
}
