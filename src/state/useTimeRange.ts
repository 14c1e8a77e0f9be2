import { useTimeScope, type TimeRangeState } from './timeScopeContext';

export type { TimeRangeState } from './timeScopeContext';

/**
 * The time range of the nearest time scope (`TimeScopeProvider`): the URL's in the app's main scope, or
 * a nested scope's own. Kept for the callers written before scopes; `useTimeScope()` also gives the
 * scope's `now` and crosshair sync key.
 */
export function useTimeRange(): TimeRangeState {
  return useTimeScope();
}
