import type { Browser } from '@playwright/test';
import { toResult, type BenchResult } from '../results';
import { collectSamples } from './sampling';
import { waitUntilSettled, type SettleSpec } from './settle';

export interface PageLoadSpec {
  name: string;
  budget: number;
  /** Path and query, e.g. `/services?from=now-24h&to=now`. */
  path: string;
  settle: SettleSpec;
  /** States every element must be in for the sample to count (e.g. sparklines must all be `ready`). */
  validStates: readonly string[];
  samples: number;
  timeoutMs: number;
}

/**
 * Navigation start → first animation frame where every marked element is drawn. Each sample loads
 * the page in a fresh browser context, so no HTTP cache or app state carries over between samples.
 */
export async function measurePageLoad(browser: Browser, baseUrl: string, spec: PageLoadSpec): Promise<BenchResult> {
  const { samples, notes } = await collectSamples(spec.samples, async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}${spec.path}`, { waitUntil: 'commit', timeout: spec.timeoutMs });
      const settled = await waitUntilSettled(page, spec.settle, spec.timeoutMs);
      const invalid = Object.keys(settled.states).filter((s) => !spec.validStates.includes(s));
      if (invalid.length > 0) {
        return { note: `settled with states ${JSON.stringify(settled.states)}; expected only ${spec.validStates.join('|')}` };
      }
      return { value: settled.atMs };
    } finally {
      await context.close();
    }
  });
  return toResult(spec.name, 'ms', spec.budget, samples, notes);
}
