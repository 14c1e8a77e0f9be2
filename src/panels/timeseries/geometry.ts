/**
 * The chart's plot area is laid out by these fixed numbers (Recharts honours them), so the crosshair
 * overlay and drag-to-zoom can map pixels to time without asking Recharts for its scales.
 */
export const CHART_MARGIN = { top: 8, right: 12, bottom: 0, left: 0 } as const;
export const Y_AXIS_WIDTH = 72;
export const X_AXIS_HEIGHT = 24;

export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A size in pixels: a measurement that is not a finite number (NaN before layout, say) counts as none. */
const pixels = (v: number) => (Number.isFinite(v) ? Math.max(0, v) : 0);

export function plotArea(width: number, height: number): PlotArea {
  const left = CHART_MARGIN.left + Y_AXIS_WIDTH;
  const top = CHART_MARGIN.top;
  return {
    left,
    top,
    width: pixels(width - left - CHART_MARGIN.right),
    height: pixels(height - top - CHART_MARGIN.bottom - X_AXIS_HEIGHT),
  };
}
