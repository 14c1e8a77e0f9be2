import { createContext, useContext } from 'react';
import type { TimeParams } from '../model/links';
import type { RawTimeRange, TimeRange } from '../model/time';
import type { RefreshOption } from './timeUrl';

/** What `useTimeRange()` has always returned; every field is the nearest time scope's. */
export interface TimeRangeState {
  raw: RawTimeRange;
  refresh: RefreshOption;
  /**
   * Resolved epoch-ms range, one object for every panel of the view: a new object only when the range's
   * ends move (a relative range when the view is entered or the tick bumps; an absolute one never).
   */
  range: TimeRange;
  tick: number;
  /** What links to other views carry. */
  params: TimeParams;
  /** In the URL scope this pushes a history entry, so Back restores the previous range. */
  setRange: (raw: RawTimeRange) => void;
  setRefresh: (refresh: RefreshOption) => void;
  refreshNow: () => void;
}

/** One time scope: a range, its refresh tick and its crosshair group, shared by the views under it. */
export interface TimeScope extends TimeRangeState {
  /** The clock reading the relative range was resolved against. */
  now: number;
  /** The crosshair sync key: charts under scopes with the same key draw one crosshair. */
  syncKey: string;
}

/** What a scope's owner may do from outside it (a playlist stepping on, a test pressing refresh). */
export interface TimeScopeHandle {
  refreshNow: () => void;
  setRange: (raw: RawTimeRange) => void;
  setRefresh: (refresh: RefreshOption) => void;
}

export const TimeScopeContext = createContext<TimeScope | null>(null);

/** The nearest time scope. A view outside every scope is a wiring mistake, so it fails loudly. */
export function useTimeScope(): TimeScope {
  const scope = useContext(TimeScopeContext);
  if (!scope) throw new Error('useTimeScope() and useTimeRange() need a <TimeScopeProvider> above them');
  return scope;
}
