import { memo, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { heatColor } from '../../lib/colors';
import { formatValue } from '../../lib/units';
import type { TimeRange } from '../../model/time';
import type { Unit } from '../../model/units';
import { useCrosshairTime, useSetCrosshairTime } from '../../state/crosshair';
import { PanelFrame } from '../shared/PanelFrame';
import { formatTick, formatTooltipTime, timeTicks } from '../shared/timeAxis';
import { panelStateOf, type NamedSeries, type PanelQueryState } from '../shared/types';
import { useElementWidth } from '../shared/useElementWidth';
import { useRangeOfData } from '../shared/useRangeOfData';
import { bucketGrid, heatFraction, mergeColumns, type HeatmapGrid } from './buckets';

interface HeatmapPanelProps {
  title: string;
  /** Cumulative bucket rate series, one per `le`. */
  series: readonly NamedSeries[];
  query: PanelQueryState;
  range: TimeRange;
  /** Unit of the bucket bounds (seconds for latency). */
  boundUnit: Unit;
  /** Unit of the cell values, as the query gives them: `reqps` for a rate of buckets, `short` for an increase. */
  unit: Unit;
  leLabel?: string;
  height?: number;
}

const AXIS_LEFT = 72;
const AXIS_BOTTOM = 20;
const PAD_RIGHT = 12;
/** Pixels per column at most: finer columns would just be averaged by the eye. */
const PX_PER_COLUMN = 3;

function boundLabel(upper: number, unit: Unit): string {
  return upper === Infinity ? '+Inf' : formatValue(upper, unit);
}

interface CellsProps {
  grid: HeatmapGrid;
  range: TimeRange;
  plotW: number;
  plotH: number;
}

/**
 * The cells, painted on one canvas under the SVG axes: a day of columns times a dozen buckets is
 * thousands of cells, which as SVG rects cost React and the browser thousands of nodes to diff and
 * lay out on every refresh. Memoized apart from the hover state, so moving the mouse repaints nothing.
 */
const Cells = memo(function Cells({ grid, range, plotW, plotH }: CellsProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const ratio = typeof window === 'undefined' ? 1 : Math.max(1, window.devicePixelRatio || 1);
  useLayoutEffect(() => {
    // jsdom has no 2D context; there is nothing to paint there.
    const ctx = canvasRef.current && !isJsdom() ? canvasRef.current.getContext('2d') : null;
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, plotW + 1, plotH);
    const rows = grid.upperBounds.length;
    const rowH = plotH / rows;
    const span = range.to - range.from;
    const x = (t: number) => ((t - range.from) / span) * plotW;
    const n = grid.times.length;
    for (let c = 0; c < n; c++) {
      const x0 = x(grid.times[c]!);
      const x1 = c + 1 < n ? x(grid.times[c + 1]!) : x0 + (n > 1 ? x(grid.times[c]!) - x(grid.times[c - 1]!) : plotW);
      if (x1 < 0 || x0 > plotW) continue;
      const left = Math.max(0, x0);
      const width = Math.max(1, Math.min(plotW, x1) - left);
      for (let r = 0; r < rows; r++) {
        const v = grid.counts[c * rows + r]!;
        if (!(v > 0)) continue;
        ctx.fillStyle = heatColor(heatFraction(v, grid.max));
        ctx.fillRect(left, plotH - (r + 1) * rowH, width, Math.max(1, rowH - 1));
      }
    }
  }, [grid, range, plotW, plotH, ratio]);
  // One pixel wider than the plot: the newest column sits on its right edge and is drawn 1 px wide there.
  const canvasW = plotW + 1;
  return (
    <canvas
      ref={canvasRef}
      className="heatmap-cells"
      width={Math.round(canvasW * ratio)}
      height={Math.round(plotH * ratio)}
      style={{ position: 'absolute', left: AXIS_LEFT, top: 0, width: canvasW, height: plotH }}
    />
  );
});

function isJsdom(): boolean {
  return typeof navigator !== 'undefined' && navigator.userAgent.includes('jsdom');
}

/**
 * A latency heatmap from histogram buckets: time across, bucket up, colour by how many requests fell in
 * the bucket. Where a percentile line hides a bimodal split (most requests fast, some hanging to a 30 s
 * timeout), the heatmap shows both bands.
 */
