import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { TimeParams } from '../model/links';
import { resolveRange, type RawTimeRange, type TimeRange } from '../model/time';
import { useRefreshTick, bumpRefreshTick } from './refreshTick';
import { parseTimeParams, withTimeParams, type RefreshOption } from './timeUrl';

// Every component that resolves the same URL range at the same tick must get the same `now`, or the
// panels of one page would ask for slightly different ranges (and miss each other's cache entries).
// The anchor remembers the clock reading for the last (range, tick) seen.
let anchor = { key: '', now: 0 };

export function anchoredNow(raw: RawTimeRange, tick: number, clock: () => number = Date.now): number {
  const key = `${raw.from}|${raw.to}|${tick}`;
  if (anchor.key !== key) anchor = { key, now: clock() };
  return anchor.now;
}

export interface TimeRangeState {
  raw: RawTimeRange;
  refresh: RefreshOption;
  /** Resolved epoch-ms range; a new object only when the URL range or the tick changes. */
  range: TimeRange;
  tick: number;
  /** What links to other views carry. */
  params: TimeParams;
  /** Pushes a history entry, so Back restores the previous range. */
  setRange: (raw: RawTimeRange) => void;
  setRefresh: (refresh: RefreshOption) => void;
  refreshNow: () => void;
}

export function useTimeRange(): TimeRangeState {
  const [searchParams, setSearchParams] = useSearchParams();
  const tick = useRefreshTick();
  const fromText = searchParams.get('from');
  const toText = searchParams.get('to');
  const refreshText = searchParams.get('refresh');

  const { raw, refresh } = useMemo(() => {
    const p = new URLSearchParams();
    if (fromText !== null) p.set('from', fromText);
    if (toText !== null) p.set('to', toText);
    if (refreshText !== null) p.set('refresh', refreshText);
    // Only validates the URL's range; the range shown resolves against `anchoredNow` below. The time scope
    // provider (issue 5 #1) replaces this clock reading.
    // eslint-disable-next-line react-hooks/purity
    return parseTimeParams(p, Date.now());
  }, [fromText, toText, refreshText]);

  const range = useMemo(() => resolveRange(raw, anchoredNow(raw, tick)), [raw, tick]);
  const params = useMemo<TimeParams>(() => ({ from: raw.from, to: raw.to, refresh }), [raw, refresh]);

  const setRange = useCallback(
    (next: RawTimeRange) => setSearchParams((prev) => withTimeParams(prev, { raw: next })),
    [setSearchParams],
  );
  const setRefresh = useCallback(
    (next: RefreshOption) => setSearchParams((prev) => withTimeParams(prev, { refresh: next }), { replace: true }),
    [setSearchParams],
  );

  return { raw, refresh, range, tick, params, setRange, setRefresh, refreshNow: bumpRefreshTick };
}
