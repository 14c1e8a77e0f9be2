import type { TraceTree } from './traceTree';

export type Rgb = readonly [number, number, number];

export interface MinimapColors {
  /** Colour of each service, indexed like `tree.services`. */
  services: readonly Rgb[];
  /** Rows that belong to no service (the "missing parent" stand-ins). */
  synthetic: Rgb;
  error: Rgb;
}

/** The thickest bar one row gets (device px) in a short trace, so four spans do not look like four blocks. */
const MAX_BAR_PX = 6;

/**
 * The minimap's pixels (RGBA, `width × height` device pixels, transparent background): every row of the trace in
 * display order from top to bottom, each a bar over its time. With fewer rows than pixel rows each row gets its
 * own thin bar (an error's with a red bottom line); with more, the rows sharing a pixel row are blended (their
 * colours averaged, more of them drawn brighter), and any error among them paints the pixel red, so no failure is
 * averaged away.
 * Rows map to pixel rows in order, so each pixel row is filled from the contiguous rows covering it, through one
 * difference array: O(rows × bar thickness + width × height), whatever the widths of the spans.
 */
export function minimapRaster(
  tree: TraceTree,
  traceStartUs: number,
  traceDurationUs: number,
  width: number,
  height: number,
  colors: MinimapColors,
): Uint8ClampedArray<ArrayBuffer> {
  const w = Math.max(0, Math.floor(width));
  const h = Math.max(0, Math.floor(height));
  const pixels = new Uint8ClampedArray(w * h * 4);
  const n = tree.size;
  if (n === 0 || w === 0 || h === 0) return pixels;
  const perRow = h / n;
  const thick = Math.min(MAX_BAR_PX, perRow);
  const top = (row: number) => Math.floor(row * perRow);
  // A row's pixel rows are [top, bottom): at least one, a gap below when it has three or more.
  const bottom = (row: number) => {
    const y0 = top(row);
    const span = Math.max(1, Math.floor(row * perRow + thick) - y0);
    return y0 + (span >= 3 ? span - 1 : span);
  };
  const scale = traceDurationUs > 0 ? w / traceDurationUs : 0;
  const count = new Float64Array(w + 1);
  const red = new Float64Array(w + 1);
  const green = new Float64Array(w + 1);
  const blue = new Float64Array(w + 1);
  const errors = new Float64Array(w + 1);
  // Invariant: rows [first, n) are the ones whose bars are not yet wholly above pixel row y.
  let first = 0;
  for (let y = 0; y < h; y++) {
    count.fill(0);
    red.fill(0);
    green.fill(0);
    blue.fill(0);
    errors.fill(0);
    while (first < n && bottom(first) <= y) first++;
    let any = false;
    for (let row = first; row < n && top(row) <= y; row++) {
      if (bottom(row) <= y) continue;
      any = true;
      const start = (tree.startUs[row]! - traceStartUs) * scale;
      const end = start + tree.durationUs[row]! * scale;
      const x0 = clampPx(Math.floor(start), w - 1);
      const x1 = Math.max(x0 + 1, clampPx(Math.ceil(end), w));
      const index = tree.serviceIndex[row]!;
      const rgb = index >= 0 ? (colors.services[index] ?? colors.synthetic) : colors.synthetic;
      count[x0]! += 1;
      count[x1]! -= 1;
      red[x0]! += rgb[0];
      red[x1]! -= rgb[0];
      green[x0]! += rgb[1];
      green[x1]! -= rgb[1];
      blue[x0]! += rgb[2];
      blue[x1]! -= rgb[2];
      // An error paints its pixels red where rows share a pixel row; a bar of its own keeps its service colour
      // and gets a red bottom line, so a trace where every span failed still shows whose spans they are.
      const ownBar = bottom(row) - top(row) >= 3;
      if (tree.error[row] === 1 && (!ownBar || y === bottom(row) - 1)) {
        errors[x0]! += 1;
        errors[x1]! -= 1;
      }
    }
    if (!any) continue;
    let c = 0;
    let r = 0;
    let g = 0;
    let b = 0;
    let e = 0;
    for (let x = 0; x < w; x++) {
      c += count[x]!;
      r += red[x]!;
      g += green[x]!;
      b += blue[x]!;
      e += errors[x]!;
      // Sums of small integers: rounding keeps float drift from leaving a ghost 1e-13 behind a span's end.
      const spans = Math.round(c);
      if (spans <= 0) continue;
      const at = (y * w + x) * 4;
      if (Math.round(e) > 0) {
        pixels[at] = colors.error[0];
        pixels[at + 1] = colors.error[1];
        pixels[at + 2] = colors.error[2];
        pixels[at + 3] = 255;
        continue;
      }
      pixels[at] = r / spans;
      pixels[at + 1] = g / spans;
      pixels[at + 2] = b / spans;
      pixels[at + 3] = Math.min(255, 150 + 35 * spans);
    }
  }
  return pixels;
}

function clampPx(x: number, max: number): number {
  return Math.min(max, Math.max(0, x));
}

/** `#rrggbb` → [r, g, b]; anything else is grey, so a bad palette entry never breaks the minimap. */
export function hexToRgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : [142, 142, 142];
}
