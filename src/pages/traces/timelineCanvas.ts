import type { RowMarks } from './timelineMarks';

/** The theme's colours and font, read from the canvas's computed style so each theme draws in its own. */
export interface TimelineStyle {
  textBright: string;
  textDim: string;
  crit: string;
  bg: string;
  fontFamily: string;
}

/** The geometry the rows had as elements (a bar, segments, ticks and a duration label each), in CSS px. */
const BAR_TOP = 6;
const BAR_HEIGHT = 12;
const BAR_MIN_WIDTH = 2;
const BAR_RADIUS = 2;
const CRITICAL_TOP = 11;
const CRITICAL_HEIGHT = 2;
const TICK_TOP = 4;
const TICK_HEIGHT = 16;
const TICK_ALPHA = 0.7;
const LABEL_PAD = 6;
const LABEL_FONT_PX = 11;
/** The label's line box: `top: 4px` and the body's line height 1.4. */
const LABEL_MIDDLE = 4 + (LABEL_FONT_PX * 1.4) / 2;

export function timelineStyleOf(el: Element): TimelineStyle {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return { textBright: v('--text-bright', '#ffffff'), textDim: v('--text-dim', '#8e8e8e'), crit: v('--crit', '#f2495c'), bg: v('--bg', '#0b0c0e'), fontFamily: css.fontFamily || 'sans-serif' };
}

/**
 * Draws the timeline column of the drawn rows (row k at y = k × rowHeight) on one canvas: each bar in its
 * service colour (an error span's with a red inner edge), the critical path on it, the event ticks (exceptions
 * in red), and the duration: after the bar, before it, or inside the end of a bar spanning the timeline (bright,
 * with a shadow). One canvas instead of a bar, ticks, segments and a text per row: on a fast scroll every frame
 * draws a screen of new rows, and each element (a text most: ~80 µs each to lay out, shape and paint) costs style,
 * layout, paint and compositing, while these strokes cost almost nothing. Screen readers get the duration as the
 * timeline cell's name (Waterfall.tsx).
 */
export function paintTimeline(ctx: CanvasRenderingContext2D, width: number, height: number, rowHeight: number, rows: readonly RowMarks[], style: TimelineStyle): void {
  ctx.clearRect(0, 0, width, height);
  ctx.font = `${LABEL_FONT_PX}px ${style.fontFamily}`;
  ctx.textBaseline = 'middle';
  const x = (p: number) => (p / 100) * width;
  for (let k = 0; k < rows.length; k++) {
    const m = rows[k]!;
    const y = k * rowHeight;
    const bar = m.bar;
    if (bar !== null) {
      const x0 = Math.round(x(bar.left));
      const w = Math.max(BAR_MIN_WIDTH, Math.round(x(bar.left) + Math.max(BAR_MIN_WIDTH, x(bar.width))) - x0);
      ctx.fillStyle = m.color;
      ctx.beginPath();
      ctx.roundRect(x0, y + BAR_TOP, w, BAR_HEIGHT, BAR_RADIUS);
      ctx.fill();
      if (m.error) {
        ctx.strokeStyle = style.crit;
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.roundRect(x0 + 0.5, y + BAR_TOP + 0.5, w - 1, BAR_HEIGHT - 1, BAR_RADIUS - 0.5);
        ctx.stroke();
      }
    }
    ctx.fillStyle = style.textBright;
    for (const s of m.critical) {
      const s0 = Math.round(x(s.left));
      ctx.fillRect(s0, y + CRITICAL_TOP, Math.max(1, Math.round(x(s.left + s.width)) - s0), CRITICAL_HEIGHT);
    }
    for (const t of m.ticks) {
      ctx.globalAlpha = t.exception ? 1 : TICK_ALPHA;
      ctx.fillStyle = t.exception ? style.crit : style.textBright;
      ctx.fillRect(Math.round(x(t.at)), y + TICK_TOP, t.exception ? 2 : 1, TICK_HEIGHT);
    }
    ctx.globalAlpha = 1;
    if (bar === null) continue;
    if (m.label === 'inside') {
      // Bright on the bar's colour, with a double 2 px shadow of the page background for contrast on any bar.
      ctx.textAlign = 'right';
      ctx.fillStyle = style.textBright;
      ctx.shadowColor = style.bg;
      ctx.shadowBlur = 2;
      const tx = x(m.labelAt) - LABEL_PAD;
      ctx.fillText(m.duration, tx, y + LABEL_MIDDLE);
      ctx.fillText(m.duration, tx, y + LABEL_MIDDLE);
      ctx.shadowBlur = 0;
      ctx.shadowColor = 'transparent';
    } else {
      ctx.fillStyle = style.textDim;
      ctx.textAlign = m.label === 'after' ? 'left' : 'right';
      ctx.fillText(m.duration, x(m.labelAt) + (m.label === 'after' ? LABEL_PAD : -LABEL_PAD), y + LABEL_MIDDLE);
    }
  }
}
