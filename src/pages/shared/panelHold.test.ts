import { describe, expect, it } from 'vitest';
import type { RangeResult } from '../../datasources/types';
import type { PanelQuerySpec } from '../../model/panelSpec';
import { advancePanel, type QueryAnswer } from './panelHold';

const QUERIES: PanelQuerySpec[] = [{ ref: 'A', expr: 'up' }];
const answerOf = (value: number): RangeResult => ({
  series: [{ labels: { job: 'demo' }, times: Float64Array.of(0), values: Float64Array.of(value) }],
  warnings: [],
  stepMs: 15_000,
});
const done = (data: RangeResult): QueryAnswer => ({ data, error: null, isError: false, isPending: false, isFetching: false, isSuccess: true });
const loading: QueryAnswer = { data: undefined, error: null, isError: false, isPending: true, isFetching: true, isSuccess: false };

describe('advancePanel', () => {
  it('gives back its own result for the same answers, so holding it as state settles at once', () => {
    const answer = answerOf(1);
    const first = advancePanel(undefined, QUERIES, undefined, [done(answer)]);
    expect(advancePanel(first, QUERIES, undefined, [done(answer)])).toBe(first);
    // A new answer with the same samples is noted once, and draws nothing new.
    const same = advancePanel(first, QUERIES, undefined, [done(answerOf(1))]);
    expect(same.series).toBe(first.series);
    expect(advancePanel(same, QUERIES, undefined, [done(same.answers.get('up')!.sameAs!)])).toBe(same);
    const refreshing = advancePanel(first, QUERIES, undefined, [loading]);
    expect(advancePanel(refreshing, QUERIES, undefined, [loading])).toBe(refreshing);
    expect(refreshing.series).toBe(first.series);
  });

  it('keys each series by query ref and label set, and forgets query texts no longer asked', () => {
    const first = advancePanel(undefined, QUERIES, undefined, [done(answerOf(1))]);
    expect(first.series.map((s) => s.key)).toEqual(['A\u0000{job="demo"}']);
    const other = advancePanel(first, [{ ref: 'A', expr: 'down' }], undefined, [done(answerOf(2))]);
    expect([...other.answers.keys()]).toEqual(['down']);
  });
});
