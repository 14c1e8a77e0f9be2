import { memo, useCallback } from 'react';
import { CartesianGrid, ComposedChart, Curve, Line, XAxis, YAxis, type LineDrawShapeProps } from 'recharts';
import { formatValue } from '../../lib/units';
import type { TimeRange } from '../../model/time';
import type { Unit } from '../../model/units';
import { formatTick } from '../shared/timeAxis';
import { rowTime, type ChartLine, type ChartRow, type ExemplarPoint, type ValueScale } from './chartData';
import { ExemplarMarkers, type ExemplarMarkerHandlers } from './ExemplarMarkers';
import { CHART_MARGIN, X_AXIS_HEIGHT, Y_AXIS_WIDTH } from './geometry';

interface LineChartViewProps {
  width: number;
  height: number;
  rows: readonly ChartRow[];
  lines: readonly ChartLine[];
  range: TimeRange;
  timeTicks: readonly number[];
  scale: ValueScale;
  unit: Unit;
  exemplars: readonly ExemplarPoint[];
  /** The unit of the exemplars' values, for their accessible names (the panel's unless said). */
  exemplarUnit?: Unit;
  markerHandlers?: ExemplarMarkerHandlers | undefined;
}

const TICK_STYLE = { fontSize: 11 } as const;

/**
 * The same element every render, so React skips the grid when the chart re-renders with new data; the
 * grid still follows the axes through Recharts' store, once, after the axes have changed.
 */
const GRID = <CartesianGrid stroke="#2c3235" vertical={false} />;

/**
 * Recharts' default line shape hands the path a ref and reads `getTotalLength()` from it on every render,
 * for the draw-in animation; that measurement forces layout, once per line per render. Without animation
 * nothing needs it, so the path is drawn without the ref.
 */
function lineShape({ pathRef: _pathRef, animationElapsedTime: _t, isAnimating: _a, isEntrance: _e, visibleLength: _l, ...curve }: LineDrawShapeProps) {
  return <Curve {...curve} />;
}

/**
 * The Recharts part of a time-series panel. Memoized on props that only change with the data, the
 * range or the size: hovering never re-renders it (the crosshair is a separate overlay), nor does a
 * refresh starting. One data array for the chart; every `<Line>` gets the same props each time (its
 * `dataKey` reads its column of a row), so Recharts keeps them registered and only redraws the paths.
 * No animation, no dots: hundreds of points per line would make both slow and noisy.
 */
export const LineChartView = memo(function LineChartView({
  width,
  height,
  rows,
  lines,
  range,
  timeTicks,
  scale,
  unit,
  exemplars,
  exemplarUnit,
  markerHandlers,
}: LineChartViewProps) {
  const span = range.to - range.from;
  const timeTickText = useCallback((t: number) => formatTick(t, span), [span]);
  const valueTickText = useCallback((v: number) => formatValue(v, unit), [unit]);
  return (
    <ComposedChart width={width} height={height} margin={CHART_MARGIN} data={rows as ChartRow[]}>
      {GRID}
      <XAxis
        type="number"
        dataKey={rowTime}
        domain={[range.from, range.to]}
        ticks={timeTicks as number[]}
        tickFormatter={timeTickText}
        allowDataOverflow
        height={X_AXIS_HEIGHT}
        stroke="#8e8e8e"
        tick={TICK_STYLE}
      />
      <YAxis
        type="number"
        width={Y_AXIS_WIDTH}
        domain={scale.domain}
        ticks={scale.ticks}
        tickFormatter={valueTickText}
        allowDataOverflow
        stroke="#8e8e8e"
        tick={TICK_STYLE}
      />
      {lines.map((l) => (
        <Line
          key={l.key}
          dataKey={l.read}
          name={l.name}
          stroke={l.color}
          strokeWidth={1.5}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
          connectNulls={false}
          type="linear"
          shape={lineShape}
        />
      ))}
      {exemplars.length > 0 ? <ExemplarMarkers points={exemplars} unit={exemplarUnit ?? unit} handlers={markerHandlers} /> : null}
    </ComposedChart>
  );
});
