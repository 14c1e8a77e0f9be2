import { spawnSync } from 'node:child_process';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { findFreePort } from '../../e2e/servers/ports';
import { makeTempDir } from '../../e2e/servers/tempDir';
import { serveDist } from '../../scripts/serve-dist';
import type { ChartKind, ChartOp, OpTiming } from '../pages/chart';
import { median, round, toResult, type BenchResult } from '../results';
import { firstLine } from './sampling';

export interface ChartRatioSpec {
  /** Project root: where bench/pages/vite.config.ts is. */
  root: string;
  budget: number;
  /** Measured samples, after one warm-up sample that is left out. */
  samples: number;
  timeoutMs: number;
}

export interface ChartRatios {
  mount: BenchResult;
  update: BenchResult;
}

interface Measured {
  /**
   * Main-thread CPU time (CDP `ThreadTime`) from the operation's start until its last change was painted.
   * CPU time, not task wall time: on a loaded machine the kernel lets a short burst after sleep (uPlot's)
   * run almost untouched but time-slices a long one (ours), so task wall time inflates the ratio with load.
   */
  cpuMs: number;
  /** The same span's main-thread task wall time (CDP `TaskDuration`). */
  busyMs: number;
  /**
   * The same span's CPU time of the whole renderer process (CDP `ProcessTime`, in 10 ms steps): adds the
   * GC helper, raster and compositor threads, which main-thread CPU time leaves out.
   */
  processMs: number;
  paintedMs: number;
  frames: number;
}

type SampleOf<T> = Record<ChartKind, Record<'mount' | 'update', T>> & { noop: T };

