/**
 * Numbers a chart can place. A scale maps `v` through `(v - lo) / (hi - lo)`; with data near
 * ±Number.MAX_VALUE that difference overflows to Infinity and every coordinate becomes NaN. Values are
 * therefore drawn clamped to ±DRAWABLE_LIMIT: any two drawable values then differ by at most
 * Number.MAX_VALUE, which is finite. A value beyond the limit sits on the plot's edge, where a clipped
 * line would have left it anyway; tooltips and legends keep the true value.
 */
export const DRAWABLE_LIMIT = Number.MAX_VALUE / 2;

/** `v` clamped to ±DRAWABLE_LIMIT; NaN and the infinities (gaps, never drawn) pass through. */
export function drawable(v: number): number {
  if (v > DRAWABLE_LIMIT && v !== Infinity) return DRAWABLE_LIMIT;
  if (v < -DRAWABLE_LIMIT && v !== -Infinity) return -DRAWABLE_LIMIT;
  return v;
}

/** `a + b`, held at ±Number.MAX_VALUE instead of overflowing to an infinity that no finite sample holds. */
export function saturatingAdd(a: number, b: number): number {
  const sum = a + b;
  if (sum === Infinity && Number.isFinite(a) && Number.isFinite(b)) return Number.MAX_VALUE;
  if (sum === -Infinity && Number.isFinite(a) && Number.isFinite(b)) return -Number.MAX_VALUE;
  return sum;
}
