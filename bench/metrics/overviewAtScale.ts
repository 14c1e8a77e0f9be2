import type { Browser } from '@playwright/test';
import { toResult, type BenchResult } from '../results';
import { collectSamples } from './sampling';
import { waitUntilSettled } from './settle';

/** The demo repeats its system up to this many services (`?demo.services=`, read by src/demo at boot). */
const SERVICES = 200;
const NAME = `services.overview.${SERVICES}.load_ms`;

/**
 * `services.overview.200.load_ms`: the overview of 24 h over 200 services, navigation start → the
 * first frame where every sparkline on screen is drawn, as `services.overview.load_ms` measures the
 * real eight. A sample counts only if the page shows numbered copies (`payments-07`), i.e. the demo
 * really ran at scale, and every sparkline drew (ready or empty).
 */
export async function measureOverviewAtScale(browser: Browser, baseUrl: string, opts: { samples: number; timeoutMs: number }): Promise<BenchResult> {
  const { samples, notes } = await collectSamples(opts.samples, async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/services?from=now-24h&to=now&demo.services=${SERVICES}`, { waitUntil: 'commit', timeout: opts.timeoutMs });
      const settled = await waitUntilSettled(page, { testId: 'sparkline', doneStates: ['ready', 'empty', 'error'] }, opts.timeoutMs);
      // `empty` is a drawn answer too: `search` and its copies have no CPU limit, so whether their
      // saturation sparkline has data depends on the adapter's per-service detection, not on load.
      const invalid = Object.keys(settled.states).filter((s) => s !== 'ready' && s !== 'empty');
      if (invalid.length > 0) return { note: `settled with states ${JSON.stringify(settled.states)}; expected only ready|empty` };
      const names = await page.locator('[data-testid="service-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-service') ?? ''));
      if (!names.some((n) => /-\d{2}$/.test(n))) return { note: `no numbered service copies on the page (${names.length} rows): the demo did not scale` };
      return { value: settled.atMs, note: `sparklines ${JSON.stringify(settled.states)}` };
    } finally {
      await context.close();
    }
  });
  return toResult(NAME, 'ms', 1500, samples, notes);
}
