import { spawnSync } from 'node:child_process';
import type { Server } from 'node:http';
import type { Browser } from '@playwright/test';
import { findFreePort } from '../../e2e/servers/ports';
import { makeTempDir } from '../../e2e/servers/tempDir';
import { serveDist } from '../../scripts/serve-dist';
import type { BenchView, SwitchTiming } from '../pages/traceViews';
import { median, round, toResult, type BenchResult } from '../results';
import { collectSamples, firstLine } from './sampling';

export interface TraceViewsSpec {
  /** Project root: where bench/pages/traceViews.vite.config.ts is. */
  root: string;
  samples: number;
  timeoutMs: number;
}

export type TraceViewMetric = 'trace.10k.flamegraph_ms' | 'trace.10k.summary_ms' | 'trace.10k.graph_ms';
const VIEW_OF: Record<TraceViewMetric, BenchView> = {
  'trace.10k.flamegraph_ms': 'flame',
  'trace.10k.summary_ms': 'summary',
  'trace.10k.graph_ms': 'graph',
};
/** Jaeger UI 2.20 on the same kind of trace, from the issue: flame graph 4.6 s, statistics 1.4 s, graph 18 s. */
const BUDGET_MS = 500;

function buildPage(root: string, outDir: string): void {
  const args = ['vite', 'build', '--config', 'bench/pages/traceViews.vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  const out = spawnSync('npx', args, { cwd: root, stdio: 'inherit', timeout: 300_000 });
  if (out.status !== 0) throw new Error(`trace views page build failed (status ${out.status})`);
}

/**
 * From a tab's click to the view painted, on a 10,000-span synthetic trace already in hand (the page builds it
 * and shows the waterfall before anything is timed). Each sample is a fresh page, so the switch pays what a user's
 * first switch pays: the view's lazy chunk (from loopback), building its model from the tree, rendering and
 * painting. The note adds the warm figure (the same switch again after going back to the waterfall).
 */
export async function measureTraceViews(browser: Browser, spec: TraceViewsSpec, metrics: readonly TraceViewMetric[]): Promise<BenchResult[]> {
  const out = makeTempDir('bench-trace-views');
  let server: Server | undefined;
  try {
    try {
      buildPage(spec.root, out.path);
    } catch (error) {
      return metrics.map((name) => toResult(name, 'ms', BUDGET_MS, [], [firstLine(error)]));
    }
    const port = await findFreePort();
    server = await serveDist({ dir: out.path, port });
    const url = `http://127.0.0.1:${port}/traceViews.html?spans=10000`;
    const results: BenchResult[] = [];
    for (const name of metrics) {
      const view = VIEW_OF[name];
      const warm: number[] = [];
      const cpu: number[] = [];
      let drawn = '';
      const { samples, notes } = await collectSamples(spec.samples, async () => {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        try {
          const page = await context.newPage();
          await page.goto(url, { waitUntil: 'load', timeout: spec.timeoutMs });
          await page.waitForFunction(() => window.traceViewsBench !== undefined && document.querySelector('[data-testid="span-row"]') !== null, undefined, {
            timeout: spec.timeoutMs,
          });
          const spans = await page.evaluate(() => window.traceViewsBench.spanCount);
          if (spans !== 10_000) return { note: `the page built ${spans} spans, not 10000` };
          // Let the waterfall's first paint and its follow-up work finish before the switch is timed.
          await page.waitForTimeout(500);
          const switchTo = (v: BenchView) => page.evaluate(([vv, t]) => window.traceViewsBench.switchTo(vv, t), [v, spec.timeoutMs] as const);
          const client = await context.newCDPSession(page);
          await client.send('Performance.enable', { timeDomain: 'timeTicks' });
          const threadMs = async () => ((await client.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
          const before = await threadMs();
          const cold: SwitchTiming = await switchTo(view);
          cpu.push((await threadMs()) - before);
          drawn = cold.drawn;
          await switchTo('waterfall');
          await page.waitForTimeout(200);
          warm.push((await switchTo(view)).paintedMs);
          return { value: cold.paintedMs };
        } finally {
          await context.close();
        }
      });
      // Wall time is what a user waits; on a shared, loaded machine the main thread's CPU time says how much of it was ours.
      const extra =
        samples.length > 0
          ? [
              `first switch on a fresh page (main-thread CPU median ${median(cpu.map((c) => round(c)))} ms); ` +
                `again after going back to the waterfall: median ${median(warm.map((w) => round(w)))} ms; drew ${drawn}`,
            ]
          : [];
      results.push(toResult(name, 'ms', BUDGET_MS, samples, [...extra, ...notes]));
    }
    return results;
  } finally {
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((r) => server!.close(() => r()));
    }
    out.remove();
  }
}
