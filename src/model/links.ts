import { normalizeTraceId } from './traceId';
import { traceSearchEntries, type TraceSearchState } from './traceSearchState';

/**
 * The time state every view carries in its URL, in Grafana's spelling (`now-1h`, epoch ms). `refresh`
 * is left out of a link when it is off, so pasted links stay short.
 */
export interface TimeParams {
  from: string;
  to: string;
  refresh?: string;
}

/** The window a trace link opens around an exemplar or a span: wide enough to find its logs and neighbours. */
export const DEFAULT_TRACE_WINDOW_MS = 15 * 60_000;

/** `?a=1&b=2` from the entries that have a value ('' when none do); shared with `logLinks.ts`. */
export function query(entries: ReadonlyArray<readonly [string, string | undefined]>): string {
  const params = new URLSearchParams();
  for (const [k, v] of entries) if (v !== undefined && v !== '') params.append(k, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function timeEntries(t: TimeParams): Array<readonly [string, string | undefined]> {
  return [
    ['from', t.from],
    ['to', t.to],
    ['refresh', t.refresh && t.refresh !== 'off' ? t.refresh : undefined],
  ];
}

export function servicesOverviewUrl(t: TimeParams): string {
  return `/services${query(timeEntries(t))}`;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `encodeURIComponent` that never throws: it throws on a lone surrogate (which a hostile server can
 * put in any label value through a JSON `\ud800` escape), so those become U+FFFD first, as the URL
 * standard itself turns them when a URL is parsed.
 */
export function encodeComponentSafely(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
}

/** Characters the service segment escapes, each as `~` and one letter (a lone surrogate as `~uXXXX`). */
const SEGMENT_ESCAPES = /[~%]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escapeSegmentChar(ch: string): string {
  if (ch === '~') return '~~';
  if (ch === '%') return '~p';
  return `~u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * A service name as one path segment of `/services/<segment>`, reversibly, for any label value:
 * - `.` and `..` (and `%2e`, which URL parsing treats alike) would resolve away, so a name made only
 *   of dots is written `~.` per dot, and the empty name `~0`;
 * - a lone surrogate cannot be percent-encoded, so it becomes `~uXXXX`;
 * - `%` becomes `~p`, because the router decodes a segment once and then turns any `%2F` it finds
 *   back into `/` (a name holding the text `%2F` would not survive);
 * - `~` itself is doubled.
 * `serviceFromSegment` undoes it; ordinary names (`payments`, `api-gateway`) read as themselves.
 */
export function serviceSegment(service: string): string {
  if (service === '') return '~0';
  if (/^\.+$/.test(service)) return '~.'.repeat(service.length);
  return encodeURIComponent(service.replace(SEGMENT_ESCAPES, escapeSegmentChar));
}

const SEGMENT_UNESCAPES = /~(?:u([0-9a-fA-F]{4})|([~.p]))/g;

/**
 * The service name from the route's `:service` param (already percent-decoded by the router). An
 * escape it does not know is kept as typed, so a hand-written URL still opens something sensible.
 */
export function serviceFromSegment(param: string): string {
  if (param === '~0') return '';
  return param.replace(SEGMENT_UNESCAPES, (_all, hex: string | undefined, ch: string | undefined) => {
    if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
    return ch === 'p' ? '%' : ch!;
  });
}

export function serviceDashboardUrl(service: string, t: TimeParams): string {
  return `/services/${serviceSegment(service)}${query(timeEntries(t))}`;
}

/** A service's Golden Signals around one moment (from a span or a chart point), as an absolute range. */
export function serviceAtTimeUrl(service: string, timeMs: number, windowMs = DEFAULT_TRACE_WINDOW_MS): string {
  return serviceDashboardUrl(service, { from: String(Math.round(timeMs - windowMs)), to: String(Math.round(timeMs + windowMs)) });
}

export function datasourcesSettingsUrl(t?: TimeParams): string {
  return `/settings/datasources${t ? query(timeEntries(t)) : ''}`;
}

/**
 * A trace by ID, with a search window around the moment it was seen (trace backends search by time).
 * The ID is put in canonical form when it is a valid one and passed through, encoded, otherwise.
 */
export function traceUrl(traceId: string, around?: { timeMs: number; windowMs?: number }): string {
  const id = normalizeTraceId(traceId) ?? traceId;
  const w = around?.windowMs ?? DEFAULT_TRACE_WINDOW_MS;
  const entries: Array<readonly [string, string | undefined]> = around
    ? [['from', String(Math.round(around.timeMs - w))], ['to', String(Math.round(around.timeMs + w))]]
    : [];
  return `/traces/${encodeComponentSafely(id)}${query(entries)}`;
}

/** Explore with one or more ad-hoc queries (`q`, repeated) over the given time range. */
export function exploreUrl(queries: readonly string[], t?: TimeParams): string {
  return `/explore${query([...(t ? timeEntries(t) : []), ...queries.map((q) => ['q', q] as const)])}`;
}

/**
 * The bare log explorer over a time range, for the top bar: the same URL as `logsExploreUrl({}, t)`
 * (`logLinks.ts`) without pulling the log-view link builders into the first route's bundle.
 */
export function logsPageUrl(t: TimeParams): string {
  return `/explore/logs${query(timeEntries(t))}`;
}

/**
 * The trace search page, pre-filled: `/traces?service=payments&from=…&to=…&minDuration=1s&errors=1`. A link
 * from a span, a chart point or a "not found" page passes what it knows; the page parses it back with
 * `parseTraceSearchUrl`, so both sides agree on every spelling.
 */
export function traceSearchUrl(filters: Partial<TraceSearchState>, t?: TimeParams): string {
  return `/traces${query([...traceSearchEntries(filters), ...(t ? timeEntries(t) : [])])}`;
}

/**
 * The bare search page over a time range, for the top bar: the same URL as `traceSearchUrl({}, t)` without
 * pulling the filter writers into the first route's bundle.
 */
export function traceSearchPageUrl(t: TimeParams): string {
  return `/traces${query(timeEntries(t))}`;
}

/** The search page over a window around one moment (a trace that was not found, a spike), as an absolute range. */
export function traceSearchAroundUrl(filters: Partial<TraceSearchState>, window: { from: number; to: number }): string {
  return traceSearchUrl(filters, { from: String(Math.round(window.from)), to: String(Math.round(window.to)) });
}

/** One span of a trace (a span link, a FOLLOWS_FROM reference): the trace page opens with it selected and in view. */
export function traceSpanUrl(traceId: string, spanId: string): string {
  const id = normalizeTraceId(traceId) ?? traceId;
  return `/traces/${encodeComponentSafely(id)}${query([['span', spanId]])}`;
}

/**
 * A trace in one named backend: `/traces/<id>?ds=<uid>&from&to&span=`. The window is centred on when the
 * trace was seen (trace backends search by time); without a datasource the page asks every trace backend.
 */
export function traceRefUrl(ref: { datasourceUid?: string; traceId: string; timeMs?: number; spanId?: string }, windowMs = DEFAULT_TRACE_WINDOW_MS): string {
  const id = normalizeTraceId(ref.traceId) ?? ref.traceId;
  const around: Array<readonly [string, string | undefined]> =
    ref.timeMs !== undefined ? [['from', String(Math.round(ref.timeMs - windowMs))], ['to', String(Math.round(ref.timeMs + windowMs))]] : [];
  // The window first, as every other trace link writes it, so links from before `ds` existed read the same.
  return `/traces/${encodeComponentSafely(id)}${query([...around, ['ds', ref.datasourceUid], ['span', ref.spanId]])}`;
}
