import type { TimeRange } from '../../model/time';

/**
 * Exemplars are markers, not a line: asking for them again on every 5 s tick costs the server a scan
 * of every bucket series for the whole range and changes nothing visible. Their window snaps outwards
 * to a grain of a few steps (at least a minute), so ticks within one grain share one request.
 */
export function exemplarWindow(range: TimeRange, stepMs: number): TimeRange {
  const grain = Math.max(60_000, stepMs * 5);
  return { from: Math.floor(range.from / grain) * grain, to: Math.ceil(range.to / grain) * grain };
}
