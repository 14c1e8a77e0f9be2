import type { Page } from '@playwright/test';

/**
 * Every demo e2e test runs at the same wall-clock time, so the simulated incident (which starts 20 minutes
 * before the current hour) and the data around it are identical on every run. Timers keep running.
 */
export const FIXED_NOW = Date.UTC(2026, 10, 20, 10, 30, 0);

export async function fixClock(page: Page, at: number = FIXED_NOW): Promise<void> {
  await page.clock.setFixedTime(at);
}

/**
 * The same start time, but a clock that runs. Code that waits for `Date.now()` to pass a deadline (CodeMirror's
 * linter reschedules itself until it does) would wait forever under `setFixedTime`.
 */
export async function startClockAt(page: Page, at: number = FIXED_NOW): Promise<void> {
  await page.clock.install({ time: at });
}
