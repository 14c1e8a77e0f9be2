import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { afterNextPaint } from '../../lib/afterNextPaint';
import { seriesColor, STATUS_COLORS } from '../../lib/colors';
import { hexToRgb, minimapRaster, type MinimapColors } from '../../model/traceMinimap';
import type { TraceTree } from '../../model/traceTree';
import type { TimeWindow } from '../../model/traceViewParams';
import { sizedContext } from './canvas';
import { formatMicros } from './format';
import { useElementSize } from './useElementSize';

const SYNTHETIC_RGB = hexToRgb('#8e8e8e');
/** A drag shorter than this (CSS px) is a click, not a window. */
const MIN_DRAG_PX = 4;

interface TraceMinimapProps {
  tree: TraceTree;
  traceStartUs: number;
  traceDurationUs: number;
  zoom: TimeWindow | null;
  onZoom: (window: TimeWindow | null) => void;
}

/**
 * The whole trace in one strip: every row a thin bar (blended where rows outnumber pixels), in service colours,
 * errors in red. Drag across it to zoom the time axis to that window; the window shows as a brush; a
 * double-click or "Reset zoom" shows the whole trace again. The canvas is drawn only when the trace or the
 * strip's size changes: the brush is markup on top, so zooming and scrolling never redraw it.
 */
export function TraceMinimap({ tree, traceStartUs, traceDurationUs, zoom, onZoom }: TraceMinimapProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { width, height } = useElementSize(boxRef);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const colors = useMemo<MinimapColors>(
    () => ({ services: tree.services.map((s) => hexToRgb(seriesColor(s.colorIndex))), synthetic: SYNTHETIC_RGB, error: hexToRgb(STATUS_COLORS.crit) }),
    [tree],
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0 || height === 0) return;
    // After the waterfall's first rows have painted: rastering every span (tens of ms at 10,000) must not hold
    // them back (bench trace.10k.first_rows_ms). The strip shows its frame until then.
    return afterNextPaint(() => {
      const sized = sizedContext(canvas, width, height);
      if (!sized) return;
      const { ctx } = sized;
      const pixels = minimapRaster(tree, traceStartUs, traceDurationUs, canvas.width, canvas.height, colors);
      ctx.putImageData(new ImageData(pixels, canvas.width, canvas.height), 0, 0);
      canvas.dataset.drawn = String(tree.size);
    });
  }, [tree, traceStartUs, traceDurationUs, width, height, colors]);

  const xOf = (e: PointerEvent) => {
    const rect = boxRef.current!.getBoundingClientRect();
    return Math.min(rect.width, Math.max(0, e.clientX - rect.left));
  };
  const usOf = (x: number) => (width > 0 ? (x / width) * traceDurationUs : 0);
  const pctOf = (us: number) => (traceDurationUs > 0 ? (us / traceDurationUs) * 100 : 0);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const x = xOf(e);
    setDrag({ from: x, to: x });
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag) setDrag({ from: drag.from, to: xOf(e) });
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const to = xOf(e);
    setDrag(null);
    if (Math.abs(to - drag.from) < MIN_DRAG_PX) return;
    onZoom({ startUs: usOf(Math.min(drag.from, to)), endUs: usOf(Math.max(drag.from, to)) });
  };

  return (
    <div className="trace-minimap-frame">
      <div
        ref={boxRef}
        className="trace-minimap"
        data-testid="trace-minimap"
        role="img"
        aria-label="Minimap of the whole trace: drag to zoom the time axis, double-click to reset"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(null)}
        onDoubleClick={() => onZoom(null)}
      >
        <canvas ref={canvasRef} className="trace-minimap-canvas" style={{ width, height }} />
        {zoom && !drag && (
          <>
            <span className="trace-minimap-shade" style={{ left: 0, width: `${pctOf(zoom.startUs)}%` }} />
            <span className="trace-minimap-shade" style={{ left: `${pctOf(zoom.endUs)}%`, right: 0 }} />
            <span
              className="trace-minimap-brush"
              data-testid="minimap-brush"
              style={{ left: `${pctOf(zoom.startUs)}%`, width: `${pctOf(zoom.endUs - zoom.startUs)}%` }}
            />
          </>
        )}
        {drag && <span className="trace-minimap-brush dragging" style={{ left: Math.min(drag.from, drag.to), width: Math.abs(drag.to - drag.from) }} />}
      </div>
      <div className="trace-minimap-status">
        {zoom ? (
          <>
            <span data-testid="zoom-window">
              Showing {formatMicros(zoom.startUs)} – {formatMicros(zoom.endUs)} of {formatMicros(traceDurationUs)}
            </span>
            <button type="button" onClick={() => onZoom(null)}>
              Reset zoom
            </button>
          </>
        ) : (
          <span className="trace-minimap-hint">Drag on the minimap to zoom</span>
        )}
      </div>
    </div>
  );
}
