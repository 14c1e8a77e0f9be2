import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { rangeQueryOptions } from '../../datasources/queries';
import type { DataSource, RangeResult, SignalQuery } from '../../datasources/types';
import type { TimeRange } from '../../model/time';
import type { QueryView } from './panelQuery';
import { sameRangeResult } from './sameRangeResult';

/**
 * The range query of one signal, or undefined when the service has no such signal. One `useQuery`
 * per query on purpose: its observer survives key changes, so `keepPreviousData` holds the old lines
 * while a refresh runs. (`useQueries` makes a new observer per key and would blank the chart.)
 *
 * An error is held the same way: a panel whose query fails keeps its message while the next refresh
 * of the same query runs, instead of blinking to a spinner every few seconds on a wall screen.
 *
 * An answer with the same samples as the last one (a refresh within the same step usually gets one)
 * comes back as the last one's object, so nothing downstream recomputes or redraws.
 */
export function useSignalResult(
  ds: DataSource,
  query: SignalQuery | undefined,
  range: TimeRange,
  stepMs: number,
): QueryView<RangeResult> | undefined {
  const result = useQuery({ ...rangeQueryOptions(ds, query?.query ?? '', range, stepMs), enabled: query !== undefined });
  const lastError = useRef<{ query: string; error: unknown } | undefined>(undefined);
  // The answer shown, and the newer object found to hold the same samples.
  const lastData = useRef<{ data?: RangeResult; sameAs?: RangeResult }>({});
  if (!query) return undefined;
  if (result.isError) lastError.current = { query: query.query, error: result.error };
  else if (result.isSuccess) lastError.current = undefined;
  const held = lastError.current;
  if (result.isPending && held?.query === query.query) {
    return { data: undefined, error: held.error, isError: true, isPending: false, isFetching: true };
  }
  const data = result.data;
  const shown = lastData.current;
  if (data === undefined || data === shown.data) return result;
  if (data !== shown.sameAs) {
    // Compared once per new answer, not on every render while it stands.
    lastData.current = shown.data !== undefined && sameRangeResult(shown.data, data) ? { data: shown.data, sameAs: data } : { data };
  }
  const kept = lastData.current.data;
  if (kept === data) return result;
  return { data: kept, error: result.error, isError: result.isError, isPending: result.isPending, isFetching: result.isFetching };
}

export function present<T>(items: ReadonlyArray<T | undefined>): T[] {
  return items.filter((x): x is T => x !== undefined);
}