export function HeatmapPanel({ title, series, query, range: requestedRange, boundUnit, unit, leLabel = 'le', height = 220 }: HeatmapPanelProps) {
  const range = useRangeOfData(series, requestedRange);
  const [bodyRef, width] = useElementWidth<HTMLDivElement>();
  const plotW = Math.max(0, width - AXIS_LEFT - PAD_RIGHT);
  const plotH = height - AXIS_BOTTOM;
  const grid = useMemo(
    () => mergeColumns(bucketGrid(series, leLabel), Math.max(1, Math.floor(plotW / PX_PER_COLUMN))),
    [series, leLabel, plotW],
  );
  const hasData = grid.max > 0;
  const state = panelStateOf(query, hasData, width > 0);
  const [hover, setHover] = useState<{ col: number; row: number } | null>(null);
  const crosshair = useCrosshairTime();
  const setCrosshairTime = useSetCrosshairTime();

  const rows = grid.upperBounds.length;
  const span = range.to - range.from;
  const labelEvery = Math.max(1, Math.ceil(14 / (plotH / Math.max(1, rows))));
  const ticks = useMemo(() => timeTicks(range.from, range.to, Math.max(2, Math.floor(plotW / 90))), [range, plotW]);

  const onMove = (e: MouseEvent<SVGRectElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const px = e.clientX - box.left;
    const py = e.clientY - box.top;
    const t = range.from + (px / plotW) * span;
    setCrosshairTime(t);
    let col = -1;
    for (let c = 0; c < grid.times.length && grid.times[c]! <= t; c++) col = c;
    const row = rows - 1 - Math.floor((py / plotH) * rows);
    setHover(col >= 0 && row >= 0 && row < rows ? { col, row } : null);
  };
  const onLeave = () => {
    setHover(null);
    setCrosshairTime(null);
  };

  const hoverText = (() => {
    if (!hover) return undefined;
    const v = grid.counts[hover.col * rows + hover.row]!;
    const lower = hover.row > 0 ? grid.upperBounds[hover.row - 1]! : 0;
    const upper = grid.upperBounds[hover.row]!;
    return `${formatTooltipTime(grid.times[hover.col]!)}  (${boundLabel(lower, boundUnit)}, ${boundLabel(upper, boundUnit)}]  ${formatValue(Number.isNaN(v) ? 0 : v, unit)}`;
  })();

  return (
    <PanelFrame title={title} state={state} error={query.error} warnings={query.warnings} fetching={query.fetching}>
      <div className="heatmap" ref={bodyRef} style={{ height }}>
        {hasData && width > 0 ? (
          <>
            <Cells grid={grid} range={range} plotW={plotW} plotH={plotH} />
            {/* Positioned, so it paints above the canvas and takes the mouse. */}
            <svg width={width} height={height} role="img" aria-label={title} style={{ position: 'relative' }}>
              <g className="axis">
                {grid.upperBounds.map((b, r) =>
                  r % labelEvery === 0 ? (
                    <text key={b} x={AXIS_LEFT - 6} y={plotH - (r + 0.5) * (plotH / rows)} textAnchor="end" dominantBaseline="middle">
                      {boundLabel(b, boundUnit)}
                    </text>
                  ) : null,
                )}
                {ticks.map((t) => (
                  <text key={t} x={AXIS_LEFT + ((t - range.from) / span) * plotW} y={height - 4} textAnchor="middle">
                    {formatTick(t, span)}
                  </text>
                ))}
              </g>
              <g transform={`translate(${AXIS_LEFT},0)`}>
                {crosshair !== null && crosshair >= range.from && crosshair <= range.to ? (
                  <line
                    className="crosshair-line"
                    x1={((crosshair - range.from) / span) * plotW}
                    x2={((crosshair - range.from) / span) * plotW}
                    y1={0}
                    y2={plotH}
                  />
                ) : null}
                <rect width={plotW} height={plotH} fill="transparent" onMouseMove={onMove} onMouseLeave={onLeave} />
              </g>
            </svg>
          </>
        ) : null}
        {hoverText ? <div className="heatmap-readout">{hoverText}</div> : null}
      </div>
    </PanelFrame>
  );
}
