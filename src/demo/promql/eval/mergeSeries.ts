import type { Labels } from '../../../model/series';
import { executionError } from '../errors';
import { labelsKey } from '../labels';
import { newStepSeries, type StepSeries } from './types';

/**
 * Collects output samples by label set. Prometheus's range evaluation stitches the per-step vectors
 * into series by label set, and rejects a step whose vector holds one label set twice; this does
 * both, for operators whose output labels can collide (dropping __name__, for example).
 */
export class SeriesCollector {
  private readonly byKey = new Map<string, StepSeries>();

  constructor(private readonly count: number) {}

  seriesFor(labels: Labels): StepSeries {
    const key = labelsKey(labels);
    let s = this.byKey.get(key);
    if (!s) {
      s = newStepSeries(labels, this.count);
      this.byKey.set(key, s);
    }
    return s;
  }

  /** Writes a sample, failing as Prometheus does if the label set already has one at this step. */
  static put(series: StepSeries, step: number, value: number): void {
    if (series.present[step]) throw executionError('vector cannot contain metrics with the same labelset');
    series.values[step] = value;
    series.present[step] = 1;
  }

  add(labels: Labels, step: number, value: number): void {
    SeriesCollector.put(this.seriesFor(labels), step, value);
  }

  /** The collected series that have at least one sample, in first-seen order. */
  result(): StepSeries[] {
    return [...this.byKey.values()].filter((s) => s.present.includes(1));
  }
}

/**
 * Re-labels whole series (e.g. dropping __name__) and merges those that end up equal, keeping the
 * per-step uniqueness rule.
 */
export function relabelSeries(series: readonly StepSeries[], relabel: (l: Labels) => Labels, count: number): StepSeries[] {
  const collector = new SeriesCollector(count);
  for (const s of series) {
    const target = collector.seriesFor(relabel(s.labels));
    for (let i = 0; i < count; i++) if (s.present[i]) SeriesCollector.put(target, i, s.values[i] as number);
  }
  return collector.result();
}
