import { Link } from 'react-router';
import { seriesColor } from '../../lib/colors';
import { traceUrl } from '../../model/links';
import { serviceColorIndex } from '../../model/serviceColor';
import type { TraceSummary } from '../../model/trace';
import type { TraceSort, TraceSortKey } from '../../model/traceSearchUrl';
import { formatMicros } from '../traces/format';
import { VisibleName } from './VisibleName';

const COLUMNS: ReadonlyArray<{ key: TraceSortKey; label: string; numeric?: boolean }> = [
  { key: 'service', label: 'Root service and operation' },
  { key: 'spans', label: 'Spans', numeric: true },
  { key: 'errors', label: 'Errors', numeric: true },
  { key: 'duration', label: 'Duration', numeric: true },
  { key: 'start', label: 'Start' },
];

/** The most services drawn per row; the rest are counted. */
const MAX_SERVICE_CHIPS = 8;

interface ResultsTableProps {
  traces: readonly TraceSummary[];
  sort: TraceSort;
  onSort: (key: TraceSortKey) => void;
}

/** The result list, sorted as the URL says; each row opens its trace with a window around its start. */
export function ResultsTable({ traces, sort, onSort }: ResultsTableProps) {
  return (
    <table className="trace-results" aria-label="Traces found">
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
              <button type="button" className="sort-button" onClick={() => onSort(c.key)}>
                {c.label}
                <span aria-hidden="true">{sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}</span>
              </button>
            </th>
          ))}
          <th scope="col">Services</th>
        </tr>
      </thead>
      <tbody>
        {traces.map((t) => (
          <tr key={t.traceId} data-testid="trace-result" data-trace-id={t.traceId} className={(t.errorCount ?? 0) > 0 ? 'has-errors' : undefined}>
            <td className="trace-result-name">
              <Link to={traceUrl(t.traceId, { timeMs: t.startMs + t.durationMs / 2 })}>
                <VisibleName className="trace-result-service" value={t.rootService} maxChars={40} />
                {': '}
                <VisibleName value={t.rootName} />
              </Link>
              <span className="trace-result-id mono">{t.traceId}</span>
            </td>
            <td className="num">{t.spanCount ?? '–'}</td>
            <td className={`num${(t.errorCount ?? 0) > 0 ? ' error-count' : ''}`}>{t.errorCount ?? '–'}</td>
            <td className="num">{formatMicros(t.durationMs * 1000)}</td>
            <td className="mono">{new Date(t.startMs).toLocaleString()}</td>
            <td>
              <ServiceChips services={t.services} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ServiceChips({ services }: { services: readonly string[] | undefined }) {
  if (services === undefined) return <span className="dim">–</span>;
  const shown = services.slice(0, MAX_SERVICE_CHIPS);
  return (
    <ul className="service-chips" aria-label="Services">
      {shown.map((s) => (
        <li key={s}>
          <span className="service-chip-swatch" style={{ background: seriesColor(serviceColorIndex(s)) }} />
          <VisibleName value={s} maxChars={30} />
        </li>
      ))}
      {services.length > shown.length ? <li className="dim">+{services.length - shown.length} more</li> : null}
    </ul>
  );
}
