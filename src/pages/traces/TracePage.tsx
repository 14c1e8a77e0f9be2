import { Link, useParams, useSearchParams } from 'react-router';
import { parseTraceInput } from '../../model/traceInput';
import { TraceNotFound } from './TraceNotFound';
import { OpenTraceFile } from './files/OpenTraceFile';
import { TraceFileDropZone } from './files/TraceFileDropZone';
import { TraceView } from './TraceView';
import { useTraceLookup, type SourceAnswer } from './useTraceLookup';
import './traceView.css';

/** `/traces/:traceId`: one trace, looked up in every datasource that has traces. A trace file dropped anywhere opens. */
export function TracePage() {
  return (
    <>
      <TraceFileDropZone />
      <TracePageBody />
    </>
  );
}

function TracePageBody() {
  const raw = useParams().traceId ?? '';
  const parsed = parseTraceInput(raw);
  if (!parsed.ok) {
    return (
      <div className="page-message" role="alert">
        <h1>Not a trace ID</h1>
        <p>
          <code>{raw}</code>: {parsed.reason}
        </p>
      </div>
    );
  }
  return <TraceLookupPage traceId={parsed.traceId} />;
}

function TraceLookupPage({ traceId }: { traceId: string }) {
  // `?ds=<uid>`: the backend a cross link names (an exemplar's Prometheus points at one of several).
  const preferredUid = useSearchParams()[0].get('ds') ?? undefined;
  const lookup = useTraceLookup(traceId, preferredUid);
  if (lookup.answers.length === 0) return <NoTracesSource />;
  const failures = lookup.answers.filter((a): a is Extract<SourceAnswer, { state: 'failed' }> => a.state === 'failed');
  if (lookup.found) {
    return (
      <div className="trace-page">
        <UnknownPreferred uid={lookup.unknownPreferred} />
        <SourceFailures failures={failures} />
        {/* Keyed by trace: another trace starts with its own selection, collapse and find state. */}
        <TraceView key={traceId} trace={lookup.found.trace} sourceName={lookup.found.ds.name} sourceUid={lookup.found.ds.uid} />
      </div>
    );
  }
  if (lookup.pending) {
    return (
      <div className="trace-page">
        <UnknownPreferred uid={lookup.unknownPreferred} />
        <SourceFailures failures={failures} />
        <div className="page-message" role="status">
          Looking up trace <code>{traceId}</code> in {lookup.answers.map((a) => a.ds.name).join(', ')}…
        </div>
      </div>
    );
  }
  return (
    <>
      <UnknownPreferred uid={lookup.unknownPreferred} />
      <TraceNotFound traceId={traceId} failures={failures} />
    </>
  );
}

/** A link named a trace datasource that is not configured (an old bookmark, a tampered URL): said, and every one asked. */
function UnknownPreferred({ uid }: { uid: string | undefined }) {
  if (uid === undefined) return null;
  return (
    <p className="trace-notice" role="status">
      The link names the trace datasource <code>{uid}</code>, which is not configured here; every trace datasource was asked.
    </p>
  );
}

/** The datasources that failed while another had the trace: said once, above it. */
function SourceFailures({ failures }: { failures: ReadonlyArray<Extract<SourceAnswer, { state: 'failed' }>> }) {
  if (failures.length === 0) return null;
  return (
    <ul className="trace-source-failures" role="status">
      {failures.map((f) => (
        <li key={f.ds.uid}>
          {f.ds.name} did not return this trace: {f.error.message}
        </li>
      ))}
    </ul>
  );
}

function NoTracesSource() {
  return (
    <div className="page-message" role="alert">
      <h1>No traces datasource</h1>
      <p>
        None of the configured datasources can look up traces. Add a <code>jaeger</code>, <code>tempo</code> or <code>zipkin</code>{' '}
        datasource to <code>config.json</code>, or see the <Link to="/settings/datasources">datasources page</Link>. A trace file opens without one:
      </p>
      <OpenTraceFile />
    </div>
  );
}
