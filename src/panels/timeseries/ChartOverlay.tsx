import { useState, type MouseEvent, type ReactNode } from 'react';
import { formatValue } from '../../lib/units';
import type { TimeRange } from '../../model/time';
import type { Unit } from '../../model/units';
import { useCrosshairTime, useSetCrosshairTime } from '../../state/crosshair';
import { nearestIndex } from '../shared/seriesStats';
import { formatTooltipTime } from '../shared/timeAxis';
import type { ChartLine } from './chartData';
import type { PlotArea } from './geometry';

interface ChartOverlayProps {
  area: PlotArea;
  range: TimeRange;
  lines: readonly ChartLine[];
  unit: Unit;
  onZoom?: (range: TimeRange) => void;
  children: ReactNode;
}

const MAX_TOOLTIP_ROWS = 8;
/** A drag shorter than this is a click (on an exemplar, say), not a zoom. */
const MIN_DRAG_PX = 6;

function Tooltip({ time, lines, unit, left, area }: { time: number; lines: readonly ChartLine[]; unit: Unit; left: boolean; area: PlotArea }) {
  const rows = lines
    .map((l) => {
      const i = nearestIndex(l.times, time);
      return { key: l.key, name: l.name, color: l.color, value: i >= 0 ? l.values[i]! : NaN };
    })
    .filter((r) => !Number.isNaN(r.value))
    .sort((a, b) => b.value - a.value);
  if (rows.length === 0) return null;
  const shown = rows.slice(0, MAX_TOOLTIP_ROWS);
  return (
    <div className={`chart-tooltip ${left ? 'chart-tooltip-left' : ''}`} style={{ top: area.top + 4 }}>
      <div className="chart-tooltip-time">{formatTooltipTime(time)}</div>
      {shown.map((r) => (
        <div key={r.key} className="chart-tooltip-row">
          <span className="swatch" style={{ background: r.color }} />
          <span className="chart-tooltip-name">{r.name}</span>
          <span className="chart-tooltip-value">{formatValue(r.value, unit)}</span>
        </div>
      ))}
      {rows.length > shown.length ? <div className="chart-tooltip-more">+{rows.length - shown.length} more</div> : null}
    </div>
  );
}

/**
 * Mouse handling over the chart: the crosshair shared with the other charts of its time scope (through
 * the scope's crosshair group), a tooltip at that time, and drag-to-zoom. Only this component re-renders as the
 * mouse moves; `children` (the chart) is the same element each time, so React skips it.
 */
export function ChartOverlay({ area, range, lines, unit, onZoom, children }: ChartOverlayProps) {
  const crosshair = useCrosshairTime();
  const setCrosshairTime = useSetCrosshairTime();
  const [drag, setDrag] = useState<{ startX: number; endX: number } | null>(null);
  const span = range.to - range.from;

  const plotX = (e: MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return Math.min(area.width, Math.max(0, e.clientX - box.left - area.left));
  };
  const timeAt = (x: number) => range.from + (x / Math.max(1, area.width)) * span;

  const onMouseMove = (e: MouseEvent<HTMLDivElement>) => {
    const x = plotX(e);
    setCrosshairTime(timeAt(x));
    if (drag) setDrag({ ...drag, endX: x });
  };
  const onMouseDown = (e: MouseEvent<HTMLDivElement>) => {
    if (!onZoom || e.button !== 0) return;
    const x = plotX(e);
    setDrag({ startX: x, endX: x });
  };
  const onMouseUp = () => {
    if (drag && onZoom && Math.abs(drag.endX - drag.startX) >= MIN_DRAG_PX) {
      const a = timeAt(Math.min(drag.startX, drag.endX));
      const b = timeAt(Math.max(drag.startX, drag.endX));
      onZoom({ from: Math.round(a), to: Math.round(b) });
    }
    setDrag(null);
  };
  const onMouseLeave = () => {
    setCrosshairTime(null);
    setDrag(null);
  };

  const inRange = crosshair !== null && crosshair >= range.from && crosshair <= range.to;
  const crosshairX = inRange ? area.left + ((crosshair - range.from) / span) * area.width : 0;
  return (
    <div className="chart-area" onMouseMove={onMouseMove} onMouseDown={onMouseDown} onMouseUp={onMouseUp} onMouseLeave={onMouseLeave}>
      {children}
      {inRange ? (
        <>
          <div className="crosshair" style={{ left: crosshairX, top: area.top, height: area.height }} />
          <Tooltip time={crosshair} lines={lines} unit={unit} left={crosshairX > area.left + area.width / 2} area={area} />
        </>
      ) : null}
      {drag && Math.abs(drag.endX - drag.startX) >= MIN_DRAG_PX ? (
        <div
          className="zoom-selection"
          style={{
            left: area.left + Math.min(drag.startX, drag.endX),
            width: Math.abs(drag.endX - drag.startX),
            top: area.top,
            height: area.height,
          }}
        />
      ) : null}
    </div>
  );
}
