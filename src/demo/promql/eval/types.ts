import type { Labels } from '../../../model/series';
import { createLru, type LruCache } from '../../lruCache';
import type { SampleSource } from '../../source';

/** The evaluation timestamps: start, start+step, …, start+(count-1)·step (all epoch ms). */
export interface StepGrid {
  startMs: number;
  stepMs: number;
  count: number;
}

export function stepTime(grid: StepGrid, i: number): number {
  return grid.startMs + i * grid.stepMs;
}

export function lastStepTime(grid: StepGrid): number {
  return stepTime(grid, grid.count - 1);
}

/**
 * One output series across all steps, columnar: `present[i]` says whether the series has a sample
 * at step i (NaN is a legitimate sample value, so it cannot mark absence).
 */
export interface StepSeries {
  labels: Labels;
  values: Float64Array;
  present: Uint8Array;
}

export type StepValue = { type: 'scalar'; values: Float64Array } | { type: 'vector'; series: StepSeries[] };

/**
 * Range-function results kept between queries, by everything they depend on (function, selector, range, offset,
 * grid). The overview's p50, p95 and p99 are one `rate(…_bucket[…])` under three quantiles, and a ratio's
 * denominator is often another query's numerator: each is worked out once. Sound because a source's samples
 * for a window never change (the demo's are a pure function of time), and step series are never written
 * after they are built.
 */
export type WindowResults = LruCache<string, StepSeries[]>;

/**
 * Bounded by step values held (2 M, about 18 MB with their presence bytes): the 200-service overview's bucket
 * rates over 24 h are ~0.8 M. Arrays shared by several series count once per series, so the bound errs high.
 * A result bigger than the whole budget is returned, not kept.
 */
export function createWindowResults(maxValues = 2_000_000): WindowResults {
  return createLru<string, StepSeries[]>({
    maxWeight: maxValues,
    maxEntries: 64,
    weightOf: (series) => series.reduce((n, s) => n + s.values.length, 0),
    keepOversized: false,
  });
}

export interface EvalContext {
  source: SampleSource;
  grid: StepGrid;
  windows?: WindowResults;
}

/** Prometheus's default lookback for instant selectors. */
export const LOOKBACK_MS = 5 * 60_000;

export function newStepSeries(labels: Labels, count: number): StepSeries {
  return { labels, values: new Float64Array(count), present: new Uint8Array(count) };
}
