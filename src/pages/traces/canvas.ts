/**
 * A 2D context sized for the screen: the backing store is `devicePixelRatio` times the CSS size, so lines stay
 * sharp on HiDPI wall screens, and drawing uses CSS pixels. Null when there is no context: the browser refuses
 * one, or jsdom without a test's recording context (`recordCanvases`).
 */
export function sizedContext(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number): { ctx: CanvasRenderingContext2D; dpr: number } | null {
  const dpr = Math.max(1, window.devicePixelRatio || 1);
  const width = Math.max(1, Math.round(cssWidth * dpr));
  const height = Math.max(1, Math.round(cssHeight * dpr));
  // Assigning width or height clears the canvas even when unchanged: only when the size moved.
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { ctx, dpr };
}
