import { memo } from 'react';
import { CartesianGrid, ComposedChart, Line, Scatter, XAxis, YAxis } from 'recharts';
import { formatValue } from '../../lib/units';
import type { Exemplar } from '../../model/series';
import type { TimeRange } from '../../model/time';
import type { Unit } from '../../model/units';
import { formatTick } from '../shared/timeAxis';
import type { ChartLine, ExemplarPoint, ValueScale } from './chartData';
import { CHART_MARGIN, X_AXIS_HEIGHT, Y_AXIS_WIDTH } from './geometry';

interface LineChartViewProps {
  width: number;
  height: number;
  lines: readonly ChartLine[];
  range: TimeRange;
  timeTicks: readonly number[];
  scale: ValueScale;
  unit: Unit;
  exemplars: readonly ExemplarPoint[];
  onExemplarClick?: (exemplar: Exemplar) => void;
}

const EXEMPLAR_COLOR = '#d8d9da';

/**
 * The Recharts part of a time-series panel. Memoized on props that only change with the data, the
 * range or the size: hovering never re-renders it (the crosshair is a separate overlay). No animation,
 * no dots: hundreds of points per line would make both slow and noisy.
 */
export const LineChartView = memo(function LineChartView({
  width,
  height,
  lines,
  range,
  timeTicks,
  scale,
  unit,
  exemplars,
  onExemplarClick,
}: LineChartViewProps) {
  const span = range.to - range.from;
  return (
    <ComposedChart width={width} height={height} margin={CHART_MARGIN}>
      <CartesianGrid stroke="#2c3235" vertical={false} />
      <XAxis
        type="number"
        dataKey="t"
        domain={[range.from, range.to]}
        ticks={timeTicks as number[]}
        tickFormatter={(t: number) => formatTick(t, span)}
        allowDataOverflow
        height={X_AXIS_HEIGHT}
        stroke="#8e8e8e"
        tick={{ fontSize: 11 }}
      />
      <YAxis
        type="number"
        width={Y_AXIS_WIDTH}
        domain={scale.domain}
        ticks={scale.ticks}
        tickFormatter={(v: number) => formatValue(v, unit)}
        allowDataOverflow
        stroke="#8e8e8e"
        tick={{ fontSize: 11 }}
      />
      {lines.map((l) => (
        <Line
          key={l.key}
          data={l.points}
          dataKey="v"
          name={l.name}
          stroke={l.color}
          strokeWidth={1.5}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
          connectNulls={false}
          type="linear"
        />
      ))}
      {exemplars.length > 0 ? (
        <Scatter
          data={exemplars as ExemplarPoint[]}
          dataKey="v"
          fill={EXEMPLAR_COLOR}
          shape="diamond"
          isAnimationActive={false}
          className="exemplars"
          onClick={(point: { payload?: ExemplarPoint }) => {
            if (point.payload && onExemplarClick) onExemplarClick(point.payload.exemplar);
          }}
        />
      ) : null}
    </ComposedChart>
  );
});
