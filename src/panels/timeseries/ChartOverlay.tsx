import { useCallback, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { formatValue } from '../../lib/units';
import type { TimeRange } from '../../model/time';
import type { Unit } from '../../model/units';
import { useCrosshairTime, useSetCrosshairTime } from '../../state/crosshair';
import { nearestIndex } from '../shared/seriesStats';
import { formatTooltipTime } from '../shared/timeAxis';
import type { ChartLine } from './chartData';
import { ChartMenu, type ChartMenuItem } from './ChartMenu';
import { windowAround, type ChartSelection } from './drilldown';
import type { PlotArea } from './geometry';

interface ChartOverlayProps {
  area: PlotArea;
  range: TimeRange;
  lines: readonly ChartLine[];
  unit: Unit;
  onZoom?: (range: TimeRange) => void;
  /**
   * The menu a click (a window around the point) or a drag (the window dragged) opens. Without one a
   * drag zooms at once, as it always did.
   */
  windowMenu?: (selection: ChartSelection) => readonly ChartMenuItem[];
  /** Drawn over the chart (an exemplar's tooltip); the lines' tooltip steps aside while it is there. */
  popover?: ReactNode;
  children: ReactNode;
}

const MAX_TOOLTIP_ROWS = 8;
/** A drag shorter than this is a click (on an exemplar, say), not a zoom. */
const MIN_DRAG_PX = 6;
const MENU_WIDTH = 260;

interface OpenMenu {
  selection: ChartSelection;
  items: readonly ChartMenuItem[];
  left: number;
  top: number;
  /** The dragged window stays shaded while its menu is open. */
  shade?: { startX: number; endX: number };
}

const menuTitle = (s: ChartSelection) =>
  `${formatTooltipTime(s.window.from)} – ${formatTooltipTime(s.window.to).slice(11)}`;

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
 * the scope's crosshair group), a tooltip at that time, and a click or drag that opens the window's menu
 * (or, with no menu, a drag that zooms). Only this component re-renders as the mouse moves; `children`
 * (the chart) is the same element each time, so React skips it.
 */
export function ChartOverlay({ area, range, lines, unit, onZoom, windowMenu, popover, children }: ChartOverlayProps) {
  const crosshair = useCrosshairTime();
  const setCrosshairTime = useSetCrosshairTime();
  const [drag, setDrag] = useState<{ startX: number; endX: number } | null>(null);
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const span = range.to - range.from;

  const plotX = (e: MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return Math.min(area.width, Math.max(0, e.clientX - box.left - area.left));
  };
  const timeAt = (x: number) => range.from + (x / Math.max(1, area.width)) * span;
  const openMenu = (selection: ChartSelection, x: number, y: number, shade?: OpenMenu['shade']) => {
    if (!windowMenu) return;
    const items = windowMenu(selection);
    if (items.length === 0) return;
    const left = Math.max(0, Math.min(x, area.left + area.width - MENU_WIDTH));
    setMenu({ selection, items, left, top: Math.max(0, y), ...(shade ? { shade } : {}) });
  };
  const openPointMenu = (e: MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const t = Math.round(timeAt(plotX(e)));
    openMenu({ kind: 'point', timeMs: t, window: windowAround(t, range) }, e.clientX - box.left, e.clientY - box.top);
  };

  const onMouseMove = (e: MouseEvent<HTMLDivElement>) => {
    const x = plotX(e);
    setCrosshairTime(timeAt(x));
    if (drag) setDrag({ ...drag, endX: x });
  };
  const onMouseDown = (e: MouseEvent<HTMLDivElement>) => {
    if ((!onZoom && !windowMenu) || e.button !== 0) return;
    const x = plotX(e);
    setDrag({ startX: x, endX: x });
  };
  const onMouseUp = (e: MouseEvent<HTMLDivElement>) => {
    if (!drag) return;
    setDrag(null);
    if (Math.abs(drag.endX - drag.startX) >= MIN_DRAG_PX) {
      const a = Math.round(timeAt(Math.min(drag.startX, drag.endX)));
      const b = Math.round(timeAt(Math.max(drag.startX, drag.endX)));
      if (!windowMenu) {
        onZoom?.({ from: a, to: b });
        return;
      }
      const box = e.currentTarget.getBoundingClientRect();
      openMenu({ kind: 'range', timeMs: Math.round((a + b) / 2), window: { from: a, to: b } }, e.clientX - box.left, e.clientY - box.top, drag);
      return;
    }
    // A click on an exemplar is the exemplar's; anywhere else it asks about that moment.
    if (e.target instanceof Element && e.target.closest('.exemplar')) return;
    openPointMenu(e);
  };
  const onContextMenu = (e: MouseEvent<HTMLDivElement>) => {
    if (!windowMenu || (e.target instanceof Element && e.target.closest('.exemplar'))) return;
    e.preventDefault();
    openPointMenu(e);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys on an exemplar or in the menu are theirs.
    if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== 'ContextMenu' && !(e.key === 'F10' && e.shiftKey))) return;
    e.preventDefault();
    openMenu({ kind: 'range', timeMs: Math.round((range.from + range.to) / 2), window: { from: range.from, to: range.to } }, area.left + 8, area.top + 8);
  };
  const onMouseLeave = () => {
    setCrosshairTime(null);
    setDrag(null);
  };

  const inRange = crosshair !== null && crosshair >= range.from && crosshair <= range.to;
  const crosshairX = inRange ? area.left + ((crosshair - range.from) / span) * area.width : 0;
  const shade = drag && Math.abs(drag.endX - drag.startX) >= MIN_DRAG_PX ? drag : menu?.shade;
  return (
    <div
      className="chart-area"
      onMouseMove={onMouseMove}
      onMouseDown={onMouseDown}
      onMouseUp={onMouseUp}
      onMouseLeave={onMouseLeave}
      onContextMenu={onContextMenu}
      {...(windowMenu ? { tabIndex: 0, onKeyDown, 'aria-label': 'Chart: click a point or drag across a window for its traces and logs; Enter for the whole range' } : {})}
    >
      {children}
      {inRange && !menu ? (
        <>
          <div className="crosshair" style={{ left: crosshairX, top: area.top, height: area.height }} />
          {popover ? null : <Tooltip time={crosshair} lines={lines} unit={unit} left={crosshairX > area.left + area.width / 2} area={area} />}
        </>
      ) : null}
      {popover}
      {shade ? (
        <div
          className="zoom-selection"
          style={{
            left: area.left + Math.min(shade.startX, shade.endX),
            width: Math.abs(shade.endX - shade.startX),
            top: area.top,
            height: area.height,
          }}
        />
      ) : null}
      {menu ? <ChartMenu title={menuTitle(menu.selection)} items={menu.items} left={menu.left} top={menu.top} onClose={closeMenu} /> : null}
    </div>
  );
}
