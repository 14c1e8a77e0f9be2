import type { Browser, CDPSession, Page } from '@playwright/test';
import { median, type BenchResult } from '../results';
import { findBusyBursts, type BusyTick } from './busyBursts';
import { measureOnSettledPage, type SettleSpec } from './settle';

export interface NocRefreshSpec {
  name: string;
  budget: number;
  /** `/noc?refresh=5s`: the board's own refresh timer. */
  path: string;
  refreshIntervalMs: number;
  settle: SettleSpec;
  cycles: number;
  /** Active intervals closer than this are one burst; shorter than the board's 1 s clock ticks, so those stay apart. */
  mergeGapMs: number;
  timeoutMs: number;
}

interface Tick extends BusyTick {
  /** Cumulative main-thread CPU time (`ThreadTime`), ms. */
  cpuMs: number;
  /** The first tile's `data-as-of` at this reading. */
  asOf: string | null;
}

async function readTick(client: CDPSession, page: Page): Promise<Tick> {
  const { metrics } = await client.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const asOf = await page.evaluate(() => document.querySelector('[data-testid="noc-tile"]')?.getAttribute('data-as-of') ?? null);
  return { atMs: value('Timestamp') * 1000, busyMs: value('TaskDuration') * 1000, cpuMs: value('ThreadTime') * 1000, asOf };
}

/**
 * Main-thread time of one refresh cycle of the wall board, as `service.dashboard.refresh_ms` measures a
 * dashboard's (cumulative `TaskDuration` every 50 ms, bursts by busyBursts.ts, idle baseline subtracted), with
 * one difference: the board also does work every second (the alert strip's "firing for" ages, a STALE tile's
 * age), so a burst counts as a refresh cycle only when the tiles' `data-as-of` changed during it (the answers
 * of that refresh were committed); the other bursts are named in the note. The note also gives the same
 * bursts' main-thread CPU time (`ThreadTime`), the steadier figure on a loaded machine.
 */
export async function measureNocRefresh(browser: Browser, baseUrl: string, spec: NocRefreshSpec): Promise<BenchResult> {
  return measureOnSettledPage(browser, `${baseUrl}${spec.path}`, spec, async ({ page, client }, notes) => {
    await page.waitForTimeout(1000);
    const ticks: Tick[] = [];
    const observeUntil = Date.now() + spec.cycles * spec.refreshIntervalMs + spec.refreshIntervalMs / 2;
    while (Date.now() < observeUntil) {
      ticks.push(await readTick(client, page));
      await new Promise((r) => setTimeout(r, 50));
    }
    const bursts = findBusyBursts(ticks, { activeRatio: 0.1, mergeGapMs: spec.mergeGapMs });
    const changes = ticks.flatMap((t, i) => (i > 0 && t.asOf !== ticks[i - 1]!.asOf ? [t.atMs] : []));
    const cycles = bursts.filter((b) => changes.some((at) => at >= b.startMs && at <= b.endMs + 100));
    const cpuAt = (ms: number) => ticks.find((t) => t.atMs >= ms)?.cpuMs ?? NaN;
    const quietCpu = ticks.flatMap((t, i) => {
      if (i === 0 || bursts.some((b) => t.atMs >= b.startMs && ticks[i - 1]!.atMs <= b.endMs)) return [];
      const wall = t.atMs - ticks[i - 1]!.atMs;
      return wall > 0 ? [(t.cpuMs - ticks[i - 1]!.cpuMs) / wall] : [];
    });
    const cpuBaseline = median(quietCpu) ?? 0;
    const cpu = cycles.map((b) => Math.max(0, cpuAt(b.endMs) - cpuAt(b.startMs) - cpuBaseline * (b.endMs - b.startMs)));
    notes.push(`${cycles.length} refresh cycles (${changes.length} data-as-of changes), ${bursts.length - cycles.length} other bursts left out`);
    if (cycles.length > 0) notes.push(`main-thread CPU per cycle (ThreadTime): median ${Math.round(median(cpu) ?? NaN)} ms [${cpu.map(Math.round).join(', ')}]`);
    if (changes.length === 0) notes.push('the tiles never changed data-as-of: is the board refreshing?');
    return cycles.map((b) => b.busyMs);
  });
}