/** Builds bench/pages into a fresh temp dir: the page and uPlot never touch the app's dist/. */
export function buildPages(root: string, outDir: string): void {
  const args = ['vite', 'build', '--config', 'bench/pages/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  const out = spawnSync('npx', args, { cwd: root, stdio: 'inherit', timeout: 300_000 });
  if (out.status !== 0) throw new Error(`bench page build failed (status ${out.status})`);
}

export function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function readMainThread(client: CDPSession): Promise<{ cpuMs: number; busyMs: number; processMs: number }> {
  const { metrics } = await client.send('Performance.getMetrics');
  const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
  return { cpuMs: value('ThreadTime'), busyMs: value('TaskDuration'), processMs: value('ProcessTime') };
}

async function timed(page: Page, client: CDPSession, kind: ChartKind, op: ChartOp, index: number, timeoutMs: number): Promise<Measured> {
  // Each chart's garbage is collected before the other is timed, so neither pays for the other's GC.
  await client.send('HeapProfiler.collectGarbage');
  await page.evaluate((i) => window.chartBench.prepare(i), index);
  await page.waitForTimeout(100);
  const before = await readMainThread(client);
  const timing: OpTiming = await bounded(
    page.evaluate(([k, o, i]) => window.chartBench.run(k, o, i), [kind, op, index] as const),
    timeoutMs,
    `${kind} ${op}`,
  );
  const after = await readMainThread(client);
  return {
    cpuMs: after.cpuMs - before.cpuMs,
    busyMs: after.busyMs - before.busyMs,
    processMs: after.processMs - before.processMs,
    paintedMs: timing.paintedMs,
    frames: timing.frames,
  };
}

/** One sample: each chart is mounted, updated with new arrays of the same size, and unmounted, in turn. */
async function takeSample(page: Page, client: CDPSession, n: number, timeoutMs: number): Promise<SampleOf<Measured>> {
  const order: ChartKind[] = n % 2 === 0 ? ['ours', 'uplot'] : ['uplot', 'ours'];
  const out: Partial<SampleOf<Measured>> = { noop: await timed(page, client, 'uplot', 'noop', 2 * n, timeoutMs) };
  for (const kind of order) {
    const mount = await timed(page, client, kind, 'mount', 2 * n, timeoutMs);
    const drawn = await page.evaluate((k) => window.chartBench.drawn(k), kind);
    if (drawn.lines !== 10 || drawn.state !== 'ready') throw new Error(`${kind} did not draw: ${JSON.stringify(drawn)}`);
    const update = await timed(page, client, kind, 'update', 2 * n + 1, timeoutMs);
    await page.evaluate(([k, i]) => window.chartBench.run(k, 'unmount', i), [kind, 2 * n + 1] as const);
    out[kind] = { mount, update };
  }
  return out as SampleOf<Measured>;
}

/**
 * What waiting for the paint and reading the metrics cost by themselves (the median over the run of an
 * operation that changes nothing), taken off both charts' figures so it cannot pull the ratio towards 1.
 */
function baselineOf(samples: readonly SampleOf<Measured>[]): Measured {
  const med = (key: keyof Measured) => median(samples.map((s) => s.noop[key])) ?? 0;
  return { cpuMs: med('cpuMs'), busyMs: med('busyMs'), processMs: med('processMs'), paintedMs: 0, frames: 0 };
}

function net(m: Measured, base: Measured): Measured {
  const less = (key: 'cpuMs' | 'busyMs' | 'processMs') => Math.max(0.1, m[key] - base[key]);
  return { ...m, cpuMs: less('cpuMs'), busyMs: less('busyMs'), processMs: less('processMs') };
}

function netSamples(samples: readonly SampleOf<Measured>[]): SampleOf<Measured>[] {
  const base = baselineOf(samples);
  const side = (x: Record<'mount' | 'update', Measured>) => ({ mount: net(x.mount, base), update: net(x.update, base) });
  return samples.map((s) => ({ noop: s.noop, ours: side(s.ours), uplot: side(s.uplot) }));
}

function summary(raw: readonly SampleOf<Measured>[], op: 'mount' | 'update'): string {
  const samples = netSamples(raw);
  const base = baselineOf(raw);
  const med = (kind: ChartKind, key: keyof Measured) => median(samples.map((s) => s[kind][op][key])) ?? NaN;
  const ratio = (key: keyof Measured) => median(samples.map((s) => s.ours[op][key] / s.uplot[op][key]));
  return (
    `main-thread CPU ms median: ours ${med('ours', 'cpuMs')}, uPlot ${med('uplot', 'cpuMs')} (baseline ${round(base.cpuMs)} taken off each); ` +
    `task time ms: ours ${med('ours', 'busyMs')}, uPlot ${med('uplot', 'busyMs')}, ratio ${ratio('busyMs')}; ` +
    `renderer CPU ms: ours ${med('ours', 'processMs')}, uPlot ${med('uplot', 'processMs')}, ratio ${ratio('processMs')}; ` +
    `until painted ms: ours ${med('ours', 'paintedMs')} (${med('ours', 'frames')} frames), uPlot ${med('uplot', 'paintedMs')}, ratio ${ratio('paintedMs')}`
  );
}

/**
 * Our time-series panel against uPlot on the same 10 series × 10 000 points, in one page, one box size,
 * one run: both ratios come from the same samples, each sample measuring both charts (see bench/README.md).
 */
export async function measureChartRatios(browser: Browser, spec: ChartRatioSpec): Promise<ChartRatios> {
  const names = { mount: 'chart.10x10k.mount_ratio', update: 'chart.10x10k.update_ratio' };
  const notes: string[] = [];
  const samples: SampleOf<Measured>[] = [];
  const out = makeTempDir('bench-pages');
  let server: Server | undefined;
  let context: BrowserContext | undefined;
  try {
    buildPages(spec.root, out.path);
    const port = await findFreePort();
    server = await serveDist({ dir: out.path, port });
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const client = await context.newCDPSession(page);
    await client.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.goto(`http://127.0.0.1:${port}/chart.html`, { waitUntil: 'load', timeout: spec.timeoutMs });
    await page.waitForFunction(() => window.chartBench !== undefined, undefined, { timeout: spec.timeoutMs });
    // The first sample warms up both charts' code (parsing, JIT) and is left out.
    await takeSample(page, client, 0, spec.timeoutMs);
    for (let n = 1; n <= spec.samples; n++) samples.push(await takeSample(page, client, n, spec.timeoutMs));
  } catch (error) {
    notes.push(firstLine(error));
  } finally {
    await context?.close();
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((r) => server!.close(() => r()));
    }
    out.remove();
  }
  const result = (op: 'mount' | 'update') =>
    toResult(
      names[op],
      '×',
      spec.budget,
      netSamples(samples).map((s) => round(s.ours[op].cpuMs / s.uplot[op].cpuMs, 2)),
      samples.length > 0 ? [summary(samples, op), ...notes] : notes,
    );
  return { mount: result('mount'), update: result('update') };
}
