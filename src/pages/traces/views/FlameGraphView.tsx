import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { STATUS_COLORS } from '../../../lib/colors';
import { selfTimes } from '../../../model/selfTime';
import { hexToRgb } from '../../../model/traceMinimap';
import { flameBoxes, flameHit, flameLayout, type FlameLayout } from '../../../model/traceFlame';
import type { TraceTree } from '../../../model/traceTree';
import { sizedContext } from '../canvas';
import { formatMicros, timeTicksIn } from '../format';
import type { OtherTraceViewProps } from '../OtherTraceView';
import { useElementSize } from '../useElementSize';
import { serviceColorOf } from '../Waterfall';

const LEVEL_PX = 18;
/** Boxes narrower than this get no label: three characters and an ellipsis need about this much. */
const MIN_LABEL_PX = 30;
const LABEL_FONT = '11px system-ui, -apple-system, "Segoe UI", sans-serif';

interface Hover {
  row: number;
  x: number;
  y: number;
}

/**
 * The trace as an icicle over time: the root on top, each level one depth below, every span a box from its start
 * to its end, in its service's colour, errors underlined in red. Drawn on a canvas (names as canvas text, so no
 * markup in a name can ever run), only the levels in view, thin spans merged per pixel. Hover names a span;
 * a click selects it and zooms the time axis to it (the same `zoom` the minimap and the waterfall use).
 */
export function FlameGraphView({ tree, traceStartUs, traceDurationUs, zoom, selected, onSelect }: OtherTraceViewProps) {
  const layout = useMemo(() => flameLayout(tree), [tree]);
  const self = useMemo(() => selfTimes(tree), [tree]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { width, height } = useElementSize(scrollRef);
  const [hover, setHover] = useState<Hover | null>(null);
  const from = zoom?.startUs ?? 0;
  const to = zoom?.endUs ?? traceDurationUs;
  const contentHeight = layout.levelCount * LEVEL_PX;
  const canvasHeight = Math.min(height, contentHeight);

  const draw = useCallback(() => {
    const canvas = canvasRef.current;
    const scroller = scrollRef.current;
    if (!canvas || !scroller || width === 0 || canvasHeight === 0) return;
    const sized = sizedContext(canvas, width, canvasHeight);
    if (!sized) return;
    const drawn = drawFlame(sized.ctx, tree, layout, {
      startUs: traceStartUs + from,
      endUs: traceStartUs + to,
      width,
      height: canvasHeight,
      scrollTop: scroller.scrollTop,
      selected,
    });
    canvas.dataset.boxes = String(drawn);
    scroller.dataset.state = 'ready';
  }, [tree, layout, traceStartUs, from, to, width, canvasHeight, selected]);

  useEffect(draw, [draw]);
  // Scrolling redraws the levels in view, at most once a frame.
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  const onScroll = () => {
    setHover(null);
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(draw);
  };

  const rowAt = (e: MouseEvent<HTMLCanvasElement>): Hover | null => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    if (width === 0 || x < 0 || x > width) return null;
    const level = Math.floor((y + (scrollRef.current?.scrollTop ?? 0)) / LEVEL_PX);
    const usPerPx = (to - from) / width;
    const row = flameHit(tree, layout, level, traceStartUs + from + x * usPerPx, usPerPx);
    return row >= 0 ? { row, x, y } : null;
  };
  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const hit = rowAt(e);
    if (!hit) return;
    const start = tree.startUs[hit.row]! - traceStartUs;
    const duration = tree.durationUs[hit.row]!;
    onSelect(hit.row, duration > 0 ? { startUs: start, endUs: start + duration } : undefined);
  };

  const ticks = timeTicksIn(from, to);
  const pct = (t: number) => (to > from ? ((t - from) / (to - from)) * 100 : 0);
  return (
    <section className="flame-view" aria-label="Flame graph">
      <div className="flame-axis" aria-hidden="true">
        {ticks.map((t) => (
          <span key={t} className="waterfall-tick" style={{ left: `${pct(t)}%` }}>
            {formatMicros(t)}
          </span>
        ))}
      </div>
      <div
        ref={scrollRef}
        className="flame-scroll"
        data-testid="flame-graph"
        data-levels={layout.levelCount}
        onScroll={onScroll}
      >
        <div className="flame-content" style={{ height: contentHeight }}>
          <canvas
            ref={canvasRef}
            className="flame-canvas"
            style={{ width, height: canvasHeight }}
            role="img"
            aria-label={`Flame graph of ${tree.size.toLocaleString('en-US')} spans on ${layout.levelCount.toLocaleString('en-US')} levels; hover for details, click to select and zoom`}
            onPointerMove={(e) => setHover(rowAt(e))}
            onPointerLeave={() => setHover(null)}
            onClick={onClick}
          />
        </div>
      </div>
      {hover && <FlameTooltip tree={tree} row={hover.row} self={self} x={hover.x} y={hover.y} width={width} />}
    </section>
  );
}

