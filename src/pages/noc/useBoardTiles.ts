import { CancelledError, useQueries, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { overviewQueriesOptions, rangeQueryOptions, servicesQueryOptions } from '../../datasources/queries';
import type { DataSource, RangeResult } from '../../datasources/types';
import { bandsInUnit, boardBands, compareTiles, freshness, headlineSignal, tileState, type BoardSpec, type ThresholdOverrides, type TileSignal, type TileState } from '../../model/board';
import { statusOf } from '../../model/thresholds';
import type { TimeRange } from '../../model/time';
import { chooseStep } from '../../model/time';
import { errorText } from '../shared/panelQuery';
import { useLastData } from '../shared/lastData';
import { buildOverview, OVERVIEW_COLUMNS, type OverviewResult } from '../services/overviewRows';
import { useCycleHold } from './cycleHold';

export interface Tile {
  service: string;
  state: TileState;
  headline?: TileSignal;
  signals: TileSignal[];
  /** Wall-clock time of the data shown (the last successful refresh). */
  dataAsOf?: number;
  /** Age of that data by the monotonic clock, when stale. */
  ageMs?: number;
}

export interface BoardData {
  tiles: Tile[];
  /** Every query of the board failed, or none has ever answered past the staleness limit. */
  unreachable: boolean;
  errors: string[];
  loading: boolean;
  /** A query of the board is in flight (a refresh running behind the tiles shown): the grid's `aria-busy`. */
  fetching: boolean;
  /**
   * The monotonic time (`performance.now()`) at which the tiles next change with time alone: the moment they
   * turn STALE, or a STALE tile's age reaches its next whole second. `undefined`: nothing shown depends on time.
   */
  nextChangeMono?: number;
}

const TREND_POINTS = 30;
/** A refresh cycle's answers are shown together, unless one of its queries is slower than this. */
const CYCLE_HOLD_MS = 1500;

/**
 * Module-level, so TanStack Query keeps the combined object while the results are the same (useLastData and
 * the tiles key on its identity). `newest` is the newest `dataUpdatedAt` (wall clock), 0 for none.
 */
function combineResults(rs: ReadonlyArray<UseQueryResult<RangeResult>>): { results: OverviewResult[]; newest: number; fetching: boolean } {
  return {
    results: rs.map((r) => ({ data: r.data, error: r.isError ? errorText(r.error) : undefined, loading: r.isPending })),
    newest: rs.reduce((m, r) => (r.data !== undefined && r.dataUpdatedAt > m ? r.dataUpdatedAt : m), 0),
    fetching: rs.some((r) => r.isFetching),
  };
}

/**
 * Each range query's last outcome, by query text, when it was a failure. Read from the query cache, not from
 * the observers: a refresh gives new keys, and one that goes out the moment the last attempt times out
 * (before a render has seen it) would otherwise make the timeout vanish behind a pending request.
 */
function useLastFailures(uid: string): ReadonlyMap<string, string> {
  const client = useQueryClient();
  const [failures, setFailures] = useState<ReadonlyMap<string, string>>(() => new Map());
  useEffect(() => {
    return client.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      const [owner, what, text] = event.query.queryKey as readonly unknown[];
      if (owner !== uid || what !== 'metrics.range' || typeof text !== 'string') return;
      const { type } = event.action;
      if (type === 'error' && !(event.action.error instanceof CancelledError)) {
        const message = errorText(event.action.error);
        setFailures((m) => (m.get(text) === message ? m : new Map(m).set(text, message)));
      } else if (type === 'success') {
        setFailures((m) => {
          if (!m.has(text)) return m;
          const next = new Map(m);
          next.delete(text);
          return next;
        });
      }
    });
  }, [client, uid]);
  return failures;
}

/**
 * The board's tiles from the services overview queries (one request per signal for all services, the same
 * as /services), with each tile's state graded by the board's thresholds and marked STALE when the last
 * successful refresh is older than twice the refresh interval. Freshness runs on `performance.now()`, which a
 * wall-clock jump does not move; `nowMono` is the page's ticking reading of it.
 */
