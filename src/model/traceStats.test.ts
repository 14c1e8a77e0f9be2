import { describe, expect, it } from 'vitest';
import { selfTimes } from './selfTime';
import { span, trace, TRACE_ID } from './testing/traceBuilders';
import { buildTraceTree } from './traceTree';
import { summarizeTraceTree, traceStatistics } from './traceStats';

// gateway 0–100 calls api GET /a 10–40 and 30–70 (the second with an error and a db call 35–60), then db 80–90.
const tree = buildTraceTree(
  trace([
    span('root', undefined, 1000, 100, { service: 'gateway', name: 'GET /' }),
    span('a1', 'root', 1010, 30, { service: 'api', name: 'GET /a' }),
    span('a2', 'root', 1030, 40, { service: 'api', name: 'GET /a', status: 'error' }),
    span('q1', 'a2', 1035, 25, { service: 'db', name: 'SELECT' }),
    span('q2', 'root', 1080, 10, { service: 'db', name: 'INSERT' }),
    span('orphan', 'gone', 1200, 5, { service: 'api', name: 'late' }),
  ]),
);

describe('summarizeTraceTree', () => {
  it('counts real spans only, and measures the trace end to end', () => {
    expect(summarizeTraceTree(tree)).toEqual({
      traceId: TRACE_ID,
      startUs: 1000,
      endUs: 1205,
      durationUs: 205,
      spanCount: 6,
      errorCount: 1,
      services: ['api', 'db', 'gateway'],
      depth: 3,
      rootService: 'gateway',
      rootName: 'GET /',
    });
  });

  it('summarizes an empty trace as zeros', () => {
    const empty = summarizeTraceTree(buildTraceTree(trace([])));
    expect([empty.spanCount, empty.durationUs, empty.depth, empty.rootName]).toEqual([0, 0, 0, '']);
  });
});

describe('traceStatistics', () => {
  const stats = traceStatistics(tree, selfTimes(tree));

  it('groups by service with count, total, avg, min, max and self time', () => {
    const api = stats.byService.find((s) => s.service === 'api')!;
    // a1 30 (self 30), a2 40 (self 15), orphan 5 (self 5).
    expect(api).toMatchObject({ key: 'api', count: 3, errorCount: 1, totalUs: 75, avgUs: 25, minUs: 5, maxUs: 40 });
    expect(api).toMatchObject({ selfTotalUs: 50, selfMinUs: 5, selfMaxUs: 30 });
    expect(api.selfAvgUs).toBeCloseTo(50 / 3);
    expect(api.selfShareOfTrace).toBeCloseTo(50 / 205);
    expect(api.operation).toBeUndefined();
    expect(stats.byService.map((s) => s.key)).toEqual(['api', 'db', 'gateway']);
    // gateway 0–100 minus children union 10–70 and 80–90: 30.
    expect(stats.byService.find((s) => s.service === 'gateway')!.selfTotalUs).toBe(30);
  });

  it('groups by service and operation, never counting the synthetic row', () => {
    expect(stats.byOperation.map((s) => [s.service, s.operation, s.count, s.totalUs])).toEqual([
      ['api', 'GET /a', 2, 70],
      ['api', 'late', 1, 5],
      ['db', 'INSERT', 1, 10],
      ['db', 'SELECT', 1, 25],
      ['gateway', 'GET /', 1, 100],
    ]);
    const total = stats.byService.reduce((sum, s) => sum + s.count, 0);
    expect(total).toBe(6);
  });
});
