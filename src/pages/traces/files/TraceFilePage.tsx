import { Link, useParams, useSearchParams } from 'react-router';
import { summarizeTrace } from '../../../datasources/shared/traceSummary';
import { formatValue } from '../../../lib/units';
import type { Trace } from '../../../model/trace';
import { useTraceFile, type OpenedTraceFile } from '../../../state/traceFiles';
import { formatMicros } from '../format';
import { TraceView } from '../TraceView';
import '../traceView.css';
import './traceFiles.css';
import { OpenTraceFile } from './OpenTraceFile';
import { traceFileUrl } from './openFile';
import { TraceFileDropZone } from './TraceFileDropZone';

const TRACE_PARAM = 'trace';

/** `/traces/file/:fileKey?trace=…`: a trace file opened in this tab, while it is read, refused, or shown. */
export function TraceFilePage() {
  const key = useParams().fileKey ?? '';
  const file = useTraceFile(key);
  return (
    <div className="trace-page">
      <TraceFileDropZone />
      {file === undefined ? <NotLoaded name={key} /> : <OpenedFile file={file} />}
    </div>
  );
}

function OpenedFile({ file }: { file: OpenedTraceFile }) {
  switch (file.status) {
    case 'opening':
      return <Progress file={file} />;
    case 'failed':
      return (
        <div className="page-message" role="alert" data-testid="trace-file-error">
          <h1>
            <code>{file.name}</code> could not be opened
          </h1>
          <p className="trace-file-message">{file.message}</p>
          <OpenTraceFile label="Open another file" />
        </div>
      );
    case 'cancelled':
      return (
        <div className="page-message" role="status">
          <p>
            Opening <code>{file.name}</code> was cancelled.
          </p>
          <OpenTraceFile label="Open a file" />
        </div>
      );
    case 'loaded':
      return <LoadedFile file={file} />;
  }
}

function NotLoaded({ name }: { name: string }) {
  return (
    <div className="page-message" role="alert" data-testid="trace-file-gone">
      <h1>The file is no longer loaded</h1>
      <p>
        <code>{name}</code> was opened in this tab's memory only: a reload (or opening several other files) lets it go. Open it again, or drop it
        here.
      </p>
      <OpenTraceFile label="Open it again" />
    </div>
  );
}

const PHASE_TEXT = { reading: 'Reading', json: 'Parsing JSON', convert: 'Converting spans', tree: 'Building the tree' } as const;
const STEP = { reading: 1, json: 2, convert: 3, tree: 4 } as const;

function Progress({ file }: { file: Extract<OpenedTraceFile, { status: 'opening' }> }) {
  const reading = file.phase === 'reading';
  const size = formatValue(file.size, 'bytes');
  return (
    <div className="page-message trace-file-progress" role="status" data-testid="trace-file-progress" data-phase={file.phase}>
      <p>
        Opening <code>{file.name}</code> ({size})
      </p>
      {/* Reading has a size to measure against; JSON.parse and the conversion are one step each: indeterminate. */}
      {reading ? <progress max={Math.max(1, file.size)} value={file.loaded} aria-label="Read" /> : <progress aria-label={PHASE_TEXT[file.phase]} />}
      <p className="trace-file-phase">
        {reading ? `${PHASE_TEXT.reading} ${formatValue(file.loaded, 'bytes')} of ${size}` : `${PHASE_TEXT[file.phase]}…`} (step {STEP[file.phase]} of 4)
      </p>
      <button type="button" onClick={file.cancel}>
        Cancel
      </button>
    </div>
  );
}

function LoadedFile({ file }: { file: Extract<OpenedTraceFile, { status: 'loaded' }> }) {
  const [params] = useSearchParams();
  const wanted = params.get(TRACE_PARAM);
  const only = file.traces.length === 1 ? file.traces[0] : undefined;
  const index = only !== undefined ? 0 : file.traces.findIndex((t) => t.traceId === wanted);
  const trace = file.traces[index];
  const source = `${file.name} (${file.format})`;
  if (trace === undefined) return <Chooser file={file} missing={wanted} />;
  return (
    <>
      <div className="trace-file-bar">
        {only === undefined && <Link to={traceFileUrl(file.key)}>← all {file.traces.length} traces in this file</Link>}
        <OpenTraceFile label="Open another file" />
      </div>
      {/* Keyed by file and trace: each starts with its own selection, collapse and find state. */}
      <TraceView key={`${file.key}\n${trace.traceId}`} trace={trace} tree={file.trees[index]} sourceName={source} />
    </>
  );
}

/** A file of several traces: one row each, to choose from. */
function Chooser({ file, missing }: { file: Extract<OpenedTraceFile, { status: 'loaded' }>; missing: string | null }) {
  return (
    <div className="trace-file-chooser">
      <h1>
        <code>{file.name}</code>: {file.traces.length} traces ({file.format})
      </h1>
      {missing !== null && (
        <p className="trace-notice" role="status">
          Trace <code>{missing}</code> is not in this file.
        </p>
      )}
      <table className="trace-file-list" data-testid="trace-file-chooser">
        <thead>
          <tr>
            <th>Root</th>
            <th>Trace ID</th>
            <th className="num">Spans</th>
            <th className="num">Errors</th>
            <th className="num">Duration</th>
          </tr>
        </thead>
        <tbody>
          {file.traces.map((t) => (
            <ChooserRow key={t.traceId} fileKey={file.key} trace={t} />
          ))}
        </tbody>
      </table>
      <OpenTraceFile label="Open another file" />
    </div>
  );
}

function ChooserRow({ fileKey, trace }: { fileKey: string; trace: Trace }) {
  const s = summarizeTrace(trace);
  return (
    <tr>
      <td>
        <Link to={traceFileUrl(fileKey, trace.traceId)}>
          <strong>{s.rootService}</strong> {s.rootName}
        </Link>
      </td>
      <td className="mono">{trace.traceId}</td>
      <td className="num">{trace.spans.length.toLocaleString('en-US')}</td>
      <td className="num">{(s.errorCount ?? 0).toLocaleString('en-US')}</td>
      <td className="num">{formatMicros(s.durationMs * 1000)}</td>
    </tr>
  );
}
