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
 * One row per service, one cell per column. A service's series is looked up by the query's own
 * service label (`service_name` for OTel, `job` for classic), across every query of the column, since
 * each convention has its own query. A cell waits (loading) while any of its queries runs, shows an
 * error only if none of them had the service, and is empty when the data simply has no such series.
 */
export function buildOverviewRows(
  services: readonly string[],
  queries: readonly OverviewQuery[],
  results: readonly OverviewResult[],
): OverviewRow[] {
  // Each answer indexed by service once, so a row costs a lookup per query, not a scan of every series.
  const names = new Set(services);
  const byService = queries.map((q, i) => {
    const index = new Map<string, Series>();
    for (const s of results[i]?.data?.series ?? []) {
      const name = s.labels[q.serviceLabel];
      if (!name) continue;
      names.add(name);
      if (!index.has(name)) index.set(name, s);
    }
    return index;
  });
  const columns = OVERVIEW_COLUMNS.map((column) => ({
    column,
    mine: queries.flatMap((q, i) => (q.signal === column.signal ? [{ q, r: results[i], index: byService[i]! }] : [])),
  }));

  return [...names].map((service) => {
    const cells = columns.map(({ column, mine }): OverviewCell => {
      for (const { q, index } of mine) {
        const series = index.get(service);
        if (series) {
          const value = lastFinite(series.values);
          const status = statusOf(value, thresholdsFor(column.signal));
          return { signal: column.signal, unit: q.unit, state: 'ready', series, value, status };
        }
      }
      const base = { signal: column.signal, unit: mine[0]?.q.unit ?? column.unit, status: 'unknown' as const };
      if (mine.some(({ r }) => !r || r.loading)) return { ...base, state: 'loading' };
      const failed = mine.find(({ r }) => r?.error !== undefined);
      if (failed) return { ...base, state: 'error', error: failed.r!.error };
      return { ...base, state: 'empty' };
    });
    return { service, cells, worst: worstStatus(cells.map((c) => c.status)) };
  });
}

function errorRatioOf(row: OverviewRow): number {
  const v = row.cells.find((c) => c.signal === 'errorRatio')?.value;
  return v === undefined || Number.isNaN(v) ? -Infinity : v;
}

/** Worst status first, then the higher error ratio, then by name so the order is stable between refreshes. */
export function sortByWorst(rows: readonly OverviewRow[]): OverviewRow[] {
  return [...rows].sort(
    (a, b) =>
      statusRank(b.worst) - statusRank(a.worst) ||
      errorRatioOf(b) - errorRatioOf(a) ||
      (a.service < b.service ? -1 : a.service > b.service ? 1 : 0),
  );
}
