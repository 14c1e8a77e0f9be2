import type { Labels } from '../../../model/series';
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

export interface EvalContext {
  source: SampleSource;
  grid: StepGrid;
}

/** Prometheus's default lookback for instant selectors. */
export const LOOKBACK_MS = 5 * 60_000;

export function newStepSeries(labels: Labels, count: number): StepSeries {
  return { labels, values: new Float64Array(count), present: new Uint8Array(count) };
}
