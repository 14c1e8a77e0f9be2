import type { Server } from 'node:http';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { findFreePort } from '../../e2e/servers/ports';
import { makeTempDir } from '../../e2e/servers/tempDir';
import { serveDist } from '../../scripts/serve-dist';
import { median, round, toResult, type BenchResult } from '../results';
import { bounded, buildPages } from './chartRatio';
import { firstLine } from './sampling';

export interface TraceBenchSpec {
  /** Project root: where bench/pages/vite.config.ts is. */
  root: string;
  samples: number;
  timeoutMs: number;
}

export const TRACE_METRICS = {
  'trace.10k.first_rows_ms': 200,
  'trace.50k.first_rows_ms': 500,
  'trace.100k.first_rows_ms': 1000,
  'trace.50k.expand_all_ms': 100,
  'trace.50k.scroll_p95_frame_ms': 20,
  'trace.100k.critical_path_ms': 200,
  'trace.50k.heap_mb': 100,
} as const;
export type TraceMetricName = keyof typeof TRACE_METRICS;

/** Per frame of the scroll, this many px: more than two screens, so every frame draws only new rows. */
const SCROLL_STEP_PX = 2400;
const SCROLL_MAX_FRAMES = 2000;
const CRITICAL_PATH_RUNS = 5;
const SIZES = [10_000, 50_000, 100_000] as const;

type Collected = Record<TraceMetricName, number[]> & {
  notes: string[];
  parseMs: Record<number, number[]>;
  bytes: Record<number, number>;
  /** Main-thread CPU ms of each metric's samples (CDP ThreadTime), noted beside the wall-clock figure. */
  cpuMs: Partial<Record<TraceMetricName, number[]>>;
};

/** Scrolling 500 frames on a loaded machine takes longer than one ordinary sample's bound. */
const SCROLL_TIMEOUT_MS = 90_000;

