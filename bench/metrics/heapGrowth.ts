import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { toResult, type BenchResult } from '../results';
import { heapGrowthSlope, type HeapCheckpoint } from './heapSlope';
import { firstLine } from './sampling';
import { centreOf, openSettledPage, type SettleSpec } from './settle';

export interface HeapGrowthSpec {
  name: string;
  budget: number;
  /** A dashboard URL with auto-refresh on, as a wall screen has it. */
  path: string;
  /** The URL's auto-refresh interval: its ticks between presses count as refreshes too. */
  autoRefreshMs: number;
  /** The button that refreshes every panel at once. */
  refreshButton: string;
  settle: SettleSpec;
  /** Presses of the refresh button per sample. */
  presses: number;
  /** Pause after a cycle has settled before the next press. */
  pauseMs: number;
  /** Force GC and read the heap after every this many presses. */
  checkpointEvery: number;
  /** Checkpoints earlier than this after the first press are left out of the fit (cache fill). */
  warmupMs: number;
  /** Pages measured side by side, each in a fresh browser context: one sample each. */
  samples: number;
  /** Bound on one sample's refresh phase; a slower run is fitted on what it reached. */
  runBudgetMs: number;
  timeoutMs: number;
}

/** A forced-GC reading of one page. */
interface HeapReading {
  usedBytes: number;
  nodes: number;
  listeners: number;
}

interface SampleOutcome {
  value?: number;
  notes: string[];
  nodesDelta?: number;
  listenersDelta?: number;
}

async function readAfterGc(client: CDPSession): Promise<HeapReading> {
  // Twice: objects kept only by finalizers or weak structures go in the second pass.
  await client.send('HeapProfiler.collectGarbage');
  await client.send('HeapProfiler.collectGarbage');
  const { usedSize } = await client.send('Runtime.getHeapUsage');
  const { metrics } = await client.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { usedBytes: usedSize, nodes: value('Nodes'), listeners: value('JSEventListeners') };
}

/**
 * A refresh cycle has settled when every marked element is in a done state and none is fetching behind
 * the data it shows (`aria-busy`). Waits a moment first, so a press whose queries have not yet been
 * noticed by the panels cannot pass for a settled cycle.
 */
async function waitForCycle(page: Page, settle: SettleSpec, timeoutMs: number): Promise<void> {
  await page.waitForTimeout(100);
  await page.waitForFunction(
    ({ testId, doneStates }) => {
      const els = document.querySelectorAll(`[data-testid="${testId}"]`);
      if (els.length === 0) return false;
      for (const el of els) {
        if (!doneStates.includes(el.getAttribute('data-state') ?? '')) return false;
        if (el.getAttribute('aria-busy') === 'true') return false;
      }
      return true;
    },
    settle,
    { polling: 'raf', timeout: timeoutMs },
  );
}

async function measureOnePage(browser: Browser, baseUrl: string, spec: HeapGrowthSpec): Promise<SampleOutcome> {
  const notes: string[] = [];
  let context: BrowserContext | undefined;
  try {
    const opened = await openSettledPage(browser, `${baseUrl}${spec.path}`, spec.settle, spec.timeoutMs);
    context = opened.context;
    const { page, client } = opened;
    const at = await centreOf(page, spec.refreshButton, spec.timeoutMs);
    if (await page.evaluate(() => document.hidden)) notes.push('page hidden: auto-refresh ticks were skipped');
    await page.waitForTimeout(1000);

    const start = await readAfterGc(client);
    const firstPressAt = Date.now();
    // Auto-refresh keeps ticking between presses; its ticks are refreshes too, counted from the clock.
    const refreshesAt = (presses: number) => presses + (Date.now() - firstPressAt) / spec.autoRefreshMs;
    const checkpoints: HeapCheckpoint[] = [{ refreshes: 0, elapsedMs: 0, usedBytes: start.usedBytes }];
    let presses = 0;
    let last = start;
    while (presses < spec.presses && Date.now() - firstPressAt < spec.runBudgetMs) {
      await page.mouse.click(at.x, at.y);
      presses++;
      await waitForCycle(page, spec.settle, spec.timeoutMs);
      if (presses % spec.checkpointEvery === 0 || presses === spec.presses) {
        last = await readAfterGc(client);
        checkpoints.push({ refreshes: refreshesAt(presses), elapsedMs: Date.now() - firstPressAt, usedBytes: last.usedBytes });
      }
      await page.waitForTimeout(spec.pauseMs);
    }
    const elapsedMs = Date.now() - firstPressAt;
    if (presses < spec.presses) notes.push(`stopped at ${presses} presses (run bound ${spec.runBudgetMs / 1000} s)`);
    const errors = await page.locator(`[data-testid="${spec.settle.testId}"][data-state="error"]`).count();
    if (errors > 0) notes.push(`${errors} panels in error at the end`);
    const slope = heapGrowthSlope(checkpoints, spec.warmupMs);
    if (slope === undefined) {
      notes.push(`too few checkpoints after the ${spec.warmupMs / 1000} s warm-up (${presses} presses in ${Math.round(elapsedMs / 1000)} s)`);
      return { notes };
    }
    const kb = (bytes: number) => Math.round(bytes / 1000);
    notes.push(
      `${Math.round(refreshesAt(presses))} refreshes in ${Math.round(elapsedMs / 1000)} s, heap ${kb(start.usedBytes)}→${kb(last.usedBytes)} kB, ` +
        `fit over ${slope.fitted} checkpoints`,
    );
    return { value: slope.kbPer100, notes, nodesDelta: last.nodes - start.nodes, listenersDelta: last.listeners - start.listeners };
  } catch (error) {
    notes.push(firstLine(error));
    return { notes };
  } finally {
    await context?.close();
  }
}

/**
 * Heap growth of a dashboard left refreshing, in kB per 100 refreshes: what a wall screen running for
 * weeks accumulates. Each sample is a fresh page pressing "Refresh now" after every settled cycle, with
 * forced-GC heap readings at checkpoints and a least-squares slope after the warm-up (heapSlope.ts).
 * Samples run side by side in separate browser contexts (separate renderer processes and heaps), which
 * keeps the metric within a few minutes; the heap reading does not depend on speed.
 */
export async function measureHeapGrowth(browser: Browser, baseUrl: string, spec: HeapGrowthSpec): Promise<BenchResult> {
  const outcomes = await Promise.all(Array.from({ length: spec.samples }, () => measureOnePage(browser, baseUrl, spec)));
  const samples = outcomes.flatMap((o) => (o.value === undefined ? [] : [o.value]));
  const notes = outcomes.map((o, i) => {
    const deltas = o.nodesDelta === undefined ? '' : `, DOM nodes ${signed(o.nodesDelta)}, JS listeners ${signed(o.listenersDelta ?? NaN)}`;
    return `#${i + 1}: ${o.notes.join(', ')}${deltas}`;
  });
  return toResult(spec.name, 'kB/100 refreshes', spec.budget, samples, notes);
}

function signed(n: number): string {
  return n >= 0 ? `+${n}` : String(n);
}
