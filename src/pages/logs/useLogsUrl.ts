import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { TimeZoneMode } from './timeFormat';

/** The log explorer's own URL state (the time range is the time scope's). */
export interface LogsUrlState {
  ds: string | undefined;
  query: string;
  sort: 'newest' | 'oldest';
  wrap: boolean;
  timeZone: TimeZoneMode;
  /** Key of the selected line. */
  line: string | undefined;
}

const PARAM: Record<Exclude<keyof LogsUrlState, never>, string> = { ds: 'ds', query: 'q', sort: 'sort', wrap: 'wrap', timeZone: 'tz', line: 'line' };

export function readLogsUrl(params: URLSearchParams): LogsUrlState {
  return {
    ds: params.get('ds') ?? undefined,
    query: params.get('q') ?? '',
    sort: params.get('sort') === 'oldest' ? 'oldest' : 'newest',
    wrap: params.get('wrap') === '1',
    timeZone: params.get('tz') === 'utc' ? 'utc' : 'local',
    line: params.get('line') ?? undefined,
  };
}

/** A copy of `params` with `patch` written in, defaults removed so links stay short; other params kept. */
export function writeLogsUrl(params: URLSearchParams, patch: Partial<LogsUrlState>): URLSearchParams {
  const out = new URLSearchParams(params);
  const set = (key: keyof LogsUrlState, value: string | undefined) => {
    if (value === undefined || value === '') out.delete(PARAM[key]);
    else out.set(PARAM[key], value);
  };
  if ('ds' in patch) set('ds', patch.ds);
  if ('query' in patch) set('query', patch.query);
  if ('sort' in patch) set('sort', patch.sort === 'oldest' ? 'oldest' : undefined);
  if ('wrap' in patch) set('wrap', patch.wrap ? '1' : undefined);
  if ('timeZone' in patch) set('timeZone', patch.timeZone === 'utc' ? 'utc' : undefined);
  if ('line' in patch) set('line', patch.line);
  return out;
}

/**
 * The URL state and its setter. A new query (or datasource) is a history entry, so Back returns to the
 * previous query; view settings and the selected line replace the entry instead of flooding history.
 */
export function useLogsUrl(): [LogsUrlState, (patch: Partial<LogsUrlState>) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readLogsUrl(params), [params]);
  const update = useCallback(
    (patch: Partial<LogsUrlState>) => setParams((prev) => writeLogsUrl(prev, patch), { replace: !('query' in patch) && !('ds' in patch) }),
    [setParams],
  );
  return [state, update];
}
