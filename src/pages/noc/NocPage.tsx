import { useQueryClient } from '@tanstack/react-query';
import { lazy, memo, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { DataSource } from '../../datasources/types';
import { fitTiles, type BoardSpec } from '../../model/board';
import { serviceDashboardUrl } from '../../model/links';
import { TimeScopeProvider } from '../../state/TimeScopeProvider';
import { useTimeScope, type TimeScopeHandle } from '../../state/timeScopeContext';
import { useDataSources } from '../shared/dataSources';
import { NoMetricsSource } from '../shared/NoMetricsSource';
import { ThemeSwitch } from '../shared/ThemeSwitch';
import { AlertStrip } from './AlertStrip';
import { useMonotonicWake, usePlaylistIndex, useSecondClock } from './clocks';
import { useKioskExit } from './kiosk';
import { parseNocParams, refreshDelayMs, resolveScreen, urlBoard } from './nocParams';
import { Tile } from './Tile';
import { useBoardAlerts } from './useBoardAlerts';
import { useBoardTiles } from './useBoardTiles';
import { useScreenWakeLock, WAKE_LOCK_TEXT } from './wakeLock';
import './noc.css';

const ServiceDashboardView = lazy(async () => ({ default: (await import('../service/ServiceDashboardPage')).ServiceDashboardView }));

/** After a tile is opened in kiosk, the board comes back by itself after this long. */
const KIOSK_RETURN_MS = 60_000;

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The header's clock: its own once-a-second state, so the page around it does not re-render every second. */
function HeaderClock() {
  const now = useSecondClock();
  return (
    <span className="noc-clock" data-testid="noc-clock">
      {timeFormat.format(now.wall)} <span className="noc-zone">{zone}</span>
    </span>
  );
}

function useElementSize(): [React.RefObject<HTMLDivElement | null>, { width: number; height: number }] {
  const ref = useRef<HTMLDivElement | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setSize((s) => (s.width === el.clientWidth && s.height === el.clientHeight ? s : { width: el.clientWidth, height: el.clientHeight }));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}

function DemoBanner({ sources }: { sources: readonly DataSource[] }) {
  if (!sources.some((ds) => ds.simulated)) return null;
  return (
    <div className="noc-demo-badge" role="status" data-testid="noc-demo-badge">
      DEMO DATA · simulated, not production
    </div>
  );
}

// Memoized: the board re-renders on its data and when a tile's staleness is due, not with the page around it.
const Board = memo(function Board({ ds, board, refreshMs, onOpen, onHealth }: { ds: DataSource; board: BoardSpec; refreshMs: number; onOpen: (service: string) => void; onHealth: (ok: boolean) => void }) {
  const { range, tick } = useTimeScope();
  const directory = useDataSources();
  // One object per board and interval: the tiles' grading is memoized on it.
  const spec = useMemo(() => ({ ...board, refreshMs }), [board, refreshMs]);
  const [wakeAt, setWakeAt] = useState<number | undefined>(undefined);
  const nowMono = useMonotonicWake(wakeAt);
  const data = useBoardTiles(ds, spec, range, nowMono, directory.wall?.thresholds);
  // Adjusting state while rendering: the tiles say when they next change with time alone.
  if (data.nextChangeMono !== wakeAt) setWakeAt(data.nextChangeMono);
  const alerts = useBoardAlerts(directory.list, refreshMs, tick);
  const [gridRef, size] = useElementSize();
  const layout = fitTiles(data.tiles.length, size.width, size.height);
  const healthy = !data.unreachable && data.errors.length === 0;
  useEffect(() => onHealth(healthy), [healthy, onHealth]);
  const everythingDown = data.unreachable && alerts.sources.every((s) => s.error !== undefined);

  return (
    <>
      {data.unreachable ? (
        <div className="noc-banner" role="alert" data-testid="noc-unreachable">
          ◌ {everythingDown ? 'Every datasource is unreachable' : `${ds.name} is unreachable`}: tiles show their last data as STALE, retrying with backoff (at most 1 min).
          {data.errors[0] ? <span className="noc-banner-why"> {data.errors[0]}</span> : null}
        </div>
      ) : null}
      <AlertStrip alerts={alerts} />
      <div
        className="noc-grid"
        ref={gridRef}
        data-testid="noc-grid"
        aria-busy={data.fetching || alerts.fetching ? true : undefined}
        style={{ gridTemplateColumns: `repeat(${layout.columns}, ${layout.tileWidth}px)` }}>
        {data.loading ? <div className="noc-loading">Loading services…</div> : null}
        {data.tiles.map((tile) => (
          <Tile key={tile.service} tile={tile} width={layout.tileWidth} height={layout.tileHeight} onOpen={onOpen} />
        ))}
      </div>
    </>
  );
});

/** While the last refresh is still out, look again this often (or at the interval, when that is shorter). */
const BUSY_RECHECK_MS = 1000;

/**
 * The board's own time scope, refreshed by a timer that backs off while refreshes fail (doubling, capped at
 * one minute) and returns to the interval when they succeed, so a dead datasource is not hammered and a
 * revived one is picked up within a minute, with no reload. A tick that finds the last refresh still in
 * flight (`busy`) waits for it instead: a new range means new query keys, which would abort a slow answer
 * and ask the same query again, every tick, and a server slower than the interval would never be heard.
 */
function useBackoffRefresh(handle: React.RefObject<TimeScopeHandle | null>, refreshMs: number, busy: () => boolean): (ok: boolean) => void {
  const failures = useRef(0);
  const isBusy = useRef(busy);
  useEffect(() => {
    isBusy.current = busy;
  }, [busy]);
  const [timer, setTimer] = useState({ generation: 0, waiting: false });
  useEffect(() => {
    const delay = timer.waiting ? Math.min(BUSY_RECHECK_MS, refreshMs) : refreshDelayMs(refreshMs, failures.current);
    const id = window.setTimeout(() => {
      const waiting = isBusy.current();
      if (!waiting) handle.current?.refreshNow();
      setTimer((t) => ({ generation: t.generation + 1, waiting }));
    }, delay);
    return () => window.clearTimeout(id);
  }, [handle, refreshMs, timer]);
  return useCallback((ok: boolean) => {
    failures.current = ok ? 0 : failures.current + 1;
  }, []);
}

/** `/noc`: the wall board. `?kiosk` hides every control and the cursor; `?playlist=board,payments&interval=60s` rotates. */
export function NocPage() {
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const directory = useDataSources();
  const params = useMemo(() => parseNocParams(search), [search]);
  const { board, problems } = useMemo(() => {
    const found: string[] = [...params.problems];
    return { board: urlBoard(params, directory.wall, found), problems: found };
  }, [params, directory.wall]);
  const wake = useScreenWakeLock(true);
  const scope = useRef<TimeScopeHandle | null>(null);
  const [opened, setOpened] = useState<{ service: string; at: number } | undefined>(undefined);

  useKioskExit(params.kiosk, () =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete('kiosk');
        return next;
      },
      { replace: true },
    ),
  );
  useEffect(() => {
    document.documentElement.classList.add('noc-view');
    document.documentElement.classList.toggle('noc-kiosk', params.kiosk);
    return () => document.documentElement.classList.remove('noc-view', 'noc-kiosk');
  }, [params.kiosk]);

  // In kiosk a tile opens its dashboard on the wall, and the board comes back by itself.
  useEffect(() => {
    if (!opened) return;
    const id = window.setTimeout(() => setOpened(undefined), KIOSK_RETURN_MS);
    return () => window.clearTimeout(id);
  }, [opened]);
  const onOpen = useCallback(
    (service: string) => {
      if (params.kiosk) setOpened({ service, at: performance.now() });
      else void navigate(serviceDashboardUrl(service, { from: 'now-1h', to: 'now', refresh: '30s' }));
    },
    [params.kiosk, navigate],
  );

  const screens = params.playlist.length > 0 ? params.playlist : ['board'];
  const playlistAt = usePlaylistIndex(screens.length, params.intervalMs);
  const entry = opened ? opened.service : screens[playlistAt]!;
  const screen = opened ? { kind: 'service' as const, service: opened.service } : resolveScreen(entry, board, directory.wall);
  const shown = screen.kind === 'board' ? screen.board : board;
  // The URL's refresh wins over the board's own; a board names its datasource, else the default one.
  const refreshMs = params.refreshMs ?? shown.refreshMs;
  const ds = (shown.datasource ? directory.get(shown.datasource) : undefined) ?? directory.defaultMetrics();
  const client = useQueryClient();
  const dsUid = ds?.uid;
  const busy = useCallback(() => dsUid !== undefined && client.isFetching({ queryKey: [dsUid] }) > 0, [client, dsUid]);
  const onHealth = useBackoffRefresh(scope, refreshMs, busy);

  if (!ds?.services || !ds.metrics) return <NoMetricsSource />;
  return (
    <div className="noc" data-testid="noc">
      <header className="noc-header">
        <span className="noc-title" data-testid="noc-title">
          <bdi>{screen.kind === 'board' ? screen.board.title : screen.service}</bdi>
        </span>
        <DemoBanner sources={directory.list} />
        <HeaderClock />
        <span className="noc-status" data-testid="noc-status">
          refresh {refreshMs / 1000}s · {WAKE_LOCK_TEXT[wake]}
          {screens.length > 1 && !opened ? ` · playlist ${screens.indexOf(entry) + 1}/${screens.length}` : ''}
          {opened ? ' · back to the board in 1 min' : ''}
        </span>
        {!params.kiosk ? (
          <span className="noc-controls">
            <button type="button" onClick={() => setSearch((prev) => new URLSearchParams([...prev, ['kiosk', '']]), { replace: true })}>
              Kiosk
            </button>
            <ThemeSwitch />
            <a href="/services">Exit board</a>
          </span>
        ) : null}
      </header>
      {problems.map((p) => (
        <div key={p} className="noc-problem" role="status">
          {p}
        </div>
      ))}
      <TimeScopeProvider initialRange={{ from: 'now-15m', to: 'now' }} initialRefresh="off" ref={scope}>
        {screen.kind === 'board' ? (
          // Keyed by board: a playlist moving to another board starts its staleness clock afresh.
          <Board key={screen.board.id} ds={ds} board={screen.board} refreshMs={refreshMs} onOpen={onOpen} onHealth={onHealth} />
        ) : (
          <div className="noc-screen" data-testid="noc-screen" data-service={screen.service}>
            <Suspense fallback={<div className="noc-loading">Loading…</div>}>
              <ServiceDashboardView service={screen.service} />
            </Suspense>
          </div>
        )}
      </TimeScopeProvider>
    </div>
  );
}
