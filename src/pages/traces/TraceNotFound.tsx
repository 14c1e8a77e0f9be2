import { Link } from 'react-router';
import { isTraceNotFound } from '../../datasources/shared/traceErrors';
import { traceSearchUrl } from '../../model/links';
import { describeRange } from '../../state/timeUrl';
import { useTimeRange } from '../../state/useTimeRange';
import type { SourceAnswer } from './useTraceLookup';

type Failed = Extract<SourceAnswer, { state: 'failed' }>;

/**
 * No datasource returned the trace. Each one asked is listed with what it said: "has no trace <id>" when it
 * answered that it does not have it (the adapters' shared not-found error), or its error when the lookup
 * itself failed, which is a different thing to fix. The search link keeps the window the lookup used.
 */
export function TraceNotFound({ traceId, failures }: { traceId: string; failures: readonly Failed[] }) {
  const { raw, range, params } = useTimeRange();
  const notFoundIn = failures.filter((f) => isTraceNotFound(f.error)).map((f) => f.ds.name);
  const anyNotFound = notFoundIn.length > 0;
  return (
    <div className="page-message" role="alert" data-testid="trace-not-found">
      <h1>Trace not found</h1>
      <p data-testid="trace-not-found-summary">
        {anyNotFound ? (
          <>
            Trace <code>{traceId}</code> not found in {notFoundIn.join(', ')}. Asked:
          </>
        ) : (
          <>
            No datasource returned trace <code>{traceId}</code>. Asked:
          </>
        )}
      </p>
      <ul className="trace-sources-asked">
        {failures.map((f) =>
          isTraceNotFound(f.error) ? (
            <li key={f.ds.uid} data-outcome="not-found">
              <strong>{f.ds.name}</strong>: has no trace <code>{traceId}</code>
            </li>
          ) : (
            <li key={f.ds.uid} data-outcome="failed">
              <strong>{f.ds.name}</strong>: the lookup failed: {f.error.message}
            </li>
          ),
        )}
      </ul>
      {anyNotFound ? <p>A backend that looks traces up by time only finds them within the page’s time range ({describeRange(raw, range.to)}): try a wider one.</p> : null}
      <p>
        <Link to={traceSearchUrl({}, params)} data-testid="search-in-window">
          Search traces in this window
        </Link>
      </p>
    </div>
  );
}
