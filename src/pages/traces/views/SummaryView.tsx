import { useMemo, useState } from 'react';
import { seriesColor } from '../../../lib/colors';
import { selfTimes } from '../../../model/selfTime';
import { DEFAULT_SUMMARY_SORT, nextSort, sortSummary, type SummaryColumn, type SummarySort } from '../../../model/traceSummaryTable';
import { traceStatistics, type SpanGroupStats } from '../../../model/traceStats';
import type { TraceTree } from '../../../model/traceTree';
import { formatMicros } from '../format';

type Grouping = 'service' | 'operation';

const COLUMNS: ReadonlyArray<readonly [SummaryColumn, string]> = [
  ['count', 'Spans'],
  ['totalUs', 'Total time'],
  ['avgUs', 'Average'],
  ['selfTotalUs', 'Self time'],
  ['errorCount', 'Errors'],
];

/**
 * Where the trace's time went, per service or per service and operation: span count, total and average
 * duration, self time (the part not spent waiting on children) with its share of the trace, and errors.
 */
export function SummaryView({ tree, traceDurationUs }: { tree: TraceTree; traceDurationUs: number }) {
  const stats = useMemo(() => traceStatistics(tree, selfTimes(tree)), [tree]);
  const [grouping, setGrouping] = useState<Grouping>('service');
  const [sort, setSort] = useState<SummarySort>(DEFAULT_SUMMARY_SORT);
  const groups = useMemo(() => sortSummary(grouping === 'service' ? stats.byService : stats.byOperation, sort), [stats, grouping, sort]);
  const colorOf = useMemo(() => new Map(tree.services.map((s) => [s.name, seriesColor(s.colorIndex)])), [tree]);
  const ariaSort = (column: SummaryColumn) => (sort.column === column ? (sort.descending ? 'descending' : 'ascending') : undefined);
  const header = (column: SummaryColumn, label: string, numeric: boolean) => (
    <th key={column} scope="col" aria-sort={ariaSort(column)} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort-button" onClick={() => setSort((s) => nextSort(s, column))}>
        {label}
        {sort.column === column ? (sort.descending ? ' ▾' : ' ▴') : ''}
      </button>
    </th>
  );
  return (
    <section className="trace-summary" data-testid="trace-summary" data-state="ready" aria-label="Trace summary">
      <div className="trace-summary-toolbar" role="group" aria-label="Group by">
        <button type="button" aria-pressed={grouping === 'service'} onClick={() => setGrouping('service')}>
          By service
        </button>
        <button type="button" aria-pressed={grouping === 'operation'} onClick={() => setGrouping('operation')}>
          By operation
        </button>
        <span className="trace-summary-note">Self time: a span’s time not covered by its children. Trace: {formatMicros(traceDurationUs)}.</span>
      </div>
      <div className="trace-summary-scroll">
        <table className="trace-summary-table">
          <thead>
            <tr>
              {header('name', grouping === 'service' ? 'Service' : 'Service and operation', false)}
              {COLUMNS.map(([column, label]) => header(column, label, true))}
              <th scope="col" className="num">
                Self share
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <SummaryRow key={g.key} group={g} color={colorOf.get(g.service) ?? '#8e8e8e'} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SummaryRow({ group: g, color }: { group: SpanGroupStats; color: string }) {
  return (
    <tr data-testid="summary-row" data-service={g.service} data-operation={g.operation}>
      <th scope="row">
        <span className="span-service-swatch" style={{ background: color }} /> <span className="span-service">{g.service}</span>
        {g.operation !== undefined && <span className="span-name"> {g.operation}</span>}
      </th>
      <td className="num" data-column="count">
        {g.count.toLocaleString('en-US')}
      </td>
      <td className="num">{formatMicros(g.totalUs)}</td>
      <td className="num">{formatMicros(g.avgUs)}</td>
      <td className="num">{formatMicros(g.selfTotalUs)}</td>
      <td className={g.errorCount > 0 ? 'num status-error' : 'num'} data-column="errors">
        {g.errorCount.toLocaleString('en-US')}
      </td>
      <td className="num">
        <span className="share-bar" style={{ width: `${Math.round(g.selfShareOfTrace * 100)}%` }} />
        {(g.selfShareOfTrace * 100).toFixed(1)} %
      </td>
    </tr>
  );
}
