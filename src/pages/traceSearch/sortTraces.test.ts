import { describe, expect, it } from 'vitest';
import type { TraceSummary } from '../../model/trace';
import { nextSort, sortTraces } from './sortTraces';

const t = (traceId: string, over: Partial<TraceSummary>): TraceSummary => ({ traceId, rootService: 'a', rootName: 'x', startMs: 0, durationMs: 0, ...over });
const rows = [
  t('03', { durationMs: 5, startMs: 3, spanCount: 2, errorCount: 0, rootService: 'b' }),
  t('01', { durationMs: 30_000, startMs: 1, errorCount: 2, rootService: 'a' }),
  t('02', { durationMs: 5, startMs: 2, spanCount: 9, errorCount: 1, rootService: 'c' }),
];
const ids = (list: TraceSummary[]) => list.map((r) => r.traceId);

describe('sortTraces', () => {
  it('sorts by each column, ties by trace ID, without touching the input', () => {
    const before = ids(rows);
    expect(ids(sortTraces(rows, { key: 'duration', desc: true }))).toEqual(['01', '02', '03']);
    expect(ids(sortTraces(rows, { key: 'duration', desc: false }))).toEqual(['02', '03', '01']);
    expect(ids(sortTraces(rows, { key: 'start', desc: true }))).toEqual(['03', '02', '01']);
    expect(ids(sortTraces(rows, { key: 'errors', desc: true }))).toEqual(['01', '02', '03']);
    expect(ids(sortTraces(rows, { key: 'service', desc: false }))).toEqual(['01', '03', '02']);
    expect(ids(rows)).toEqual(before);
  });

  it('puts a missing value last in both directions', () => {
    expect(ids(sortTraces(rows, { key: 'spans', desc: true }))).toEqual(['02', '03', '01']);
    expect(ids(sortTraces(rows, { key: 'spans', desc: false }))).toEqual(['03', '02', '01']);
  });
});

describe('nextSort', () => {
  it('flips the same column, and starts numbers descending and the service ascending', () => {
    expect(nextSort({ key: 'duration', desc: true }, 'duration')).toEqual({ key: 'duration', desc: false });
    expect(nextSort({ key: 'start', desc: true }, 'spans')).toEqual({ key: 'spans', desc: true });
    expect(nextSort({ key: 'start', desc: true }, 'service')).toEqual({ key: 'service', desc: false });
  });
});
