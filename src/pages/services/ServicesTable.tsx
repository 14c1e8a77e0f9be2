import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef } from 'react';
import { statusColor } from '../../lib/colors';
import { formatValue } from '../../lib/units';
import { visibleText } from '../../lib/visibleText';
import type { TimeRange } from '../../model/time';
import { Sparkline } from '../../panels/sparkline/Sparkline';
import { OVERVIEW_COLUMNS, type OverviewCell, type OverviewRow } from './overviewRows';
import { RowErrorBoundary } from './RowErrorBoundary';

interface ServicesTableProps {
  rows: readonly OverviewRow[];
  range: TimeRange;
  onOpen: (service: string) => void;
  hrefFor: (service: string) => string;
}

/** Every row is this tall (theme.css `.service-row`): names never wrap, so the virtualizer needs no measuring. */
export const SERVICE_ROW_HEIGHT = 44;
/** Rows drawn beyond each edge of the viewport, so a fast scroll does not show blank rows. */
const OVERSCAN = 6;
const COLUMN_COUNT = OVERVIEW_COLUMNS.length + 1;

function CellView({ cell, label, timeDomain }: { cell: OverviewCell; label: string; timeDomain: readonly [number, number] }) {
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
        label={`${label} ${cell.signal}`}
      />
    </td>
  );
}

interface ServiceRowProps {
  row: OverviewRow;
  timeDomain: readonly [number, number];
  onOpen: (service: string) => void;
  hrefFor: (service: string) => string;
}

const ServiceRow = memo(function ServiceRow({ row, timeDomain, onOpen, hrefFor }: ServiceRowProps) {
  const name = visibleText(row.service);
  return (
    <tr data-testid="service-row" data-service={row.service} data-status={row.worst} className="service-row" onClick={() => onOpen(row.service)}>
      <td className="service-name-col" title={name.title}>
        <span className="status-dot" style={{ background: statusColor(row.worst) }} aria-label={row.worst} />
        <a
          href={hrefFor(row.service)}
          onClick={(e) => {
            // Let the row's handler navigate in-app; modified clicks still open a new tab.
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) e.stopPropagation();
            else e.preventDefault();
          }}
        >
          <bdi className={name.marked ? 'marked-name' : undefined}>{name.text}</bdi>
        </a>
      </td>
      {row.cells.map((cell) => (
        <CellView key={cell.signal} cell={cell} label={name.text} timeDomain={timeDomain} />
      ))}
    </tr>
  );
});

function Spacer({ height }: { height: number }) {
  if (height <= 0) return null;
  return (
    <tr className="virtual-spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={COLUMN_COUNT} />
    </tr>
  );
}

/**
 * One row per service, worst first; clicking a row opens its dashboard. Only the rows in view (and a
 * few either side) are in the DOM, so only their sparklines draw: a wall of 1,000 services scrolls as
 * lightly as one of ten. Each row has its own error boundary: one bad row never hides the others.
 */
export const ServicesTable = memo(function ServicesTable({ rows, range, onOpen, hrefFor }: ServicesTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const timeDomain = useMemo(() => [range.from, range.to] as const, [range.from, range.to]);
  // We use no React Compiler; the rule only warns that the compiler would skip this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => SERVICE_ROW_HEIGHT,
    getItemKey: (index) => rows[index]!.service,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  // The spacers keep the table its full height from the first render, before any row is in view.
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const resetKey = `${range.from}:${range.to}`;
  return (
    <div className="services-scroll" ref={scrollRef} data-testid="services-scroll">
      <table className="services-table" aria-rowcount={rows.length + 1}>
        <thead>
          <tr>
            <th className="service-name-col">Service</th>
            {OVERVIEW_COLUMNS.map((c) => (
              <th key={c.signal}>{c.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <Spacer height={before} />
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <RowErrorBoundary key={row.service} service={row.service} columns={COLUMN_COUNT} resetKey={resetKey}>
                <ServiceRow row={row} timeDomain={timeDomain} onOpen={onOpen} hrefFor={hrefFor} />
              </RowErrorBoundary>
            );
          })}
          <Spacer height={after} />
        </tbody>
      </table>
    </div>
  );
});
