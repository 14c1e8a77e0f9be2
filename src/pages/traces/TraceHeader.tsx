import { seriesColor } from '../../lib/colors';
import type { TraceTreeSummary } from '../../model/traceStats';
import type { TraceTree } from '../../model/traceTree';
import { CrossLinks } from '../shared/CrossLinkAnchor';
import { useCorrelator } from '../shared/correlator';
import { formatCount, formatMicros } from './format';

/** What an engineer reads first: how long, how big, which services, and what the model had to adjust. */
export function TraceHeader({ tree, summary, sourceName, sourceUid }: { tree: TraceTree; summary: TraceTreeSummary; sourceName: string; sourceUid: string }) {
  const correlator = useCorrelator();
  const logs = correlator.logsForTrace({ datasourceUid: sourceUid, traceId: tree.traceId, startMs: summary.startUs / 1000, endMs: (summary.startUs + summary.durationUs) / 1000 });
  return (
    <header className="trace-header">
      <h1>
        <span className="trace-root-service">{summary.rootService}</span> <span className="trace-root-name">{summary.rootName}</span>
      </h1>
      <dl className="trace-facts">
        <div>
          <dt>Trace ID</dt>
          <dd className="mono">{tree.traceId}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd data-testid="trace-duration">{formatMicros(summary.durationUs)}</dd>
        </div>
        <div>
          <dt>Spans</dt>
          <dd data-testid="trace-span-count">{formatCount(summary.spanCount)}</dd>
        </div>
        <div>
          <dt>Errors</dt>
          <dd className={summary.errorCount > 0 ? 'status-error' : undefined}>{formatCount(summary.errorCount)}</dd>
        </div>
        <div>
          <dt>Depth</dt>
          <dd data-testid="trace-depth">{formatCount(summary.depth)}</dd>
        </div>
        <div>
          <dt>From</dt>
          <dd>{sourceName}</dd>
        </div>
      </dl>
      <ul className="trace-services" aria-label="Services">
        {tree.services.map((s) => (
          <li key={s.name}>
            <span className="span-service-swatch" style={{ background: seriesColor(s.colorIndex) }} />
            {s.name}
          </li>
        ))}
      </ul>
      <CrossLinks label="Trace links" links={[{ link: logs }]} />
      {tree.warnings.length > 0 && (
        <ul className="trace-warnings" aria-label="Warnings">
          {tree.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </header>
  );
}
