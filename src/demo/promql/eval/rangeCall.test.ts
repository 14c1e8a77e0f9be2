import { describe, expect, it } from 'vitest';
import type { SampleBlock, SampleSource } from '../../source';
import { evaluateRange } from '../evaluate';
import { createMemorySource, regularSamples, type FixtureSeries } from '../testSource';
import { createWindowResults } from './types';

const ramp = (perStep: number, n = 41): number[] => Array.from({ length: n }, (_, i) => i * perStep);

const COPIES: FixtureSeries[] = [
  { labels: { __name__: 'req_total', job: 'pay' }, samples: regularSamples(0, 15_000, ramp(30)) },
  { labels: { __name__: 'req_total', job: 'pay-01' }, samples: regularSamples(0, 15_000, ramp(30)) },
  { labels: { __name__: 'req_total', job: 'web' }, samples: regularSamples(0, 15_000, ramp(6)) },
];

/** Two copies of one counter, as the demo's replicated services are: the source hands both the same block. */
function sharingSource(): SampleSource {
  const inner = createMemorySource(COPIES);
  return {
    ...inner,
    select(matchers) {
      const shared = new Map<string, SampleBlock>();
      return inner.select(matchers).map((s) => {
        const recipe = s.labels['job']!.replace(/-\d+$/, '');
        return { labels: s.labels, samples: (from: number, to: number) => shared.get(recipe) ?? shared.set(recipe, s.samples(from, to)).get(recipe)! };
      });
    },
  };
}

describe('range functions over series that share a block', () => {
  it('give each series its own labels and the same numbers as unshared blocks', () => {
    const query = 'rate(req_total[1m])';
    const shared = evaluateRange(sharingSource(), query, 60_000, 600_000, 60_000).series;
    const plain = evaluateRange(createMemorySource(COPIES), query, 60_000, 600_000, 60_000).series;
    expect(shared.map((s) => s.labels)).toEqual([{ job: 'pay' }, { job: 'pay-01' }, { job: 'web' }]);
    expect(shared).toEqual(plain);
    expect([...shared[0]!.values]).toEqual(Array(10).fill(2));
    expect([...shared[2]!.values]).toEqual(Array(10).fill(0.4));
  });
});

describe('range-function results kept between queries', () => {
  const fixture = () =>
    createMemorySource([
      { labels: { __name__: 'req_total', job: 'pay', code: '200' }, samples: regularSamples(0, 15_000, ramp(30)) },
      { labels: { __name__: 'req_total', job: 'pay', code: '500' }, samples: regularSamples(0, 15_000, ramp(3)) },
      { labels: { __name__: 'req_total', job: 'web', code: '200' }, samples: regularSamples(0, 15_000, ramp(6)) },
    ]);

  it('answer a second query over the same rate without reading samples, with the numbers an uncached run gives', () => {
    const source = fixture();
    const windows = createWindowResults();
    const total = 'sum by (job) (rate(req_total{job!=""}[1m]))';
    const share = 'sum by (code) (rate(req_total{job!=""}[1m])) / ignoring(code) group_left sum(rate(req_total{job!=""}[1m]))';
    evaluateRange(source, total, 60_000, 600_000, 60_000, windows);
    const reads = source.sampleReads;
    expect(reads).toBe(3);
    const cached = evaluateRange(source, share, 60_000, 600_000, 60_000, windows);
    expect(source.sampleReads).toBe(reads);
    expect(cached).toEqual(evaluateRange(fixture(), share, 60_000, 600_000, 60_000));
  });

  it('work a rate out again when its range, offset, grid or matchers differ', () => {
    const source = fixture();
    const windows = createWindowResults();
    const run = (q: string, start = 60_000) => {
      const before = source.sampleReads;
      evaluateRange(source, q, start, 600_000, 60_000, windows);
      return source.sampleReads - before;
    };
    expect(run('rate(req_total[1m])')).toBe(3);
    expect(run('rate(req_total[1m])')).toBe(0);
    expect(run('rate(req_total[2m])')).toBe(3);
    expect(run('rate(req_total[1m] offset 1m)')).toBe(3);
    expect(run('rate(req_total[1m])', 120_000)).toBe(3);
    expect(run('rate(req_total{job="pay"}[1m])')).toBe(2);
    expect(run('increase(req_total[1m])')).toBe(3);
  });
});
