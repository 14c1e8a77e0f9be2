import { describe, expect, it } from 'vitest';
import { createDemoBackend } from '../worker/demoHandlers';
import { createTraceStore } from '../traces/traceStore';
import { createSimulator } from '../simulator';
import { lru } from './logSource';
import { batchRunsFor, logScenarioFromUrl } from './scenario';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 30);

describe('log scenarios', () => {
  it('reads the burst, tail rate and entries cap from the boot URL, ignoring junk', () => {
    expect(logScenarioFromUrl('?demo.logburst=100000&demo.tailrate=2000&demo.maxEntries=100000')).toEqual({ burstLines: 100_000, tailRate: 2000, maxEntries: 100_000 });
    expect(logScenarioFromUrl('?demo.logburst=lots&demo.maxEntries=0')).toBeUndefined();
    expect(logScenarioFromUrl('')).toBeUndefined();
  });

  it('answers one query with the 100,000-line burst of the minute before boot, every line on the batch trace', async () => {
    const { fetchFn } = createDemoBackend({ anchorMs: NOW, now: () => NOW, logs: { burstLines: 100_000, maxEntries: 100_000 } });
    const [run] = batchRunsFor({ burstLines: 100_000 }, NOW);
    expect(run).toEqual({ startMs: Date.UTC(2026, 11, 1, 11, 59, 0), durationMs: 60_000, lines: 100_000 });
    const params = new URLSearchParams({ query: '{service_name="batch"}', start: `${Date.UTC(2026, 11, 1, 11, 55)}000000`, end: `${NOW}000000`, limit: '100000' });
    const res = await fetchFn(`http://demo.watchfloor.invalid/loki/loki/api/v1/query_range?${params.toString()}`, { headers: { 'X-Loki-Response-Encoding-Flags': 'categorize-labels' } });
    const body = (await res.json()) as { data: { result: Array<{ stream: Record<string, string>; values: Array<[string, string, { structuredMetadata: Record<string, string> }]> }> } };
    const values = body.data.result.flatMap((s) => s.values);
    expect(values).toHaveLength(100_000);
    const times = values.map((v) => BigInt(v[0]));
    expect(times.every((t) => t >= BigInt(Date.UTC(2026, 11, 1, 11, 59)) * 1_000_000n && t < BigInt(Date.UTC(2026, 11, 1, 12, 0)) * 1_000_000n)).toBe(true);
    const traceIds = new Set(values.map((v) => v[2].structuredMetadata['trace_id']));
    expect(traceIds.size).toBe(1);
    const trace = createTraceStore(createSimulator({ seed: 1 })).get([...traceIds][0] ?? '');
    expect(trace?.spanCount).toBe(100_000);
    expect(body.data.result.map((s) => s.stream['level']).sort()).toEqual(['error', 'info', 'warn']);
  }, 60_000);

  it('keeps cached windows within their entry budget, however dense', () => {
    const cache = lru<number[]>(1000);
    for (let k = 0; k < 50; k++) cache.get(k, () => new Array<number>(300).fill(k));
    expect(cache.weight).toBeLessThanOrEqual(1000);
    // A window over the budget alone is still kept (it was just asked for), the rest dropped.
    cache.get(99, () => new Array<number>(5000).fill(0));
    expect(cache.weight).toBe(5000);
  });
});
