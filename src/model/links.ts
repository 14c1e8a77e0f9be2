import { normalizeTraceId } from './traceId';

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

function query(entries: ReadonlyArray<readonly [string, string | undefined]>): string {
  const params = new URLSearchParams();
  for (const [k, v] of entries) if (v !== undefined && v !== '') params.append(k, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}

function timeEntries(t: TimeParams): Array<readonly [string, string | undefined]> {
  return [
    ['from', t.from],
    ['to', t.to],
    ['refresh', t.refresh && t.refresh !== 'off' ? t.refresh : undefined],
  ];
}

export function servicesOverviewUrl(t: TimeParams): string {
  return `/services${query(timeEntries(t))}`;
}

export function serviceDashboardUrl(service: string, t: TimeParams): string {
  return `/services/${encodeURIComponent(service)}${query(timeEntries(t))}`;
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
  return `/traces/${encodeURIComponent(id)}${query(entries)}`;
}

/** Explore with one or more ad-hoc queries (`q`, repeated) over the given time range. */
export function exploreUrl(queries: readonly string[], t?: TimeParams): string {
  return `/explore${query([...(t ? timeEntries(t) : []), ...queries.map((q) => ['q', q] as const)])}`;
}