/** Main-thread CPU time so far (CDP `ThreadTime`), in ms: what a figure costs without the other processes' share of the cores. */
async function threadMs(client: CDPSession): Promise<number> {
  const { metrics } = await client.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

async function withCpu<T>(client: CDPSession, out: Collected, name: TraceMetricName, run: () => Promise<T>): Promise<T> {
  const before = await threadMs(client);
  const result = await run();
  (out.cpuMs[name] ??= []).push((await threadMs(client)) - before);
  return result;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Forced GC twice (objects freed only by a first pass's finalizers go too), then the used JS heap in MB of 10^6 bytes. */
async function heapAfterGc(client: CDPSession): Promise<number> {
  await client.send('HeapProfiler.collectGarbage');
  await client.send('HeapProfiler.collectGarbage');
  const { usedSize } = await client.send('Runtime.getHeapUsage');
  return usedSize / 1e6;
}

/** One sample of one size, in a fresh context (its own renderer, cold code, as a first trace opened is). */
async function sampleSize(page: Page, client: CDPSession, size: number, out: Collected, timeoutMs: number): Promise<void> {
  const key = `${size / 1000}k`;
  const { bytes } = await page.evaluate((n) => window.traceBench.prepare(n), size);
  out.bytes[size] = bytes;
  await client.send('HeapProfiler.collectGarbage');
  const parsed = await page.evaluate(() => window.traceBench.parse());
  if (parsed.spans !== size) throw new Error(`parsed ${parsed.spans} spans, expected ${size}`);
  (out.parseMs[size] ??= []).push(parsed.parseMs);
  await client.send('HeapProfiler.collectGarbage');
  await page.waitForTimeout(200);
  const firstRows = `trace.${key}.first_rows_ms` as TraceMetricName;
  const mounted = await withCpu(client, out, firstRows, () => bounded(page.evaluate(() => window.traceBench.mount()), timeoutMs, `${key} mount`));
  if (mounted.rows === 0 || mounted.rowCount !== size) throw new Error(`${key}: ${mounted.rows} rows drawn of ${mounted.rowCount} listed`);
  out[firstRows].push(mounted.ms);
  await page.evaluate(() => window.traceBench.settle());

  if (size === 50_000) {
    await page.waitForTimeout(300);
    out['trace.50k.heap_mb'].push(await heapAfterGc(client));
    const expanded = await withCpu(client, out, 'trace.50k.expand_all_ms', () => bounded(page.evaluate(() => window.traceBench.expandAll()), timeoutMs, 'expand all'));
    if (expanded.expandedRows !== size) throw new Error(`expand all listed ${expanded.expandedRows} rows`);
    out['trace.50k.expand_all_ms'].push(expanded.ms);
    await page.evaluate(() => window.traceBench.settle());
    const cpuBefore = await threadMs(client);
    const scrolled = await bounded(
      page.evaluate(([step, max]) => window.traceBench.scroll(step, max), [SCROLL_STEP_PX, SCROLL_MAX_FRAMES] as const),
      SCROLL_TIMEOUT_MS,
      'scroll',
    );
    (out.cpuMs['trace.50k.scroll_p95_frame_ms'] ??= []).push(((await threadMs(client)) - cpuBefore) / scrolled.frames.length);
    if (!scrolled.reachedEnd) throw new Error(`scroll stopped short after ${scrolled.frames.length} frames`);
    out['trace.50k.scroll_p95_frame_ms'].push(percentile(scrolled.frames, 95));
    out.notes.push(
      `scroll: ${scrolled.frames.length} frames, median ${round(median(scrolled.frames) ?? NaN)} ms, max ${round(Math.max(...scrolled.frames))} ms, collapsed-all rows ${expanded.collapsedRows}`,
    );
  }
  if (size === 100_000) {
    const cp = await bounded(page.evaluate((runs) => window.traceBench.criticalPathRuns(runs), CRITICAL_PATH_RUNS), timeoutMs, 'critical path');
    if (cp.segments === 0) throw new Error('critical path is empty');
    // The first run includes compiling the function; the sample is the page's median run, the first is noted.
    out['trace.100k.critical_path_ms'].push(median(cp.ms) ?? NaN);
    out.notes.push(`critical path first run ${round(cp.ms[0]!)} ms, ${cp.segments} segments`);
  }
}

/**
 * The waterfall benchmarks (bench/README.md): a synthetic Jaeger trace (bench/traceData.ts) parsed by the real
 * adapter, handed to the real TraceView on bench/pages/trace.html; each size in a fresh browser context per sample.
 */
export async function measureTraceWaterfall(browser: Browser, spec: TraceBenchSpec): Promise<Record<TraceMetricName, BenchResult>> {
  const out: Collected = {
    'trace.10k.first_rows_ms': [],
    'trace.50k.first_rows_ms': [],
    'trace.100k.first_rows_ms': [],
    'trace.50k.expand_all_ms': [],
    'trace.50k.scroll_p95_frame_ms': [],
    'trace.100k.critical_path_ms': [],
    'trace.50k.heap_mb': [],
    notes: [],
    parseMs: {},
    bytes: {},
    cpuMs: {},
  };
  const failures: string[] = [];
  const dir = makeTempDir('bench-pages');
  let server: Server | undefined;
  try {
    buildPages(spec.root, dir.path);
    const port = await findFreePort();
    server = await serveDist({ dir: dir.path, port });
    for (let n = 0; n < spec.samples; n++) {
      for (const size of SIZES) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        try {
          const page = await context.newPage();
          const client = await context.newCDPSession(page);
          await client.send('Performance.enable', { timeDomain: 'timeTicks' });
          await page.goto(`http://127.0.0.1:${port}/trace.html`, { waitUntil: 'load', timeout: spec.timeoutMs });
          await page.waitForFunction(() => window.traceBench !== undefined, undefined, { timeout: spec.timeoutMs });
          await sampleSize(page, client, size, out, spec.timeoutMs);
        } catch (error) {
          failures.push(`${size / 1000}k: ${firstLine(error)}`);
        } finally {
          await context.close();
        }
      }
    }
  } catch (error) {
    failures.push(firstLine(error));
  } finally {
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((r) => server!.close(() => r()));
    }
    dir.remove();
  }
  const sizeNote = (size: number) =>
    `${size / 1000}k spans: Jaeger JSON ${round((out.bytes[size] ?? 0) / 1e6)} MB, JSON.parse + parseV1Trace median ${median(out.parseMs[size] ?? []) ?? 'n/a'} ms (not in the figure)`;
  const noteFor = (name: TraceMetricName): string[] => {
    const size = name.startsWith('trace.10k') ? 10_000 : name.startsWith('trace.50k') ? 50_000 : 100_000;
    const extra = name.includes('scroll') ? out.notes.filter((n) => n.startsWith('scroll')) : name.includes('critical') ? out.notes.filter((n) => n.startsWith('critical')) : [];
    const cpu = median(out.cpuMs[name] ?? []);
    const cpuNote = cpu === null ? [] : [`main-thread CPU ms median ${cpu}${name.includes('scroll') ? ' per frame' : ''}`];
    return [...cpuNote, sizeNote(size), ...extra.slice(0, 2), ...failures];
  };
  const results = {} as Record<TraceMetricName, BenchResult>;
  for (const name of Object.keys(TRACE_METRICS) as TraceMetricName[]) {
    results[name] = toResult(name, name.endsWith('_mb') ? 'MB' : 'ms', TRACE_METRICS[name], out[name], noteFor(name));
  }
  return results;
}
