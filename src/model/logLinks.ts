import { query, timeEntries, traceUrl, type TimeParams } from './links';

/*
 * Links into and out of the log explorer's lines. Apart from links.ts so the first route (the top bar links to
 * the explorer with `logsPageUrl`) does not carry them: they ship with the log explorer's chunk.
 */

/** What the log explorer keeps in its URL besides the time range. */
export interface LogsViewState {
  /** Datasource uid. */
  ds?: string;
  query?: string;
  /** Key of the selected (expanded) line. */
  line?: string;
  sort?: 'newest' | 'oldest';
  wrap?: boolean;
  timeZone?: 'local' | 'utc';
}

/** `/explore/logs` with a query; defaults (newest first, no wrap, local time) are left out of the link. */
export function logsExploreUrl(state: LogsViewState, t?: TimeParams): string {
  return `/explore/logs${query([
    ...(t ? timeEntries(t) : []),
    ['ds', state.ds],
    ['q', state.query],
    ['line', state.line],
    ['sort', state.sort === 'oldest' ? 'oldest' : undefined],
    ['wrap', state.wrap ? '1' : undefined],
    ['tz', state.timeZone === 'utc' ? 'utc' : undefined],
  ])}`;
}

/** The window a link to one log line opens around it: enough to see what came before and after. */
export const DEFAULT_LOG_LINE_WINDOW_MS = 5 * 60_000;

/** A link to one line: its query, a window around its time, and its key so it opens selected. */
export function logLineUrl(state: Omit<LogsViewState, 'line'>, line: { key: string; timeMs: number }, windowMs = DEFAULT_LOG_LINE_WINDOW_MS): string {
  return logsExploreUrl(
    { ...state, line: line.key },
    { from: String(Math.round(line.timeMs - windowMs)), to: String(Math.round(line.timeMs + windowMs)) },
  );
}

/** A log line's trace, around the line's time; undefined for a line without a trace ID. */
export function logLineTraceUrl(line: { traceId?: string | undefined; timeMs: number }): string | undefined {
  if (line.traceId === undefined || line.traceId === '') return undefined;
  return traceUrl(line.traceId, { timeMs: line.timeMs });
}
