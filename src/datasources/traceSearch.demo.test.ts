import { describe, expect, it } from 'vitest';
import type { TraceSearch } from '../model/trace';
import { loadDataSources } from './registry';

// Every traces adapter against the embedded demo, through the registry (which alone may load the demo): the
// search page's "errors only" must mean the same on Jaeger, Tempo and Zipkin, each in its server's terms.
const noConfig = async () => new Response('not found', { status: 404 });
const now = Date.now();
const range = { from: now - 2 * 3_600_000, to: now };

describe('errors-only trace search on the demo, per adapter', async () => {
  const set = await loadDataSources(noConfig);
  const traced = set.list.filter((ds) => ds.traces?.search !== undefined);

  it('has the three demo trace datasources', () => {
    expect(traced.map((ds) => ds.uid)).toEqual(['demo-jaeger', 'demo-tempo', 'demo-zipkin']);
  });

  it.each(['demo-jaeger', 'demo-tempo', 'demo-zipkin'])('%s: errors only returns only traces with an error span, and fewer than without', async (uid) => {
    const ds = traced.find((d) => d.uid === uid)!;
    const search = (q: TraceSearch) => ds.traces!.search!(q, { range, signal: new AbortController().signal });
    const all = await search({ service: 'payments', limit: 40 });
    const failed = await search({ service: 'payments', errorsOnly: true, limit: 40 });
    expect(all.some((t) => t.errorCount === 0)).toBe(true);
    expect(failed.length).toBeGreaterThan(0);
    for (const t of failed) expect(t.errorCount).toBeGreaterThan(0);
  });

  it('demo-tempo: errors only with a minimum duration finds the 30 s incident traces', async () => {
    const ds = traced.find((d) => d.uid === 'demo-tempo')!;
    const found = await ds.traces!.search!({ service: 'payments', errorsOnly: true, minDurationMs: 29_000, limit: 10 }, { range, signal: new AbortController().signal });
    expect(found.length).toBeGreaterThan(0);
    for (const t of found) expect(t.durationMs).toBeGreaterThanOrEqual(29_000);
  });
});
