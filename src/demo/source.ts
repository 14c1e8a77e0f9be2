import type { Labels } from '../model/series';

/**
 * The seam between the simulator (which knows what the system did) and the PromQL evaluator (which
 * knows how Prometheus computes). Both the in-app demo, the demo HTTP server and the differential test
 * against real Prometheus read samples through this one interface, so they see the very same numbers.
 */
export interface LabelMatcher {
  name: string;
  type: '=' | '!=' | '=~' | '!~';
  value: string;
}

/** Samples of one series in a window, sorted by time; both arrays have one entry per scrape. */
export interface SampleBlock {
  timesMs: Float64Array;
  values: Float64Array;
}

export interface SourceSeries {
  labels: Labels;
  /** Samples with timestamps in the closed interval [startMs, endMs]. Computed lazily, never stored. */
  samples(startMs: number, endMs: number): SampleBlock;
}

export interface SourceExemplar {
  labels: Labels;
  value: number;
  timeMs: number;
}

export interface ExemplarSeries {
  seriesLabels: Labels;
  exemplars: SourceExemplar[];
}

export interface MetricMetadata {
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'unknown';
  help: string;
  unit: string;
}

export interface SampleSource {
  /** The scrape interval: samples lie on multiples of it (epoch-aligned). */
  readonly scrapeIntervalMs: number;
  /** Every series matching all matchers (regexes fully anchored, as in Prometheus). */
  select(matchers: readonly LabelMatcher[]): SourceSeries[];
  /** Exemplars of matching series within [startMs, endMs]. */
  exemplars(matchers: readonly LabelMatcher[], startMs: number, endMs: number): ExemplarSeries[];
  metadata(): Readonly<Record<string, MetricMetadata>>;
}
