import { drawable } from '../../lib/drawable';
import { lttb } from '../../lib/lttb';

/**
 * The SVG path of a sparkline: data thinned to one point per pixel, the y axis from 0 (or the lowest
 * value) to the highest, gaps kept as breaks. Holds for every double: values are placed within the
 * drawable range, so 1e308 beside -1e308 has a finite span, and a point whose coordinates are still not
 * numbers (a time of NaN) is left out as a gap rather than written into the path as "NaN".
 */
export function sparklinePathData(
  times: Float64Array,
  values: Float64Array,
  width: number,
  height: number,
  timeDomain?: readonly [number, number],
): string {
  const thin = lttb(times, values, Math.max(3, Math.round(width)));
  let lo = Infinity;
  let hi = -Infinity;
  for (const value of thin.values) {
    if (!Number.isFinite(value)) continue;
    const v = drawable(value);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return '';
  lo = Math.min(lo, 0);
  const t0 = timeDomain?.[0] ?? thin.times[0]!;
  const t1 = timeDomain?.[1] ?? thin.times[thin.times.length - 1]!;
  const x = (t: number) => (t1 > t0 ? ((t - t0) / (t1 - t0)) * width : width / 2);
  const y = (v: number) => (hi > lo ? height - 1 - ((drawable(v) - lo) / (hi - lo)) * (height - 2) : height / 2);
  let path = '';
  let penDown = false;
  for (let i = 0; i < thin.times.length; i++) {
    const v = thin.values[i]!;
    const px = Number.isFinite(v) ? x(thin.times[i]!) : NaN;
    const py = Number.isFinite(v) ? y(v) : NaN;
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      penDown = false;
      continue;
    }
    path += `${penDown ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`;
    penDown = true;
  }
  return path;
}
