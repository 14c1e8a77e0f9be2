import { memo } from 'react';
import { statusColor } from '../../lib/colors';
import { formatValue } from '../../lib/units';
import type { TimeRange } from '../../model/time';
import { Sparkline } from '../../panels/sparkline/Sparkline';
import { OVERVIEW_COLUMNS, type OverviewCell, type OverviewRow } from './overviewRows';

interface ServicesTableProps {
  rows: readonly OverviewRow[];
  range: TimeRange;
  onOpen: (service: string) => void;
  hrefFor: (service: string) => string;
}

function CellView({ cell, service, timeDomain }: { cell: OverviewCell; service: string; timeDomain: readonly [number, number] }) {
  const color = statusColor(cell.status);
  const text = cell.value !== undefined ? formatValue(cell.value, cell.unit) : cell.state === 'error' ? 'error' : cell.state === 'loading' ? '…' : '–';
  return (
    <td className={`signal-cell status-${cell.status}`} title={cell.error} data-signal={cell.signal} data-status={cell.status}>
      <span className="signal-value" style={{ color }}>
        {text}
      </span>
      <Sparkline
        times={cell.series?.times}
        values={cell.series?.values}
        state={cell.state}
        color={color}
        width={72}
        timeDomain={timeDomain}
        label={`${service} ${cell.signal}`}
      />
    </td>
  );
}

/** One row per service, worst first; clicking a row opens its dashboard. */
export const ServicesTable = memo(function ServicesTable({ rows, range, onOpen, hrefFor }: ServicesTableProps) {
  const timeDomain = [range.from, range.to] as const;
  return (
    <table className="services-table">
      <thead>
        <tr>
          <th className="service-name-col">Service</th>
          {OVERVIEW_COLUMNS.map((c) => (
            <th key={c.signal}>{c.title}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.service}
            data-testid="service-row"
            data-service={row.service}
            data-status={row.worst}
            className="service-row"
            onClick={() => onOpen(row.service)}
          >
            <td className="service-name-col">
              <span className="status-dot" style={{ background: statusColor(row.worst) }} aria-label={row.worst} />
              <a
                href={hrefFor(row.service)}
                onClick={(e) => {
                  // Let the row's handler navigate in-app; modified clicks still open a new tab.
                  if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) e.stopPropagation();
                  else e.preventDefault();
                }}
              >
                {row.service}
              </a>
            </td>
            {row.cells.map((cell) => (
              <CellView key={cell.signal} cell={cell} service={row.service} timeDomain={timeDomain} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
