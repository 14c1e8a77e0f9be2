import type { Browser, CDPSession } from '@playwright/test';
import type { BenchResult } from '../results';
import { findBusyBursts, type BusyTick } from './busyBursts';
import { measureOnSettledPage, type SettleSpec } from './settle';

export interface RefreshSpec {
  name: string;
  budget: number;
  /** A dashboard URL with a short `refresh=` so cycles come quickly. */
  path: string;
  refreshIntervalMs: number;
  settle: SettleSpec;
  /** Refresh cycles to observe; each complete one is a sample. */
  cycles: number;
  timeoutMs: number;
}

export async function readBusy(client: CDPSession): Promise<BusyTick> {
  const { metrics } = await client.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { atMs: value('Timestamp') * 1000, busyMs: value('TaskDuration') * 1000 };
}

/**
 * Main-thread time of one auto-refresh cycle of a loaded dashboard. Chromium's cumulative
 * `TaskDuration` (all tasks on the renderer main thread: script, style, layout, paint) is read every
 * 50 ms over several refresh intervals; each burst of work separated by quiet is one cycle (see
 * busyBursts.ts). The initial load is excluded by starting after the panels first settle.
 */
export async function measureRefreshCycle(browser: Browser, baseUrl: string, spec: RefreshSpec): Promise<BenchResult> {
  return measureOnSettledPage(browser, `${baseUrl}${spec.path}`, spec, async ({ page, client }, notes) => {
    // Let the tail of the initial load (deferred effects, idle callbacks) finish before observing.
    await page.waitForTimeout(1000);
    const ticks: BusyTick[] = [];
    const observeUntil = Date.now() + spec.cycles * spec.refreshIntervalMs + spec.refreshIntervalMs / 2;
    while (Date.now() < observeUntil) {
      ticks.push(await readBusy(client));
      await new Promise((r) => setTimeout(r, 50));
    }
    const bursts = findBusyBursts(ticks, { activeRatio: 0.1, mergeGapMs: Math.min(1000, spec.refreshIntervalMs / 4) });
    if (bursts.length === 0) notes.push('no refresh activity seen: is auto-refresh wired to the URL?');
    if (bursts.length > spec.cycles + 1) notes.push(`${bursts.length} bursts in ${spec.cycles} intervals: other periodic work present`);
    if (bursts.length > 0) {
      const walls = bursts.map((b) => b.endMs - b.startMs).sort((a, b) => a - b);
      notes.push(`${bursts.length} cycles, median wall time ${Math.round(walls[Math.floor(walls.length / 2)]!)} ms`);
    }
    const stillLoading = await page.locator(`[data-testid="${spec.settle.testId}"][data-state="loading"]`).count();
    if (stillLoading > 0) notes.push(`${stillLoading} elements loading at the end: refreshes may overlap`);
    return bursts.map((b) => b.busyMs);
  });
}
