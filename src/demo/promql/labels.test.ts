import { describe, expect, it } from 'vitest';
import type { Labels } from '../../model/series';
import { compareLabels, sortByLabels } from './labels';

describe('sortByLabels', () => {
  it('puts label sets in compareLabels order, keeping equal ones in their order', () => {
    const sets: Labels[] = [
      { job: 'b', le: '1' },
      { __name__: 'x', job: 'a' },
      { job: 'a' },
      { job: 'a', le: '+Inf' },
      { code: '500', job: 'a' },
      { job: 'b', le: '0.5' },
      { job: 'a' },
    ];
    const items = sets.map((labels, i) => ({ labels, i }));
    const sorted = sortByLabels(items, (it) => it.labels);
    expect(sorted).toEqual([...items].sort((a, b) => compareLabels(a.labels, b.labels)));
    expect(sorted.map((it) => it.i)).toEqual([1, 4, 2, 6, 3, 5, 0]);
  });
});
