import type { Browser } from '@playwright/test';
import type { BenchResult } from '../results';
import { burstsAfterTriggers, findBusyBursts, type BusyTick } from './busyBursts';
import { readBusy } from './refreshCycle';
import { centreOf, measureOnSettledPage, type SettleSpec } from './settle';
import { nextPressAt, stepIndex } from './stepClock';

export interface ChangedRefreshSpec {
  name: string;
  budget: number;
  /** A dashboard URL without auto-refresh whose panels query at `stepMs`. */
  path: string;
  /** The query step of every panel at `path` (the demo's minimum, 15 s, for a one-hour range). */
  stepMs: number;
  /** How long after a step boundary to press, so clock skew between bench and page cannot matter. */
  offsetMs: number;
  /** The button that refreshes every panel at once. */
  refreshButton: string;
  settle: SettleSpec;
  /**
   * How soon after a press its cycle's work must start to count as that press's (default 1 s). Over HTTP
   * to a real server on a loaded machine the first answers can take longer than the in-app demo's.
   */
  triggerWindowMs?: number;
  /** Presses to make; each is one step apart, and each complete burst is a sample. */
  cycles: number;
  timeoutMs: number;
}

/**
 * Main-thread time of a refresh cycle in which every panel's data changes. Auto-refresh cannot promise
 * that: its timer drifts against the step, and most ticks at a coarse step return the same samples.
 * Instead the bench presses "Refresh now" (a real mouse click through CDP input) shortly after each step
 * boundary, one press per step, so every query asks for a range one step later than the last. The
 * busy-time reading and the burst analysis are those of `measureRefreshCycle`.
 */
export async function measureChangedRefresh(browser: Browser, baseUrl: string, spec: ChangedRefreshSpec): Promise<BenchResult> {
  return measureOnSettledPage(browser, `${baseUrl}${spec.path}`, spec, async ({ page, client }, notes) => {
    const at = await centreOf(page, spec.refreshButton, spec.timeoutMs);
    // Let the tail of the initial load finish, and leave quiet before the first press for the baseline.
    await page.waitForTimeout(1000);

    const ticks: BusyTick[] = [];
    const pressSteps: number[] = [];
    const pressTicks: number[] = [];
    let pressAt = nextPressAt(Date.now(), spec.stepMs, spec.offsetMs, 1000);
    const lastPressAt = pressAt + (spec.cycles - 1) * spec.stepMs;
    const observeUntil = lastPressAt + Math.min(5000, spec.stepMs / 2);
    while (Date.now() < observeUntil) {
      if (pressSteps.length < spec.cycles && Date.now() >= pressAt) {
        pressSteps.push(stepIndex(Date.now(), spec.stepMs));
        const before = await readBusy(client);
        ticks.push(before);
        pressTicks.push(before.atMs);
        await page.mouse.click(at.x, at.y);
        pressAt += spec.stepMs;
      }
      ticks.push(await readBusy(client));
      await new Promise((r) => setTimeout(r, 50));
    }
    const repeats = pressSteps.filter((s, i) => i > 0 && s === pressSteps[i - 1]).length;
    if (repeats > 0) notes.push(`${repeats} presses fell in the same step as the one before: their data did not change`);
    const found = findBusyBursts(ticks, { activeRatio: 0.1, mergeGapMs: Math.min(1000, spec.stepMs / 4) });
    // Only work that starts right after a press is that press's cycle; anything else is noted, not counted.
    const { triggered: bursts, other } = burstsAfterTriggers(found, pressTicks, spec.triggerWindowMs ?? 1000);
    if (bursts.length === 0) notes.push('no refresh activity seen: did the refresh button work?');
    if (bursts.length > 0) {
      const walls = bursts.map((b) => b.endMs - b.startMs).sort((a, b) => a - b);
      notes.push(`${bursts.length} cycles for ${pressSteps.length} presses, median wall time ${Math.round(walls[Math.floor(walls.length / 2)]!)} ms`);
    }
    if (other.length > 0) notes.push(`${other.length} bursts not started by a press left out (${other.map((b) => Math.round(b.busyMs)).join(', ')} ms)`);
    const stillLoading = await page.locator(`[data-testid="${spec.settle.testId}"][data-state="loading"]`).count();
    if (stillLoading > 0) notes.push(`${stillLoading} elements loading at the end`);
    return bursts.map((b) => b.busyMs);
  });
}
