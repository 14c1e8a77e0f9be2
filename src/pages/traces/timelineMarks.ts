import type { CriticalPathSegment } from '../../model/criticalPath';
import type { SpanEvent } from '../../model/trace';
import { type TraceTree } from '../../model/traceTree';
import { formatMicros } from './format';

/** Event ticks drawn per bar at most: the detail panel lists them all. */
export const MAX_EVENT_TICKS = 50;

/** A stretch of the timeline, in % of its width (0 = the window's start, 100 = its end). */
export interface Stretch {
  left: number;
  width: number;
}

export interface EventTick {
  /** % of the timeline's width. */
  at: number;
  /** The event's name and offset, shown as the hover title: text, never markup. */
  title: string;
  exception: boolean;
}

/** Where the duration goes: after the bar, before it (`left`), or inside its end (a bar spanning the timeline). */
export type LabelPlacement = 'after' | 'left' | 'inside';

/**
 * What one row's timeline cell shows, in % of the cell: the bar (null when the span lies outside the zoomed
 * window), its critical-path stretches, its event ticks and the duration label's place. The waterfall's canvas
 * draws exactly this (timelineCanvas.ts), and the hover titles of the ticks are looked up in it.
 */
export interface RowMarks {
  bar: Stretch | null;
  critical: Stretch[];
  ticks: EventTick[];
  duration: string;
  label: LabelPlacement;
  /** The label's anchor in %: its left edge (`after`) or its right edge (`left`, `inside`). */
  labelAt: number;
  error: boolean;
  color: string;
}

/** Rows draw against the window: `t0` is its start (absolute µs), `total` its length. */
export function rowMarks(
  tree: TraceTree,
  row: number,
  segments: readonly CriticalPathSegment[] | undefined,
  t0: number,
  total: number,
  color: string,
): RowMarks {
  const span = tree.spans[row]!;
  const start = tree.startUs[row]!;
  const duration = tree.durationUs[row]!;
  const left = pct(start - t0, total);
  const width = pct(start + duration - t0, total) - left;
  // Zoomed in, a span may lie wholly outside the window: it keeps its row but draws no bar.
  const inView = (from: number, to: number) => !(total > 0) || (to >= t0 && from <= t0 + total);
  const shown = inView(start, start + duration);
  // The duration goes after the bar; a bar reaching the right edge has it before, and one that also starts near
  // the left edge (no room before it either: the label would cover the name column) has it inside its end.
  const label: LabelPlacement = left + width <= 75 ? 'after' : left >= 15 ? 'left' : 'inside';
  const critical: Stretch[] = [];
  for (const s of segments ?? []) {
    if (!inView(s.startUs, s.endUs)) continue;
    const from = pct(s.startUs - t0, total);
    critical.push({ left: from, width: pct(s.endUs - t0, total) - from });
  }
  const ticks: EventTick[] = [];
  const events = span.events;
  for (let i = 0; i < events.length && i < MAX_EVENT_TICKS; i++) {
    const ev = events[i]!;
    const at = ev.timeUs + tree.skewUs[row]!;
    if (!inView(at, at)) continue;
    ticks.push({ at: pct(at - t0, total), title: `${ev.name} at +${formatMicros(ev.timeUs - span.startUs)}`, exception: isExceptionEvent(ev) });
  }
  return {
    bar: shown ? { left, width } : null,
    critical,
    ticks,
    duration: shown ? formatMicros(duration) : '',
    label,
    labelAt: label === 'after' ? left + width : label === 'left' ? left : left + width,
    error: tree.error[row] === 1,
    color,
  };
}

/** The tick nearest `atPct` within `tolerancePct` (a tick is 1–2 px wide: the pointer gets a few px of slack), or null. */
export function tickNear(marks: RowMarks, atPct: number, tolerancePct: number): EventTick | null {
  let best: EventTick | null = null;
  for (const tick of marks.ticks) {
    const off = Math.abs(tick.at - atPct);
    if (off <= tolerancePct && (best === null || off < Math.abs(best.at - atPct))) best = tick;
  }
  return best;
}

/** OpenTelemetry's `exception` event, or any event carrying `exception.type` (the demo's timeout): drawn in red. */
function isExceptionEvent(ev: SpanEvent): boolean {
  return ev.name === 'exception' || typeof ev.attributes['exception.type'] === 'string';
}

export function pct(us: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(100, Math.max(0, (us / total) * 100));
}
