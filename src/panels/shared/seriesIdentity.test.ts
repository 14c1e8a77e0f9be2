import { describe, expect, it } from 'vitest';
import { seriesIdentities } from './seriesIdentity';

const s = (labels: Record<string, string>, key?: string) => ({ name: 'x', labels, times: new Float64Array(0), values: new Float64Array(0), ...(key ? { key } : {}) });

describe('seriesIdentities', () => {
  it('names each series by its label set, whatever its position', () => {
    const a = s({ code: '200' });
    const b = s({ code: '500' });
    expect(seriesIdentities([a, b])).toEqual(['{code="200"}', '{code="500"}']);
    expect(seriesIdentities([b, a])).toEqual(['{code="500"}', '{code="200"}']);
  });

  it('prefers the runner’s key and tells repeated identities apart', () => {
    expect(seriesIdentities([s({}, 'p50'), s({}, 'p99')])).toEqual(['p50', 'p99']);
    expect(seriesIdentities([s({}), s({})])).toEqual(['{}', '{}#2']);
  });
});
