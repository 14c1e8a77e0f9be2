/**
 * Test helper: a tiny in-memory SampleSource, so the evaluator and the HTTP handlers can be tested
 * on hand-written samples without the simulator.
 */
import type { Labels } from '../../model/series';
import type { ExemplarSeries, LabelMatcher, MetricMetadata, SampleSource, SourceExemplar } from '../source';
import { compileMatchers } from '../labelMatchers';

export interface FixtureSeries {
  labels: Labels;
  /** [epoch ms, value] pairs, ascending by time. */
  samples: ReadonlyArray<readonly [number, number]>;
  exemplars?: SourceExemplar[];
}

export interface FixtureOptions {
  scrapeIntervalMs?: number;
  metadata?: Record<string, MetricMetadata>;
}

export function createMemorySource(fixture: readonly FixtureSeries[], options: FixtureOptions = {}): SampleSource & { sampleReads: number } {
  const source = {
    scrapeIntervalMs: options.scrapeIntervalMs ?? 15_000,
    /** How many times samples() was called, to check that each series is read once per query. */
    sampleReads: 0,
    select(matchers: readonly LabelMatcher[]) {
      const matches = compileMatchers(matchers);
      return fixture
        .filter((f) => matches(f.labels))
        .map((f) => ({
          labels: f.labels,
          samples(startMs: number, endMs: number) {
            source.sampleReads++;
            const inWindow = f.samples.filter(([t]) => t >= startMs && t <= endMs);
            return { timesMs: Float64Array.from(inWindow, ([t]) => t), values: Float64Array.from(inWindow, ([, v]) => v) };
          },
        }));
    },
    exemplars(matchers: readonly LabelMatcher[], startMs: number, endMs: number): ExemplarSeries[] {
      const matches = compileMatchers(matchers);
      return fixture
        .filter((f) => matches(f.labels) && f.exemplars !== undefined)
        .map((f) => ({ seriesLabels: f.labels, exemplars: (f.exemplars ?? []).filter((e) => e.timeMs >= startMs && e.timeMs <= endMs) }))
        .filter((e) => e.exemplars.length > 0);
    },
    metadata() {
      return options.metadata ?? {};
    },
  };
  return source;
}

/** Samples every `stepMs` from `startMs`, one per value. */
export function regularSamples(startMs: number, stepMs: number, values: readonly number[]): Array<[number, number]> {
  return values.map((v, i) => [startMs + i * stepMs, v]);
}
