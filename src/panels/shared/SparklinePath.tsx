import { memo, useMemo } from 'react';
import { lttb } from '../../lib/lttb';

interface SparklinePathProps {
  times: Float64Array;
  values: Float64Array;
  width: number;
  height: number;
  color: string;
  /** Fixes the time axis so sparklines of one table line up; defaults to the data's extent. */
  timeDomain?: readonly [number, number];
}

/**
 * A small line as plain SVG. The overview draws dozens of these, so it stays cheap: data thinned to
 * one point per pixel, gaps kept as breaks in the path, no chart library.
 */
export const SparklinePath = memo(function SparklinePath({ times, values, width, height, color, timeDomain }: SparklinePathProps) {
  const d = useMemo(() => {
    const thin = lttb(times, values, Math.max(3, Math.round(width)));
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of thin.values) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (lo === Infinity) return '';
    lo = Math.min(lo, 0);
    const t0 = timeDomain?.[0] ?? thin.times[0]!;
    const t1 = timeDomain?.[1] ?? thin.times[thin.times.length - 1]!;
    const x = (t: number) => (t1 > t0 ? ((t - t0) / (t1 - t0)) * width : width / 2);
    const y = (v: number) => (hi > lo ? height - 1 - ((v - lo) / (hi - lo)) * (height - 2) : height / 2);
    let path = '';
    let penDown = false;
    for (let i = 0; i < thin.times.length; i++) {
      const v = thin.values[i]!;
      if (!Number.isFinite(v)) {
        penDown = false;
        continue;
      }
      path += `${penDown ? 'L' : 'M'}${x(thin.times[i]!).toFixed(1)},${y(v).toFixed(1)}`;
      penDown = true;
    }
    return path;
  }, [times, values, width, height, timeDomain]);

  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="sparkline-svg" aria-hidden="true">
      <path d={d} fill="none" stroke={color} strokeWidth={1.5} strokeLinejoin="round" />
    </svg>
  );
});
