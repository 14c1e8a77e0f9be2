import { memo, useMemo } from 'react';
import { sparklinePathData } from './sparklineGeometry';

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
  const d = useMemo(() => sparklinePathData(times, values, width, height, timeDomain), [times, values, width, height, timeDomain]);

  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="sparkline-svg" aria-hidden="true">
      <path d={d} fill="none" stroke={color} strokeWidth={1.5} strokeLinejoin="round" />
    </svg>
  );
});
