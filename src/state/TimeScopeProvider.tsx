import { createContext, useCallback, useContext, useEffect, useId, useImperativeHandle, useMemo, useState, type ReactNode, type Ref } from 'react';
import { useLocation, useNavigationType, useSearchParams } from 'react-router';
import type { TimeParams } from '../model/links';
import { resolveRange, type RawTimeRange } from '../model/time';
import { useAutoRefresh } from './autoRefresh';
import { createCrosshairHub, CrosshairGroupContext, type CrosshairHub } from './crosshair';
import { TimeScopeContext, type TimeScope, type TimeScopeHandle } from './timeScopeContext';
import { DEFAULT_RAW_RANGE, parseTimeParams, rangeProblem, refreshIntervalMs, withTimeParams, type RefreshOption } from './timeUrl';
import { useViewClock, type Clock } from './useViewClock';

export interface TimeScopeProviderProps {
  children: ReactNode;
  /**
   * Hold the range in memory, starting here, instead of in the URL: a second scope on a page (a split
   * view's other half, a NOC playlist's screen). Read once, at mount. Without it the scope is the page's
   * main one, and the URL's `from`, `to` and `refresh` are its single source of truth.
   */
  initialRange?: RawTimeRange;
  initialRefresh?: RefreshOption;
  /** Charts of scopes with the same key share one crosshair; by default a scope's key is its own. */
  syncKey?: string;
  /** Injected for tests; must be stable. */
  clock?: Clock;
  doc?: Document;
  ref?: Ref<TimeScopeHandle>;
}

/** Where a scope's range lives (URL or memory), as the core below needs it. */
interface RangeSource {
  raw: RawTimeRange;
  refresh: RefreshOption;
  setRange: (raw: RawTimeRange) => void;
  setRefresh: (refresh: RefreshOption) => void;
  /** Changes whenever a view is entered in this scope. */
  viewKey: string;
}

type CoreProps = Omit<TimeScopeProviderProps, 'initialRange' | 'initialRefresh' | 'clock' | 'doc'> & { clock: Clock; doc: Document };

// Reads `Date.now` at call time, so a test's fake or spied clock is seen, and stays one stable function.
const systemClock: Clock = () => Date.now();

// The crosshair groups of one tree of scopes: the outermost scope owns them, nested ones join by key.
const CrosshairHubContext = createContext<CrosshairHub | null>(null);

// The view key of the enclosing scope: a navigation of the page is a view entered for nested scopes too.
const ParentViewContext = createContext('');

/**
 * A time scope: the range, refresh tick, auto-refresh timer and crosshair group of the views under it.
 * The app wraps every page in the URL scope (`src/app/Layout.tsx`); a nested scope with `initialRange`
 * is independent of it and of its siblings.
 */
export function TimeScopeProvider({ initialRange, initialRefresh, clock = systemClock, doc = document, ...core }: TimeScopeProviderProps) {
  return initialRange ? (
    <MemoryTimeScope initialRange={initialRange} initialRefresh={initialRefresh ?? 'off'} {...core} clock={clock} doc={doc} />
  ) : (
    <UrlTimeScope {...core} clock={clock} doc={doc} />
  );
}

function UrlTimeScope(props: CoreProps) {
  const [searchParams, setSearchParams] = useSearchParams();
  const viewKey = useEnteredViewKey();
  const fromText = searchParams.get('from');
  const toText = searchParams.get('to');
  const refreshText = searchParams.get('refresh');
  const { clock } = props;

  const { raw, refresh } = useMemo(() => {
    const p = new URLSearchParams();
    if (fromText !== null) p.set('from', fromText);
    if (toText !== null) p.set('to', toText);
    if (refreshText !== null) p.set('refresh', refreshText);
    return parseTimeParams(p, clock());
  }, [fromText, toText, refreshText, clock]);

  const setRange = useCallback(
    (next: RawTimeRange) => setSearchParams((prev) => withTimeParams(prev, { raw: next })),
    [setSearchParams],
  );
  const setRefresh = useCallback(
    (next: RefreshOption) => setSearchParams((prev) => withTimeParams(prev, { refresh: next }), { replace: true }),
    [setSearchParams],
  );
  return <ScopeCore {...props} source={{ raw, refresh, setRange, setRefresh, viewKey }} />;
}

