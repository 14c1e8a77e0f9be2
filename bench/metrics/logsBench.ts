import { spawnSync } from 'node:child_process';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { findFreePort } from '../../e2e/servers/ports';
import { makeTempDir } from '../../e2e/servers/tempDir';
import { serveDist } from '../../scripts/serve-dist';
import type { PatternsSample, TailSample } from '../pages/logs';
import { median, round, toResult, type BenchResult } from '../results';
import { collectSamples, firstLine } from './sampling';

export interface LogsBenchSpec {
  /** Project root: where bench/pages/vite.config.ts is. */
  root: string;
  timeoutMs: number;
}

export interface TailResults {
  longFrames: BenchResult;
  bufferLines: BenchResult;
}

const PATTERN_LINES = 100_000;
const PATTERN_SAMPLES = 7;
const TAIL_MS = 60_000;
const TAIL_LPS = 2000;
const TAIL_SAMPLES = 3;
/** The idle page's frames, measured once before the tail samples, as the machine's own share of long frames. */
const IDLE_MS = 20_000;

function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Builds bench/pages into a temp dir and serves it for `run`; both are gone afterwards. */
async function withBenchPages<T>(spec: LogsBenchSpec, run: (baseUrl: string) => Promise<T>): Promise<T> {
  const out = makeTempDir('bench-pages');
  let server: Server | undefined;
  try {
    const args = ['vite', 'build', '--config', 'bench/pages/vite.config.ts', '--outDir', out.path, '--emptyOutDir', '--logLevel', 'warn'];
    const built = spawnSync('npx', args, { cwd: spec.root, stdio: 'inherit', timeout: 300_000 });
    if (built.status !== 0) throw new Error(`bench page build failed (status ${built.status})`);
    const port = await findFreePort();
    server = await serveDist({ dir: out.path, port });
    return await run(`http://127.0.0.1:${port}`);
  } finally {
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((r) => server!.close(() => r()));
    }
    out.remove();
  }
}

async function openPage(browser: Browser, baseUrl: string, timeoutMs: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/logs.html`, { waitUntil: 'load', timeout: timeoutMs });
  await page.waitForFunction(() => window.logsBench !== undefined, undefined, { timeout: timeoutMs });
  return { context, page };
}

/**
 * `logs.100k.patterns_ms`: Drain over 100,000 synthetic lines (30 templates, ~220 characters each, JSON and
 * logfmt) in the patterns worker, from the request to the result back on the main thread. One warm-up (the
 * worker's start and JIT) left out, then 7 samples in the same page. The note gives the main thread's share.
 */
export async function measurePatterns(browser: Browser, spec: LogsBenchSpec): Promise<BenchResult> {
  const name = 'logs.100k.patterns_ms';
  const taken: PatternsSample[] = [];
  const notes: string[] = [];
  try {
    await withBenchPages(spec, async (baseUrl) => {
      const { context, page } = await openPage(browser, baseUrl, spec.timeoutMs);
      try {
        const sample = () => bounded(page.evaluate((n) => window.logsBench.patterns(n), PATTERN_LINES), spec.timeoutMs, 'patterns');
        const warm = await sample();
        if (warm.total !== PATTERN_LINES || warm.newTemplates.join() !== 'payment provider timeout after <*>') {
          throw new Error(`wrong patterns: ${warm.total} lines, ${warm.patterns} patterns, new: ${JSON.stringify(warm.newTemplates)}`);
        }
        const { notes: sampleNotes } = await collectSamples(PATTERN_SAMPLES, async () => {
          const s = await sample();
          taken.push(s);
          return { value: s.ms };
        });
        notes.push(...sampleNotes);
      } finally {
        await context.close();
      }
    });
  } catch (error) {
    notes.push(firstLine(error));
  }
  const med = (f: (s: PatternsSample) => number) => median(taken.map(f));
  if (taken.length > 0) {
    notes.unshift(
      `${taken[0]!.patterns} patterns; main thread during the request: longest long task ${med((s) => s.longestTaskMs)} ms (median; 0 = none over 50 ms), ` +
        `max frame gap ${med((s) => s.maxFrameGapMs)} ms, packing and posting ${med((s) => s.syncMs)} ms`,
    );
  }
  return toResult(name, 'ms', 1000, taken.map((s) => s.ms), notes);
}

/**
 * `logs.tail.2000lps_long_frames` and `logs.tail.2000lps_buffer_lines`: 60 s of a fake tail at 2,000 lines/s
 * into useLiveTail (capacity 10,000) and the log explorer's list (LogList, newest first, as the page shows a
 * live tail) with the tail indicator; frames are timed by requestAnimationFrame. 3 samples, each in a fresh page.
 */
export async function measureTail(browser: Browser, spec: LogsBenchSpec): Promise<TailResults> {
  const taken: TailSample[] = [];
  const notes: string[] = [];
  const cpuShares: number[] = [];
  try {
    await withBenchPages(spec, async (baseUrl) => {
      const baseline = await openPage(browser, baseUrl, spec.timeoutMs);
      try {
        const f = await bounded(baseline.page.evaluate((ms) => window.logsBench.idle(ms), IDLE_MS), IDLE_MS + spec.timeoutMs, 'idle');
        notes.push(`idle page, same machine: ${f.longFrames}/${f.frames} frames > 50 ms in ${IDLE_MS / 1000} s (longest ${round(f.maxFrameMs)} ms)`);
      } finally {
        await baseline.context.close();
      }
      const { notes: sampleNotes } = await collectSamples(TAIL_SAMPLES, async () => {
        const { context, page } = await openPage(browser, baseUrl, spec.timeoutMs);
        try {
          const client = await context.newCDPSession(page);
          await client.send('Performance.enable', { timeDomain: 'timeTicks' });
          const cpu = async () => ((await client.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
          const before = await cpu();
          const s = await bounded(page.evaluate(([ms, lps]) => window.logsBench.tail(ms, lps), [TAIL_MS, TAIL_LPS] as const), TAIL_MS + spec.timeoutMs, 'tail');
          cpuShares.push((100 * ((await cpu()) - before)) / TAIL_MS);
          // The figure is only about the real list if the list really drew the tail's lines.
          if (s.rows < 10 || s.listed !== s.held) throw new Error(`the log list drew ${s.rows} rows of ${s.listed} lines (${s.held} held)`);
          taken.push(s);
          return { value: s.longFrames };
        } finally {
          await context.close();
        }
      });
      notes.push(...sampleNotes);
    });
  } catch (error) {
    notes.push(firstLine(error));
  }
  if (cpuShares.length > 0) notes.unshift(`renderer main-thread CPU during the tail: median ${median(cpuShares)} % of the 60 s (CDP ThreadTime)`);
  const detail = taken.map(
    (s) => `${s.longFrames}/${s.frames} frames > 50 ms (longest ${round(s.maxFrameMs)} ms), ${s.received} lines in, ${s.held} held, ${s.dropped} dropped, ${s.listed} in the list, ${s.rows} rows drawn`,
  );
  return {
    longFrames: toResult('logs.tail.2000lps_long_frames', 'frames', 0, taken.map((s) => s.longFrames), [...detail, ...notes]),
    bufferLines: toResult('logs.tail.2000lps_buffer_lines', 'lines', 10_000, taken.map((s) => s.held), notes),
  };
}
