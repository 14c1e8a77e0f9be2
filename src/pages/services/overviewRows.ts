import type { OverviewQuery, RangeResult, SignalName } from '../../datasources/types';
import type { Series } from '../../model/series';
import { statusOf, statusRank, thresholdsFor, worstStatus, type Status } from '../../model/thresholds';
import type { Unit } from '../../model/units';
import { lastFinite } from '../../panels/shared/seriesStats';
import type { PanelState } from '../../panels/shared/types';

/** The overview's columns: the four Golden Signals, latency at three percentiles. */
export const OVERVIEW_COLUMNS: ReadonlyArray<{ signal: SignalName; title: string; unit: Unit }> = [
  { signal: 'requestRate', title: 'Request rate', unit: 'reqps' },
  { signal: 'errorRatio', title: 'Error ratio', unit: 'percentunit' },
  { signal: 'latencyP50', title: 'p50', unit: 's' },
  { signal: 'latencyP95', title: 'p95', unit: 's' },
  { signal: 'latencyP99', title: 'p99', unit: 's' },
  { signal: 'saturation', title: 'Saturation', unit: 'percentunit' },
];

/** One overview query's outcome, as the page's useQueries reports it. */
export interface OverviewResult {
  data?: RangeResult;
  error?: string;
  loading: boolean;
}

export interface OverviewCell {
  signal: SignalName;
  unit: Unit;
  state: PanelState;
  series?: Series;
  value?: number;
  status: Status;
  error?: string;
}

export interface OverviewRow {
  service: string;
  cells: OverviewCell[];
  worst: Status;
}

/**
 * The most rows the overview builds and draws. A fleet larger than this shows its worst services and
 * says how many more there are; the adapter asks the server for no more series than this per query.
 */
export const OVERVIEW_ROW_CAP = 1000;

/** The rows to draw, worst first, and how many services there were before the cap. */
export interface OverviewTable {
  rows: OverviewRow[];
  /** Services found (after the `only` filter), shown or not. */
  total: number;
  capped: boolean;
}

export interface OverviewOptions {
  /** Only these services (the `var-service` filter), applied before the cap. */
  only?: readonly string[];
  cap?: number;
}

/**
 * One row per service, one cell per column. A service's series is looked up by the query's own
 * service label (`service_name` for OTel, `job` for classic), across every query of the column, since
 * each convention (and each saturation form) has its own query. Queries of a column are in order of
 * preference: a service takes the first one that has its series, and waits (loading) while a query
 * before that one still runs, so a cell never shows a fallback form for a moment. It shows an error
 * only if no query had the service, and is empty when the data simply has no such series.
 */
export function buildOverviewRows(
  services: readonly string[],
  queries: readonly OverviewQuery[],
  results: readonly OverviewResult[],
  only?: readonly string[],
): OverviewRow[] {
  // Each answer indexed by service once, so a row costs a lookup per query, not a scan of every series.
  const wanted = only && only.length > 0 ? new Set(only) : undefined;
  const names = new Set<string>();
  const add = (name: string) => {
    if (!wanted || wanted.has(name)) names.add(name);
  };
  services.forEach(add);
  const byService = queries.map((q, i) => {
    const index = new Map<string, Series>();
    for (const s of results[i]?.data?.series ?? []) {
      const name = s.labels[q.serviceLabel];
      if (!name) continue;
      add(name);
      if (!index.has(name)) index.set(name, s);
    }
    return index;
  });
  const columns = OVERVIEW_COLUMNS.map((column) => {
    const mine = queries.flatMap((q, i) => (q.signal === column.signal ? [{ q, r: results[i], index: byService[i]! }] : []));
    return { column, mine, missing: missingCell(column, mine) };
  });

  return [...names].map((service) => {
    const cells = columns.map(({ column, mine, missing }): OverviewCell => {
      for (const { q, r, index } of mine) {
        const series = index.get(service);
        if (series) {
          const value = lastFinite(series.values);
          // The unit is the form's own: 1.2 cores is not 120 % of anything.
          const status = statusOf(value, thresholdsFor(column.signal, q.unit));
          return { signal: column.signal, unit: q.unit, state: 'ready', series, value, status };
        }
        if (isPending(r)) return missing;
      }
      return missing;
    });
    return { service, cells, worst: worstStatus(cells.map((c) => c.status)) };
  });
}

/** Never answered yet. Answered before while a refresh loads counts as answered: the last answer stands. */
function isPending(r: OverviewResult | undefined): boolean {
  return !r || (r.loading && !r.data);
}

/**
 * The cell of a service that no query of the column has (yet): the same for every such service, so it
 * is built once per column and shared. Loading while a query has not answered, else the first error,
 * else empty.
 */
function missingCell(column: (typeof OVERVIEW_COLUMNS)[number], mine: ReadonlyArray<{ q: OverviewQuery; r: OverviewResult | undefined }>): OverviewCell {
  const base = { signal: column.signal, unit: mine[0]?.q.unit ?? column.unit, status: 'unknown' as const };
  if (mine.some(({ r }) => isPending(r))) return { ...base, state: 'loading' };
  const failed = mine.find(({ r }) => r?.error !== undefined);
  if (failed) return { ...base, state: 'error', error: failed.r!.error };
  return { ...base, state: 'empty' };
}

/**
 * The overview's table: rows worst first, at most `cap` of them. However many series a server sends
 * (a hostile one ignores `topk`), the page draws no more rows than this.
 */
export function buildOverview(
  services: readonly string[],
  queries: readonly OverviewQuery[],
  results: readonly OverviewResult[],
  options: OverviewOptions = {},
): OverviewTable {
  const cap = options.cap ?? OVERVIEW_ROW_CAP;
  const all = sortByWorst(buildOverviewRows(services, queries, results, options.only));
  return { rows: all.length > cap ? all.slice(0, cap) : all, total: all.length, capped: all.length > cap };
}

function errorRatioOf(row: OverviewRow): number {
  const v = row.cells.find((c) => c.signal === 'errorRatio')?.value;
  return v === undefined || Number.isNaN(v) ? -Infinity : v;
}

/** Worst status first, then the higher error ratio, then by name so the order is stable between refreshes. */
export function sortByWorst(rows: readonly OverviewRow[]): OverviewRow[] {
  // Keys computed once per row, not once per comparison: a capped fleet sorts tens of thousands.
  const keyed = rows.map((row) => ({ row, rank: statusRank(row.worst), errors: errorRatioOf(row) }));
  keyed.sort(
    (a, b) =>
      b.rank - a.rank ||
      b.errors - a.errors ||
      (a.row.service < b.row.service ? -1 : a.row.service > b.row.service ? 1 : 0),
  );
  return keyed.map((k) => k.row);
}
