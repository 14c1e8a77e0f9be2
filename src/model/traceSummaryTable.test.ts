import { describe, expect, it } from 'vitest';
import { selfTimes } from './selfTime';
import { span, trace } from './testing/traceBuilders';
import { DEFAULT_SUMMARY_SORT, nextSort, sortSummary } from './traceSummaryTable';
import { buildTraceTree } from './traceTree';
import { traceStatistics } from './traceStats';

// gateway 0–1000 → payments 100–900 → payment-provider twice (one error); an orphan auth span.
const tree = buildTraceTree(
  trace([
    span('g', undefined, 0, 1000, { service: 'gateway', name: 'GET /pay' }),
    span('p', 'g', 100, 800, { service: 'payments', name: 'charge' }),
    span('x1', 'p', 120, 300, { service: 'payment-provider', name: 'POST /v1/charge', status: 'error' }),
    span('x2', 'p', 500, 200, { service: 'payment-provider', name: 'POST /v1/charge' }),
    span('o', 'gone', 50, 10, { service: 'auth', name: 'verify' }),
  ]),
);
const stats = traceStatistics(tree, selfTimes(tree));

describe('the summary table', () => {
  it('has count, total, self time and errors per service, the missing-parent stand-in not counted', () => {
    const provider = stats.byService.find((g) => g.service === 'payment-provider')!;
    expect(provider).toMatchObject({ count: 2, totalUs: 500, selfTotalUs: 500, errorCount: 1 });
    expect(stats.byService.find((g) => g.service === 'payments')).toMatchObject({ count: 1, totalUs: 800, selfTotalUs: 300, errorCount: 0 });
    expect(stats.byService.map((g) => g.service).sort()).toEqual(['auth', 'gateway', 'payment-provider', 'payments']);
  });

  it('opens sorted by self time, longest first', () => {
    expect(sortSummary(stats.byService, DEFAULT_SUMMARY_SORT).map((g) => g.service)).toEqual(['payment-provider', 'payments', 'gateway', 'auth']);
  });

  it('sorts by any column both ways, ties by key, and leaves its input alone', () => {
    const input = [...stats.byService];
    expect(sortSummary(input, { column: 'errorCount', descending: true }).map((g) => g.service)).toEqual(['payment-provider', 'auth', 'gateway', 'payments']);
    expect(sortSummary(input, { column: 'count', descending: false }).map((g) => g.service)).toEqual(['auth', 'gateway', 'payments', 'payment-provider']);
    expect(sortSummary(input, { column: 'name', descending: false }).map((g) => g.service)).toEqual(['auth', 'gateway', 'payment-provider', 'payments']);
    expect(sortSummary(input, { column: 'name', descending: true }).map((g) => g.service)).toEqual(['payments', 'payment-provider', 'gateway', 'auth']);
    expect(input).toEqual(stats.byService);
  });

  it('flips the same column and starts a new one descending (names ascending)', () => {
    expect(nextSort(DEFAULT_SUMMARY_SORT, 'selfTotalUs')).toEqual({ column: 'selfTotalUs', descending: false });
    expect(nextSort(DEFAULT_SUMMARY_SORT, 'count')).toEqual({ column: 'count', descending: true });
    expect(nextSort(DEFAULT_SUMMARY_SORT, 'name')).toEqual({ column: 'name', descending: false });
  });
});
