import type { SampleBlock, SampleSource } from '../../../src/demo/source';

const EMPTY: SampleBlock = { timesMs: new Float64Array(0), values: new Float64Array(0) };

/**
 * The simulator has samples at every instant; a backfilled TSDB only within its window. Clipping the
 * source to the same closed window lets the two be compared at the window's edges too (series
 * start, counters' first samples, lookback past the last sample).
 */
export function clipSource(source: SampleSource, startMs: number, endMs: number): SampleSource {
  const clip = (from: number, to: number) => ({ from: Math.max(from, startMs), to: Math.min(to, endMs) });
  return {
    scrapeIntervalMs: source.scrapeIntervalMs,
    select: (matchers) =>
      source.select(matchers).map((series) => ({
        labels: series.labels,
        samples: (from: number, to: number) => {
          const w = clip(from, to);
          return w.from > w.to ? EMPTY : series.samples(w.from, w.to);
        },
      })),
    exemplars: (matchers, from, to) => {
      const w = clip(from, to);
      return w.from > w.to ? [] : source.exemplars(matchers, w.from, w.to);
    },
    metadata: () => source.metadata(),
  };
}
