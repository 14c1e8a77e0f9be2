import { lazy, Suspense, useMemo, useState } from 'react';
import type { DataSource } from '../../datasources/types';
import { addToHistory, browserStorage, historyKey } from '../../editor/history';
import type { TimeRange } from '../../model/time';
import { errorText } from '../shared/panelQuery';

// CodeMirror and the LogQL grammar load with the first editor, in their own chunk.
const LogQLField = lazy(() => import('./LogQLField'));

interface LogsQueryBarProps {
  ds: DataSource;
  sources: readonly DataSource[];
  range: TimeRange;
  /** The query last run (from the URL); the draft follows it when it changes (Back, a filter button). */
  query: string;
  error: unknown;
  onRun: (text: string) => void;
  onDataSource: (uid: string) => void;
  browserOpen: boolean;
  onToggleBrowser: () => void;
}

export function LogsQueryBar({ ds, sources, range, query, error, onRun, onDataSource, browserOpen, onToggleBrowser }: LogsQueryBarProps) {
  const [draft, setDraft] = useState(query);
  const [seen, setSeen] = useState(query);
  if (seen !== query) {
    setSeen(query);
    setDraft(query);
  }
  const lucene = ds.logs?.language === 'lucene';
  const run = (text: string) => {
    addToHistory(browserStorage(), historyKey(lucene ? 'Lucene' : 'LogQL', ds.uid), text);
    onRun(text);
  };
  const serverError = useMemo(() => (error === undefined || error === null ? undefined : { query, message: errorText(error) }), [error, query]);
  const placeholder = lucene ? 'Lucene, e.g. service.name:payments AND log.level:error' : 'LogQL, e.g. {service_name="payments"} |= "timeout" (Shift+Enter runs)';
  return (
    <form
      className="query-editor logs-query-bar"
      onSubmit={(e) => {
        e.preventDefault();
        run(draft);
      }}
    >
      <label className="logs-ds-picker">
        <span className="visually-hidden">Datasource</span>
        <select aria-label="Datasource" value={ds.uid} onChange={(e) => onDataSource(e.target.value)}>
          {sources.map((s) => (
            <option key={s.uid} value={s.uid}>
              {s.name} ({s.logs?.language === 'lucene' ? 'Lucene' : 'LogQL'})
            </option>
          ))}
        </select>
      </label>
      <button type="button" aria-expanded={browserOpen} aria-controls="label-browser" onClick={onToggleBrowser}>
        Label browser
      </button>
      <div className="query-editor-input">
        <Suspense fallback={<pre className="query-editor-loading">{draft === '' ? 'Loading the editor…' : draft}</pre>}>
          <LogQLField
            ds={ds}
            range={range}
            id="logs-query"
            label="Log query"
            value={draft}
            onChange={setDraft}
            onRun={run}
            serverError={serverError}
            placeholder={placeholder}
          />
        </Suspense>
      </div>
      <button type="submit" className="button-primary">
        Run query
      </button>
    </form>
  );
}
