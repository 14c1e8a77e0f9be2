import { useState } from 'react';
import { Link } from 'react-router';
import { traceSpanUrl } from '../../model/links';
import type { Attrs, Span } from '../../model/trace';
import { RowFlag, type TraceTree } from '../../model/traceTree';
import { CrossLinks } from '../shared/CrossLinkAnchor';
import { useCorrelator } from '../shared/correlator';
import { attrText, formatCount, formatMicros, LONG_TEXT_CHARS } from './format';
import { serviceColorOf } from './Waterfall';

interface SpanDetailProps {
  tree: TraceTree;
  row: number;
  traceStartUs: number;
  onSelect: (row: number) => void;
  onClose: () => void;
  /** The trace datasource the trace came from ('' for a trace file), for the cross links. */
  sourceUid?: string;
}

/** Everything about one span. Every string a server sent is rendered as text, never as markup. */
export function SpanDetail({ tree, row, traceStartUs, onSelect, onClose, sourceUid = '' }: SpanDetailProps) {
  const span = tree.spans[row]!;
  const correlator = useCorrelator();
  const startMs = tree.startUs[row]! / 1000;
  const endMs = startMs + tree.durationUs[row]! / 1000;
  const synthetic = (tree.flags[row]! & RowFlag.SYNTHETIC) !== 0;
  const skew = tree.skewUs[row]!;
  const message = statusMessage(span);
  const references = tree.references.filter((r) => r.fromRow === row);
  return (
    <aside className="span-detail" aria-label="Span detail" data-testid="span-detail">
      <header className="span-detail-head">
        <span className="span-service-swatch" style={{ background: serviceColorOf(tree, row) }} />
        <h2>{span.name}</h2>
        <button type="button" className="span-detail-close" aria-label="Close span detail" onClick={onClose}>
          ×
        </button>
      </header>
      {!synthetic && (
        <CrossLinks
          label="Span links"
          links={[
            { link: correlator.logsForSpan(sourceUid, { traceId: tree.traceId, spanId: span.spanId, service: span.service, startMs, endMs }) },
            { link: correlator.signalsOfService(span.service, startMs) },
          ]}
        />
      )}
      {synthetic && <p className="span-detail-note">A stand-in for a parent span the backend did not return; its children are the orphans below it.</p>}
      <dl className="span-detail-facts">
        <dt>Service</dt>
        <dd>{span.service}</dd>
        <dt>Span ID</dt>
        <dd>
          <code>{span.spanId}</code> <CopyButton text={span.spanId} label="span ID" />
        </dd>
        {span.parentSpanId !== undefined && (
          <>
            <dt>Parent ID</dt>
            <dd>
              <code>{span.parentSpanId}</code> <CopyButton text={span.parentSpanId} label="parent ID" />
            </dd>
          </>
        )}
        <dt>Trace ID</dt>
        <dd>
          <code>{tree.traceId}</code> <CopyButton text={tree.traceId} label="trace ID" />
        </dd>
        <dt>Start</dt>
        <dd>{formatMicros(tree.startUs[row]! - traceStartUs)} after the trace began</dd>
        <dt>Duration</dt>
        <dd>{formatMicros(tree.durationUs[row]!)}</dd>
        <dt>Kind</dt>
        <dd>{span.kind}</dd>
        <dt>Status</dt>
        <dd className={span.status === 'error' ? 'status-error' : undefined}>
          {span.status}
          {message !== undefined && (
            <>
              {': '}
              <LongText text={message} />
            </>
          )}
        </dd>
        {skew !== 0 && (
          <>
            <dt>Clock skew</dt>
            <dd>
              Shifted by {skew > 0 ? '+' : ''}
              {formatMicros(skew)} to lie inside its parent
            </dd>
          </>
        )}
      </dl>
      <AttrTable title="Attributes" attrs={span.attributes} />
      <AttrTable title="Resource attributes" attrs={span.resource} />
      {span.events.length > 0 && (
        <section>
          <h3>Events ({span.events.length})</h3>
          <ol className="span-events">
            {span.events.map((ev, i) => (
              // Events have no ID and never reorder: their place in the span is their identity.
              <li key={`${i}:${ev.timeUs}`}>
                <span className="mono">+{formatMicros(ev.timeUs - span.startUs)}</span> <strong>{ev.name}</strong>
                <AttrTable attrs={ev.attributes} />
              </li>
            ))}
          </ol>
        </section>
      )}
      {references.length > 0 && (
        <section>
          <h3>References ({references.length})</h3>
          <ul className="span-references">
            {references.map((ref) => (
              <li key={`${ref.kind}:${ref.traceId}:${ref.spanId}`}>
                <span className="ref-kind">{ref.kind.replace('_', ' ')}</span>{' '}
                {ref.toRow >= 0 ? (
                  <button type="button" className="link-button" onClick={() => onSelect(ref.toRow)}>
                    {tree.spans[ref.toRow]!.name} ({ref.spanId})
                  </button>
                ) : (
                  <Link to={traceSpanUrl(ref.traceId, ref.spanId)}>
                    span {ref.spanId} in trace {ref.traceId}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}

/** OTLP's status message where the adapter kept it (`statusMessage`), else the attributes that carry it. */
function statusMessage(span: Span): string | undefined {
  if ('statusMessage' in span && typeof span.statusMessage === 'string' && span.statusMessage !== '') return span.statusMessage;
  for (const key of ['otel.status_description', 'error.message']) {
    const v = span.attributes[key];
    if (typeof v === 'string' && v !== '') return v;
  }
  return undefined;
}

function AttrTable({ title, attrs }: { title?: string; attrs: Attrs }) {
  const keys = Object.keys(attrs).sort();
  if (keys.length === 0) return null;
  const table = (
    <table className="attr-table">
      <tbody>
        {keys.map((k) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>
              <LongText text={attrText(attrs[k]!)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!title) return table;
  return (
    <section>
      <h3>
        {title} ({keys.length})
      </h3>
      {table}
    </section>
  );
}

/** A value cut at LONG_TEXT_CHARS with a "show all": a 1 MB attribute must not stall the panel. */
function LongText({ text }: { text: string }) {
  const [all, setAll] = useState(false);
  if (all || text.length <= LONG_TEXT_CHARS) return <span className="attr-value">{text}</span>;
  return (
    <span className="attr-value">
      {text.slice(0, LONG_TEXT_CHARS)}…{' '}
      <button type="button" className="link-button" onClick={() => setAll(true)}>
        show all {formatCount(text.length)} characters
      </button>
    </span>
  );
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    // The Clipboard API needs a secure context; over plain http it is missing, and that is said, not hidden.
    if (typeof navigator.clipboard?.writeText !== 'function') {
      setState('failed');
      return;
    }
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button type="button" className="copy-button" aria-label={`Copy ${label}`} onClick={copy}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the text' : 'Copy'}
    </button>
  );
}
