import type { SpanGroupStats } from './traceStats';

/** The summary table's sortable columns. */
export type SummaryColumn = 'name' | 'count' | 'totalUs' | 'avgUs' | 'selfTotalUs' | 'errorCount';
export interface SummarySort {
  column: SummaryColumn;
  descending: boolean;
}

/** Where the table opens: the groups that held the trace's own time longest first. */
export const DEFAULT_SUMMARY_SORT: SummarySort = { column: 'selfTotalUs', descending: true };

/** A group's shown name: the service, then the operation on an operation line. */
export function groupName(g: SpanGroupStats): string {
  return g.operation === undefined ? g.service : `${g.service} ${g.operation}`;
}

/**
 * A sorted copy. Ties (and the name column) fall back to the unique key in code-unit order, so the order is the
 * same on every render, every locale and every refetch.
 */
export function sortSummary(groups: readonly SpanGroupStats[], sort: SummarySort): SpanGroupStats[] {
  const sign = sort.descending ? -1 : 1;
  const byKey = (a: SpanGroupStats, b: SpanGroupStats) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const column = sort.column;
  if (column === 'name') return [...groups].sort((a, b) => sign * byKey(a, b));
  return [...groups].sort((a, b) => sign * (a[column] - b[column]) || byKey(a, b));
}

/** A click on a column: the same column flips; a new one starts descending, except names, which start A→Z. */
export function nextSort(current: SummarySort, column: SummaryColumn): SummarySort {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: column !== 'name' };
}
