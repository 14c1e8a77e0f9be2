import { describe, expect, it } from 'vitest';
import { stackVolume } from './volume';

const s = (level: string, times: number[], values: number[]) => ({ labels: { level }, times: Float64Array.from(times), values: Float64Array.from(values) });

describe('volume stacks', () => {
  it('puts every level on one time axis, least severe at the bottom, spellings merged', () => {
    const v = stackVolume([s('error', [2000], [3]), s('info', [1000, 2000], [5, 1]), s('warning', [1000], [2]), s('warn', [1000], [1]), s('weird', [3000], [NaN])]);
    expect(v.times).toEqual([1000, 2000, 3000]);
    expect(v.levels.map((l) => l.level)).toEqual(['unknown', 'info', 'warn', 'error']);
    expect(Array.from(v.levels.find((l) => l.level === 'warn')!.counts)).toEqual([3, 0, 0]);
    expect(v.max).toBe(8);
    expect(v.total).toBe(12);
  });
  it('is empty for no series', () => {
    expect(stackVolume([])).toEqual({ times: [], levels: [], max: 0, total: 0 });
  });
});
