import { lazy, Suspense, useMemo, useState } from 'react';
import type { DataSource } from '../../datasources/types';
import { addToHistory, browserStorage, historyKey, readHistory } from '../../editor/history';
import type { TimeRange } from '../../model/time';
import { errorText } from '../shared/panelQuery';

// CodeMirror and Prometheus' language package are Explore's alone: loaded when the first editor mounts.
const PromQLField = lazy(() => import('./PromQLField'));

const PLACEHOLDER = 'PromQL, e.g. sum by (service_name) (rate(http_server_request_duration_seconds_count[$__rate_interval]))';

interface QueryEditorProps {
  ds: DataSource;
  range: TimeRange;
  name: string;
  /** The query last run (from the URL); the editor's draft starts from it and follows it on Back. */
  query: string;
  /** The last run's failure, if it failed: a parse error is underlined where the server points. */
  error?: unknown;
  onRun: (text: string) => void;
  onRemove?: () => void;
}

/** A PromQL editor row. Shift+Enter or Ctrl+Enter runs it, as in Grafana; every run goes into the datasource's history. */
export function QueryEditor({ ds, range, name, query, error, onRun, onRemove }: QueryEditorProps) {
  const [draft, setDraft] = useState(query);
  const [seen, setSeen] = useState(query);
  const [historyOpen, setHistoryOpen] = useState(false);
  // The URL moved (Back, a pasted link): show what it holds rather than a stale draft.
  if (seen !== query) {
    setSeen(query);
    setDraft(query);
  }
  const key = historyKey('PromQL', ds.uid);
  const run = (text: string) => {
    addToHistory(browserStorage(), key, text);
    setHistoryOpen(false);
    onRun(text);
  };
  const serverError = useMemo(() => (error === undefined ? undefined : { query, message: errorText(error) }), [error, query]);
  const editorId = `query-${name}`;
  return (
    <div className="query-editor-frame">
      <form
        className="query-editor"
        onSubmit={(e) => {
          e.preventDefault();
          run(draft);
        }}
      >
        <span className="query-editor-name" aria-hidden="true">
          {name}
        </span>
        <div className="query-editor-input">
          <Suspense fallback={<pre className="query-editor-loading">{draft === '' ? 'Loading the PromQL editor…' : draft}</pre>}>
            <PromQLField
              ds={ds}
              range={range}
              id={editorId}
              label={`Query ${name}`}
              value={draft}
              onChange={setDraft}
              onRun={run}
              serverError={serverError}
              placeholder={PLACEHOLDER}
            />
          </Suspense>
        </div>
        <button type="submit" className="button-primary">
          Run query
        </button>
        <button type="button" aria-expanded={historyOpen} aria-controls={`${editorId}-history`} onClick={() => setHistoryOpen((open) => !open)}>
          History
        </button>
        {onRemove ? (
          <button type="button" aria-label={`Remove query ${name}`} onClick={onRemove}>
            ✕
          </button>
        ) : null}
      </form>
      {historyOpen ? (
        <QueryHistoryList
          id={`${editorId}-history`}
          name={name}
          entries={readHistory(browserStorage(), key)}
          onPick={(q) => {
            setDraft(q);
            setHistoryOpen(false);
          }}
        />
      ) : null}
    </div>
  );
}

function QueryHistoryList({ id, name, entries, onPick }: { id: string; name: string; entries: readonly string[]; onPick: (query: string) => void }) {
  if (entries.length === 0) {
    return (
      <p id={id} className="query-history-empty">
        No queries run on this datasource yet.
      </p>
    );
  }
  return (
    <ul id={id} className="query-history" aria-label={`History for query ${name}`}>
      {entries.map((q) => (
        // History is deduplicated, so the text is the entry's identity.
        <li key={q}>
          <button type="button" className="query-history-entry" title="Put this query in the editor" onClick={() => onPick(q)}>
            {q}
          </button>
        </li>
      ))}
    </ul>
  );
}
