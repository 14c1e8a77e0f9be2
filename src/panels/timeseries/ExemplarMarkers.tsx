import { memo, useId, type KeyboardEvent, type MouseEvent } from 'react';
import { DefaultZIndexes, usePlotArea, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import { drawable } from '../../lib/drawable';
import { formatValue } from '../../lib/units';
import type { Unit } from '../../model/units';
import { formatTooltipTime } from '../shared/timeAxis';
import type { ExemplarPoint } from './chartData';
import type { ExemplarTarget } from './drilldown';

const EXEMPLAR_COLOR = '#d8d9da';
const ERROR_COLOR = '#f2495c';
const RUG_OFFSET_PX = 6;

/** The diamond Recharts' `Symbols` draws at its default size (d3's symbolDiamond, area 64), centred on 0,0. */
const DIAMOND = (() => {
  const tan30 = Math.sqrt(1 / 3);
  const y = Math.sqrt(64 / (tan30 * 2));
  const x = y * tan30;
  return `M0,${-y}L${x},0L0,${y}L${-x},0Z`;
})();

/** Where a hovered or focused marker sits, in the chart's pixels, for the tooltip. */
export interface MarkerFocus {
  point: ExemplarPoint;
  x: number;
  y: number;
}

export interface ExemplarMarkerHandlers {
  /** Where each exemplar leads; none = markers are only drawn, not linked. */
  target?: (point: ExemplarPoint) => ExemplarTarget | undefined;
  onFocus: (focus: MarkerFocus | null) => void;
  onActivate: (point: ExemplarPoint, how: { beside: boolean }) => void;
  /** The id of the tooltip element a focused marker is described by. */
  tooltipId: string;
}

/** The marker's accessible name: what it is, its value and time, and its trace or why it has none. */
export function exemplarLabel(point: ExemplarPoint, unit: Unit, target: ExemplarTarget | undefined): string {
  const what = `Exemplar${point.error ? ' (error)' : ''} ${formatValue(point.v, unit)} at ${formatTooltipTime(point.t)}`;
  if (!target) return what;
  return target.link.available ? `${what}, trace ${target.traceId ?? ''}`.trimEnd() : `${what}, not linked: ${target.link.reason}`;
}

/**
 * Exemplar diamonds on the chart's own scales, above the lines (Recharts' scatter layer) and clipped to
 * the plot area as a Scatter on these axes would be (a marker at zero shows its upper half). Recharts'
 * `Scatter` keys its points by pixel position, so on a live range, which slides every refresh, it
 * unmounts and rebuilds every marker each time; these keep their key (the exemplar) and only move.
 * Each is a focusable button: hover or focus shows its tooltip, click or Enter opens its trace.
 */
export const ExemplarMarkers = memo(function ExemplarMarkers({
  points,
  unit,
  handlers,
}: {
  points: readonly ExemplarPoint[];
  unit: Unit;
  handlers?: ExemplarMarkerHandlers;
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
          // A rug marker sits fully inside the plot, just above its bottom edge.
          const cy = p.rug ? plot.y + plot.height - RUG_OFFSET_PX : y(drawable(p.v));
          if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
          const target = handlers?.target?.(p);
          const focus = () => handlers?.onFocus({ point: p, x: cx, y: cy });
          const blur = () => handlers?.onFocus(null);
          const activate = (e: MouseEvent | KeyboardEvent) => handlers?.onActivate(p, { beside: e.shiftKey });
          return (
            <path
              key={p.key}
              className={p.error ? 'exemplar exemplar-error' : 'exemplar'}
              role="button"
              tabIndex={0}
              aria-label={exemplarLabel(p, unit, target)}
              aria-disabled={target && !target.link.available ? 'true' : undefined}
              data-trace-id={target?.traceId}
              d={DIAMOND}
              transform={`translate(${cx}, ${cy})`}
              fill={p.error ? ERROR_COLOR : EXEMPLAR_COLOR}
              onMouseEnter={focus}
              onMouseLeave={blur}
              onFocus={(e) => {
                focus();
                e.currentTarget.setAttribute('aria-describedby', handlers?.tooltipId ?? '');
              }}
              onBlur={(e) => {
                blur();
                e.currentTarget.removeAttribute('aria-describedby');
              }}
              onClick={activate}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' && e.key !== ' ') return;
                e.preventDefault();
                activate(e);
              }}
            />
          );
        })}
      </g>
    </ZIndexLayer>
  );
});