function FlameTooltip({ tree, row, self, x, y, width }: { tree: TraceTree; row: number; self: Float64Array; x: number; y: number; width: number }) {
  const span = tree.spans[row]!;
  const synthetic = tree.serviceIndex[row]! < 0;
  // Kept inside the view: flipped to the pointer's left on the right half.
  const style = x > width / 2 ? { right: width - x + 12, top: y + 40 } : { left: x + 12, top: y + 40 };
  return (
    <div className="flame-tooltip" role="tooltip" data-testid="flame-tooltip" style={style}>
      <strong>{span.name}</strong>
      <div>{synthetic ? 'missing parent' : span.service}</div>
      <div>
        {formatMicros(tree.durationUs[row]!)} (self {formatMicros(self[row]!)})
      </div>
      {tree.error[row] === 1 && <div className="status-error">error</div>}
    </div>
  );
}

/** Whether white text reads better than black on this `#rrggbb` (relative luminance below the midpoint). */
function isDark(hex: string): boolean {
  const [r, g, b] = hexToRgb(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
}

interface DrawSpec {
  startUs: number;
  endUs: number;
  width: number;
  height: number;
  scrollTop: number;
  selected: number;
}

/** Paints the levels in view; returns how many boxes it drew. */
function drawFlame(ctx: CanvasRenderingContext2D, tree: TraceTree, layout: FlameLayout, d: DrawSpec): number {
  ctx.clearRect(0, 0, d.width, d.height);
  const firstLevel = Math.floor(d.scrollTop / LEVEL_PX);
  const endLevel = Math.ceil((d.scrollTop + d.height) / LEVEL_PX);
  const boxes = flameBoxes(tree, layout, { startUs: d.startUs, endUs: d.endUs, widthPx: d.width, firstLevel, endLevel });
  ctx.font = LABEL_FONT;
  ctx.textBaseline = 'middle';
  const charPx = ctx.measureText('abcdefghijklmnopqrstuvwxyz').width / 26 || 6;
  let selectedBox: { x: number; y: number; w: number } | null = null;
  for (const b of boxes) {
    const y = b.level * LEVEL_PX - d.scrollTop;
    const w = b.width > 3 ? b.width - 1 : b.width;
    ctx.globalAlpha = b.count > 1 ? 0.55 : 0.9;
    ctx.fillStyle = serviceColorOf(tree, b.row);
    ctx.fillRect(b.x, y, w, LEVEL_PX - 1);
    ctx.globalAlpha = 1;
    if (b.error) {
      ctx.fillStyle = STATUS_COLORS.crit;
      ctx.fillRect(b.x, y + LEVEL_PX - 4, w, 3);
    }
    if (b.count === 1 && b.row === d.selected) selectedBox = { x: b.x, y, w };
    if (b.count === 1 && w >= MIN_LABEL_PX) {
      const name = tree.spans[b.row]!.name;
      const fits = Math.floor((w - 8) / charPx);
      const label = name.length <= fits ? name : `${name.slice(0, Math.max(1, fits - 1))}…`;
      ctx.fillStyle = isDark(serviceColorOf(tree, b.row)) ? '#ffffff' : '#111111';
      ctx.fillText(label, b.x + 4, y + LEVEL_PX / 2, w - 6);
    }
  }
  if (selectedBox) {
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2;
    ctx.strokeRect(selectedBox.x + 1, selectedBox.y + 1, Math.max(1, selectedBox.w - 2), LEVEL_PX - 3);
  }
  return boxes.length;
}
