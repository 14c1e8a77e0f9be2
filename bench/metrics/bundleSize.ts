import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { toResult, type BenchResult } from '../results';
import { collectSamples } from './sampling';
import { waitUntilSettled, type SettleSpec } from './settle';

export interface BundleSpec {
  name: string;
  budget: number;
  path: string;
  /** What "the first route has loaded" means; the JS requested until then is counted. */
  settle: SettleSpec;
  samples: number;
  timeoutMs: number;
}

/** Gzip (level 9, as static servers precompress) of a built file, in bytes. Reported in kB of 1000 bytes, like Vite. */
export function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/**
 * Sums the gzip sizes of the same-origin JavaScript files the page requests until the first route
 * has drawn: the entry, its static imports and modulepreloads, and the lazy route chunks. Sizes come
 * from the files in dist/, so transport details (compression, caching) of the test server do not matter.
 */
export async function measureInitialBundle(browser: Browser, baseUrl: string, distDir: string, spec: BundleSpec): Promise<BenchResult> {
  const origin = new URL(baseUrl).origin;
  const fileLists: string[][] = [];
  const sizes = new Map<string, number>();
  // Once the route failed to draw, later samples do not wait for it again.
  let routeDraws = true;
  const { samples, notes } = await collectSamples(spec.samples, async () => {
    const context = await browser.newContext();
    const requested = new Set<string>();
    try {
      const page = await context.newPage();
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (url.origin === origin && /\.m?js$/.test(url.pathname)) requested.add(url.pathname);
      });
      await page.goto(`${baseUrl}${spec.path}`, { waitUntil: 'load', timeout: spec.timeoutMs });
      let note: string | undefined;
      try {
        if (!routeDraws) throw new Error('skipped');
        await waitUntilSettled(page, spec.settle, spec.timeoutMs);
      } catch {
        routeDraws = false;
        // The route never drew its marked elements; count what the page fetched by the time the network went quiet.
        await page.waitForLoadState('networkidle', { timeout: spec.timeoutMs }).catch(() => undefined);
        note = `[data-testid="${spec.settle.testId}"] never settled; counted scripts loaded until network idle`;
      }
      let bytes = 0;
      for (const pathname of requested) {
        const file = normalize(join(distDir, decodeURIComponent(pathname)));
        if (!file.startsWith(normalize(distDir)) || !existsSync(file)) throw new Error(`requested script not in dist: ${pathname}`);
        const size = gzipSize(file);
        sizes.set(pathname, size);
        bytes += size;
      }
      fileLists.push([...requested].sort());
      return note === undefined ? { value: bytes / 1000 } : { value: bytes / 1000, note };
    } finally {
      await context.close();
    }
  });
  const distinctLists = new Set(fileLists.map((l) => l.join(',')));
  if (distinctLists.size > 1) notes.push('the set of scripts differed between loads');
  const last = fileLists.at(-1);
  if (last) {
    const biggestFirst = [...last].sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0));
    const listed = biggestFirst.map((p) => `${p.replace(/^.*\//, '')} ${((sizes.get(p) ?? 0) / 1000).toFixed(1)}`);
    notes.push(`${last.length} scripts: ${listed.join(', ')}`);
  }
  return toResult(spec.name, 'kB', spec.budget, samples, notes);
}