export function useBoardTiles(ds: DataSource, board: BoardSpec, range: TimeRange, nowMono: number, baseThresholds?: ThresholdOverrides): BoardData {
  const services = useQuery({ ...servicesQueryOptions(ds, range), refetchInterval: board.refreshMs });
  // The overview's queries come from feature detection and are cached for minutes; a Prometheus only seconds
  // old (or a target not yet scraped) detects nothing, and a board that cached that would stay STALE with no
  // query to ask. So while detection has found nothing, ask again at the refresh interval.
  const overview = useQuery({
    ...overviewQueriesOptions(ds, range),
    refetchInterval: (query) => (query.state.data !== undefined && query.state.data.length > 0 ? false : board.refreshMs),
  });
  // A board showing some signals asks only for those.
  const queries = useMemo(() => (overview.data ?? []).filter((q) => !board.signals || (board.signals as readonly string[]).includes(q.signal)), [overview.data, board.signals]);
  const stepMs = chooseStep(range, { points: TREND_POINTS, minStepMs: ds.metrics?.minStepMs ?? 15_000 });
  // One options object per cycle: useQueries re-applies its queries to the observer (`setQueries`, a passive
  // effect) whenever the object it is given is new, which an inline literal is on every render of the board.
  const rangeQueries = useMemo(() => ({ queries: queries.map((q) => rangeQueryOptions(ds, q.query, range, stepMs)), combine: combineResults }), [queries, ds, range, stepMs]);
  const combined = useQueries(rangeQueries);
  const { fetching } = combined;
  const { results: fresh, newest } = useCycleHold(combined, fetching, CYCLE_HOLD_MS);
  const results = useLastData(
    queries.map((q) => q.query),
    fresh,
  );

  const failed = useLastFailures(ds.uid);

  // The newest answer shown so far (wall clock, for "data as of"): kept while a refresh's new keys are pending.
  const [seenWall, setSeenWall] = useState(0);
  if (newest > seenWall) setSeenWall(newest);
  // When the data last changed, on the monotonic clock: stamped before the paint that shows the new answer, from
  // a real reading (`nowMono` only moves when something time-dependent is due, so it may be old here).
  const [seenMono, setSeenMono] = useState<number | undefined>(undefined);
  useLayoutEffect(() => {
    // The clock is the outside system read here; a layout effect so the stamp lands before that frame paints
    // (one extra render of the board per new answer, which changes no tile while the board is fresh).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (seenWall > 0) setSeenMono(performance.now());
  }, [seenWall]);
  const [startedMono] = useState(() => performance.now());

  // Grading follows the data only; the second-by-second clock below touches only freshness, so the tiles (and
  // the memoized Tile components) stay the same objects between ticks while the board is fresh.
  const graded = useMemo(() => {
    const only = board.services && board.services.length > 0 ? board.services : undefined;
    const table = buildOverview(services.data ?? [], queries, results, only ? { only } : {});
    return table.rows.map((row) => {
      const cells = board.signals ? board.signals.flatMap((signal) => row.cells.filter((c) => c.signal === signal)) : row.cells;
      const signals = cells.map((cell): TileSignal => {
        const column = OVERVIEW_COLUMNS.find((c) => c.signal === cell.signal)!;
        const configured = boardBands(board, row.service, cell.signal, baseThresholds);
        // Configured bands are in the signal's config unit; a query in another unit (ms, percent) gets them converted.
        const bands = configured && bandsInUnit(configured, cell.signal, cell.unit);
        const status = bands ? statusOf(cell.value, bands) : cell.status;
        const trend = cell.series ? Array.from(cell.series.values.slice(-TREND_POINTS)) : undefined;
        return { signal: cell.signal, title: column.title, unit: cell.unit, status, ...(cell.value === undefined ? {} : { value: cell.value }), ...(trend ? { trend } : {}) };
      });
      return { service: row.service, signals, headline: headlineSignal(signals) };
    });
  }, [board, baseThresholds, services.data, queries, results]);

  const { stale, ageMs } = freshness(seenMono, startedMono, nowMono, board.refreshMs);
  // A STALE tile shows its age in whole seconds; a fresh one shows none, so a tick changes nothing.
  const staleAgeMs = stale && ageMs !== undefined ? Math.floor(ageMs / 1000) * 1000 : undefined;
  const limitMono = (seenMono ?? startedMono) + 2 * board.refreshMs;
  const nextChangeMono = !stale ? limitMono + 1 : seenMono !== undefined && staleAgeMs !== undefined ? seenMono + staleAgeMs + 1000 : undefined;

  const view = useMemo(() => {
    const tiles = graded.map(
      ({ service, signals, headline }): Tile => ({
        service,
        state: tileState(signals, stale),
        ...(headline ? { headline } : {}),
        signals,
        ...(seenWall > 0 ? { dataAsOf: seenWall } : {}),
        ...(staleAgeMs !== undefined ? { ageMs: staleAgeMs } : {}),
      }),
    );
    tiles.sort(compareTiles);
    const errors = [
      ...(services.isError ? [`service list: ${errorText(services.error)}`] : []),
      ...(overview.isError ? [`overview queries: ${errorText(overview.error)}`] : []),
      ...new Set(queries.flatMap((q) => failed.get(q.query) ?? [])),
    ];
    const everyQueryFailed = (services.isError && tiles.length === 0) || (queries.length > 0 && queries.every((q) => failed.has(q.query)));
    return { tiles, unreachable: everyQueryFailed || (stale && seenWall === 0), errors, loading: tiles.length === 0 && !stale && errors.length === 0 };
  }, [graded, stale, staleAgeMs, seenWall, services.isError, services.error, overview.isError, overview.error, queries, failed]);

  const busy = fetching || services.isFetching || overview.isFetching;
  return useMemo(() => ({ ...view, fetching: busy, ...(nextChangeMono !== undefined ? { nextChangeMono } : {}) }), [view, busy, nextChangeMono]);
}