/**
 * Changes when a view is entered: every push navigation, and Back and Forward, is a new location with a new
 * key. A replace is not: pages replace the entry for what changes within a view (the selected log line or
 * span, wrap, sort, the time zone), and re-reading the clock there would move a relative range and refetch
 * every query of the view for a click on a row.
 */
function useEnteredViewKey(): string {
  const { key } = useLocation();
  const type = useNavigationType();
  const [entered, setEntered] = useState(key);
  if (key !== entered && type !== 'REPLACE') {
    // State from a changed location, adjusted while rendering: the view's first render already has its key.
    setEntered(key);
    return key;
  }
  return entered;
}

function MemoryTimeScope({ initialRange, initialRefresh, ...props }: CoreProps & { initialRange: RawTimeRange; initialRefresh: RefreshOption }) {
  const { clock } = props;
  const parentView = useContext(ParentViewContext);
  const [state, setState] = useState(() => ({
    raw: rangeProblem(initialRange, clock()) === undefined ? initialRange : DEFAULT_RAW_RANGE,
    refresh: initialRefresh,
    views: 0,
  }));
  // An unusable range is refused and the current one kept; the pickers name the problem before calling.
  const setRange = useCallback(
    (next: RawTimeRange) => {
      if (rangeProblem(next, clock()) === undefined) setState((s) => ({ ...s, raw: next, views: s.views + 1 }));
    },
    [clock],
  );
  const setRefresh = useCallback((refresh: RefreshOption) => setState((s) => ({ ...s, refresh })), []);
  const viewKey = `${parentView}/${state.views}`;
  return <ScopeCore {...props} source={{ raw: state.raw, refresh: state.refresh, setRange, setRefresh, viewKey }} />;
}

function ScopeCore({ source, clock, doc, syncKey, ref, children }: CoreProps & { source: RangeSource }) {
  const { raw, refresh, setRange, setRefresh, viewKey } = source;
  const { now, tick, refreshNow } = useViewClock(viewKey, clock, doc);
  useAutoRefresh(refreshIntervalMs(refresh), refreshNow, doc);

  // Keyed on the resolved ends, not on `now`: an absolute range keeps its object (and its panels their
  // query keys) however often the clock is read.
  const { from, to } = resolveRange(raw, now);
  const range = useMemo(() => ({ from, to }), [from, to]);
  const params = useMemo<TimeParams>(() => ({ from: raw.from, to: raw.to, refresh }), [raw.from, raw.to, refresh]);

  const ownKey = useId();
  const key = syncKey ?? ownKey;
  const parentHub = useContext(CrosshairHubContext);
  const [ownHub] = useState(createCrosshairHub);
  const hub = parentHub ?? ownHub;
  const group = useMemo(() => hub.group(key), [hub, key]);
  useEffect(() => hub.join(key, group), [hub, key, group]);
  // A view entered starts without a crosshair left over from the one before.
  useEffect(() => group.getState().setTime(null), [group, viewKey]);

  useImperativeHandle(ref, () => ({ refreshNow, setRange, setRefresh }), [refreshNow, setRange, setRefresh]);

  const scope = useMemo<TimeScope>(
    () => ({ raw, refresh, range, tick, now, params, setRange, setRefresh, refreshNow, syncKey: key }),
    [raw, refresh, range, tick, now, params, setRange, setRefresh, refreshNow, key],
  );
  return (
    <CrosshairHubContext.Provider value={hub}>
      <CrosshairGroupContext.Provider value={group}>
        <ParentViewContext.Provider value={viewKey}>
          <TimeScopeContext.Provider value={scope}>{children}</TimeScopeContext.Provider>
        </ParentViewContext.Provider>
      </CrosshairGroupContext.Provider>
    </CrosshairHubContext.Provider>
  );
}
