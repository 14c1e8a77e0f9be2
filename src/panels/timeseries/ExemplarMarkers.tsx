import { memo, useId } from 'react';
import { DefaultZIndexes, usePlotArea, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import { drawable } from '../../lib/drawable';
import type { Exemplar } from '../../model/series';
import type { ExemplarPoint } from './chartData';

const EXEMPLAR_COLOR = '#d8d9da';

/** The diamond Recharts' `Symbols` draws at its default size (d3's symbolDiamond, area 64), centred on 0,0. */
const DIAMOND = (() => {
  const tan30 = Math.sqrt(1 / 3);
  const y = Math.sqrt(64 / (tan30 * 2));
  const x = y * tan30;
  return `M0,${-y}L${x},0L0,${y}L${-x},0Z`;
})();

/**
 * Exemplar diamonds on the chart's own scales, above the lines (Recharts' scatter layer) and clipped to
 * the plot area as a Scatter on these axes would be (a marker at zero shows its upper half). Recharts'
 * `Scatter` keys its points by pixel position, so on a live range, which slides every refresh, it
 * unmounts and rebuilds every marker each time; these keep their key (the exemplar) and only move.
 */
export const ExemplarMarkers = memo(function ExemplarMarkers({
  points,
  onClick,
}: {
  points: readonly ExemplarPoint[];
  onClick?: (exemplar: Exemplar) => void;
}) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const plot = usePlotArea();
  const clipId = `exemplar-clip-${useId()}`;
  if (!x || !y || !plot) return null;
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.scatter}>
      <defs>
        <clipPath id={clipId}>
          <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} />
        </clipPath>
      </defs>
      <g className="exemplars" clipPath={`url(#${clipId})`}>
        {points.map((p) => {
          const cx = x(p.t);
          // Placed as the lines are, within the drawable range; a coordinate that is still not a number is left out.
          const cy = y(drawable(p.v));
          if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
          return (
            <path
              key={`${p.t}:${p.exemplar.traceId ?? ''}`}
              d={DIAMOND}
              transform={`translate(${cx}, ${cy})`}
              fill={EXEMPLAR_COLOR}
              onClick={onClick ? () => onClick(p.exemplar) : undefined}
            />
          );
        })}
      </g>
    </ZIndexLayer>
  );
});
