import { describe, expect, it } from 'vitest';
import { nameSeries } from './namedSeries';

const s = (labels: Record<string, string>) => ({ labels, times: new Float64Array(0), values: new Float64Array(0) });

describe('nameSeries', () => {
  it('uses the legend label, falling back to the label set', () => {
    expect(nameSeries([s({ http_route: '/pay' }), s({ other: 'x' })], 'http_route').map((n) => n.name)).toEqual([
      '/pay',
      '{other="x"}',
    ]);
  });

  it('names a single percentile series by its prefix and keeps the colour', () => {
    const [n] = nameSeries([s({})], undefined, 'p99', '#f00');
    expect(n!.name).toBe('p99');
    expect(n!.color).toBe('#f00');
  });

  it('adds labels after the prefix when a query returns several series', () => {
    expect(nameSeries([s({ le: '1' }), s({ le: '2' })], 'le', 'p99').map((n) => n.name)).toEqual(['p99 1', 'p99 2']);
  });

  it('keeps hostile label values as plain text', () => {
    expect(nameSeries([s({ route: '<script>alert("x")</script>' })], 'route')[0]!.name).toBe('<script>alert("x")</script>');
  });
});
