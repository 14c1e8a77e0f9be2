import type { RangeResult } from '../../datasources/types';
import type { Labels, Series } from '../../model/series';

function sameColumn(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  // Object.is: NaN (a gap) equals NaN, and the loop stays a plain numeric compare.
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function sameLabels(a: Labels, b: Labels): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k] === b[k]);
}

function sameSeries(a: Series, b: Series): boolean {
  return sameLabels(a.labels, b.labels) && sameColumn(a.times, b.times) && sameColumn(a.values, b.values);
}

/**
 * True when two answers hold the same samples. A refresh asks again for a range aligned to the step,
 * so within one step it usually gets the very same answer back; recognising that lets the panels keep
 * what they drew instead of redrawing it unchanged.
 */
export function sameRangeResult(a: RangeResult, b: RangeResult): boolean {
  return (
    a.stepMs === b.stepMs &&
    a.series.length === b.series.length &&
    a.warnings.length === b.warnings.length &&
    a.warnings.every((w, i) => w === b.warnings[i]) &&
    a.series.every((s, i) => sameSeries(s, b.series[i]!))
  );
}
