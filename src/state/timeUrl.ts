import { formatDuration, isRelative, resolveRange, resolveTime, type RawTimeRange, type TimeRange } from '../model/time';

/**
 * The URL is the one home of the time range and the refresh interval (Grafana's `from`, `to`, `refresh`),
 * so a pasted link opens the same view and Back restores the previous range. These pure functions read
 * and write that state; `useTimeRange` wires them to the router.
 */
export const REFRESH_OPTIONS = ['off', '5s', '10s', '30s', '1m', '5m'] as const;
export type RefreshOption = (typeof REFRESH_OPTIONS)[number];

export const DEFAULT_RAW_RANGE: RawTimeRange = { from: 'now-1h', to: 'now' };

export interface QuickRange {
  from: string;
  label: string;
}

export const QUICK_RANGES: readonly QuickRange[] = [
  { from: 'now-5m', label: 'Last 5 minutes' },
  { from: 'now-15m', label: 'Last 15 minutes' },
  { from: 'now-30m', label: 'Last 30 minutes' },
  { from: 'now-1h', label: 'Last 1 hour' },
  { from: 'now-3h', label: 'Last 3 hours' },
  { from: 'now-6h', label: 'Last 6 hours' },
  { from: 'now-12h', label: 'Last 12 hours' },
  { from: 'now-24h', label: 'Last 24 hours' },
  { from: 'now-2d', label: 'Last 2 days' },
  { from: 'now-7d', label: 'Last 7 days' },
];

export interface TimeUrlState {
  raw: RawTimeRange;
  refresh: RefreshOption;
}

/** Why a range cannot be used, naming the field; undefined when it is fine. */
export function rangeProblem(raw: RawTimeRange, now: number): string | undefined {
  const range = resolveRange(raw, now);
  if (Number.isNaN(range.from)) return `"from" is not a time: ${raw.from}`;
  if (Number.isNaN(range.to)) return `"to" is not a time: ${raw.to}`;
  if (range.from >= range.to) return '"from" must be before "to"';
  return undefined;
}

export function isRefreshOption(text: string): text is RefreshOption {
  return (REFRESH_OPTIONS as readonly string[]).includes(text);
}

/** Reads the time state; anything missing or unusable falls back to the default (last hour, refresh off). */
export function parseTimeParams(params: URLSearchParams, now: number): TimeUrlState {
  const from = params.get('from');
  const to = params.get('to') ?? DEFAULT_RAW_RANGE.to;
  const raw = from !== null && rangeProblem({ from, to }, now) === undefined ? { from, to } : DEFAULT_RAW_RANGE;
  const refreshText = params.get('refresh') ?? 'off';
  return { raw, refresh: isRefreshOption(refreshText) ? refreshText : 'off' };
}

/** A copy of `params` with the given time state written in; other parameters (`var-service`) are kept. */
export function withTimeParams(params: URLSearchParams, next: Partial<TimeUrlState>): URLSearchParams {
  const out = new URLSearchParams(params);
  if (next.raw) {
    out.set('from', next.raw.from);
    out.set('to', next.raw.to);
  }
  if (next.refresh !== undefined) {
    if (next.refresh === 'off') out.delete('refresh');
    else out.set('refresh', next.refresh);
  }
  return out;
}

export function refreshIntervalMs(refresh: RefreshOption): number {
  return refresh === 'off' ? 0 : resolveTime(`now+${refresh}`, 0);
}

/** An absolute range in the URL's spelling (epoch ms), e.g. after a drag-to-zoom. */
export function absoluteRaw(range: TimeRange): RawTimeRange {
  return { from: String(Math.round(range.from)), to: String(Math.round(range.to)) };
}

/**
 * Doubles the span. A live range (`now-X` to `now`) stays live so a wall screen keeps following the
 * present; an absolute one grows around its centre, never past now.
 */
export function zoomOutRaw(raw: RawTimeRange, now: number): RawTimeRange {
  const range = resolveRange(raw, now);
  const span = range.to - range.from;
  if (isRelative(raw) && raw.to === 'now') return { from: `now-${formatDuration(span * 2)}`, to: 'now' };
  const centre = (range.from + range.to) / 2;
  const to = Math.min(now, centre + span);
  return absoluteRaw({ from: to - span * 2, to });
}

/** Text for the picker button: the quick range's label, or the two ends as local times. */
export function describeRange(raw: RawTimeRange, now: number): string {
  if (raw.to === 'now') {
    const quick = QUICK_RANGES.find((q) => q.from === raw.from);
    if (quick) return quick.label;
  }
  const range = resolveRange(raw, now);
  const fmt = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
  const end = (text: string, ms: number) => (text.startsWith('now') ? text : fmt(ms));
  return `${end(raw.from, range.from)} to ${end(raw.to, range.to)}`;
}

/** `datetime-local` input value (local time, minutes precision) ↔ epoch ms. */
export function toDateTimeLocal(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromDateTimeLocal(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return NaN;
  return new Date(text).getTime();
}
