import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { toResult, type BenchResult } from '../results';
import { gzipSize } from './bundleSize';
import { waitUntilSettled, type SettleSpec } from './settle';

export interface TraceLazySpec {
  name: string;
  path: string;
  settle: SettleSpec;
  timeoutMs: number;
}

/**
 * Strings only the trace views' code holds (test IDs and labels survive minification): a script containing one
 * carries trace-view code.
 */
const TRACE_MARKERS = ['waterfall-scroll', 'Collapse one level'];

const holdsTraceCode = (text: string) => TRACE_MARKERS.some((m) => text.includes(m));

/**
 * The first route must not carry the trace views: loads `path` once, as `bundle.initial.gzip_kb` does, and sums
 * the gzip size of the loaded scripts that hold trace-view code (0 when the views load lazily). The check is
 * void, and says so, if no script in dist/ holds the markers at all (they were renamed).
 */
export async function measureTraceLazy(browser: Browser, baseUrl: string, distDir: string, spec: TraceLazySpec): Promise<BenchResult> {
  const assetsDir = join(distDir, 'assets');
  const withTrace = readdirSync(assetsDir).filter((f) => f.endsWith('.js') && holdsTraceCode(readFileSync(join(assetsDir, f), 'utf8')));
  if (withTrace.length === 0) return toResult(spec.name, 'kB', 0, [], [`no script in dist/assets holds ${TRACE_MARKERS.join(' or ')}: the markers are stale`]);
  const origin = new URL(baseUrl).origin;
  const context = await browser.newContext();
  const requested = new Set<string>();
  try {
    const page = await context.newPage();
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.origin === origin && /\.m?js$/.test(url.pathname)) requested.add(url.pathname.replace(/^.*\//, ''));
    });
    await page.goto(`${baseUrl}${spec.path}`, { waitUntil: 'load', timeout: spec.timeoutMs });
    await waitUntilSettled(page, spec.settle, spec.timeoutMs);
  } finally {
    await context.close();
  }
  const loaded = withTrace.filter((f) => requested.has(f));
  const kb = loaded.reduce((sum, f) => sum + gzipSize(join(assetsDir, f)), 0) / 1000;
  return toResult(spec.name, 'kB', 0, [kb], [
    `trace-view code is in ${withTrace.join(', ')}; of those, the first route loaded ${loaded.length === 0 ? 'none' : loaded.join(', ')} (${requested.size} scripts loaded)`,
  ]);
}
