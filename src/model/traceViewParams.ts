/**
 * The trace page's view state in its URL: which view (`?view=`) and the zoomed time window (`?zoom=start,end`,
 * µs from the trace's start), so a reload or a pasted link opens the same picture. Bad values fall back to the
 * default view and no zoom: a hand-edited URL still opens the trace.
 */
export const TRACE_VIEWS = ['waterfall', 'flame', 'summary', 'graph'] as const;
export type TraceViewKind = (typeof TRACE_VIEWS)[number];

export const VIEW_PARAM = 'view';
export const ZOOM_PARAM = 'zoom';

export function parseTraceView(value: string | null): TraceViewKind {
  return (TRACE_VIEWS as readonly string[]).includes(value ?? '') ? (value as TraceViewKind) : 'waterfall';
}

/** A time window in µs from the trace's start; `endUs > startUs`. */
export interface TimeWindow {
  startUs: number;
  endUs: number;
}

/**
 * `start,end` → a window inside [0, durationUs], or null (absent, malformed, empty, or the whole trace, which
 * is no zoom). Ends outside the trace are clipped to it; reversed ends are put in order.
 */
export function parseZoom(value: string | null, durationUs: number): TimeWindow | null {
  if (value === null || !(durationUs > 0)) return null;
  const parts = value.split(',');
  if (parts.length !== 2 || parts.some((p) => p.trim() === '')) return null;
  const a = Number(parts[0]);
  const b = Number(parts[1]);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  const startUs = Math.max(0, Math.min(a, b));
  const endUs = Math.min(durationUs, Math.max(a, b));
  if (!(endUs > startUs)) return null;
  if (startUs === 0 && endUs === durationUs) return null;
  return { startUs, endUs };
}

/** The inverse of parseZoom, to the ns (three decimals of a µs): short, and exact for what µs traces carry. */
export function formatZoom(window: TimeWindow): string {
  const text = (us: number) => String(Math.round(us * 1000) / 1000);
  return `${text(window.startUs)},${text(window.endUs)}`;
}
