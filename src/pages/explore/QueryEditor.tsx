import { useState, type KeyboardEvent } from 'react';

interface QueryEditorProps {
  name: string;
  /** The query last run (from the URL); the editor's draft starts from it and follows it on Back. */
  query: string;
  onRun: (text: string) => void;
  onRemove?: () => void;
}

/** A PromQL text box. Shift+Enter or Ctrl+Enter runs it, as in Grafana; plain Enter adds a line. */
export function QueryEditor({ name, query, onRun, onRemove }: QueryEditorProps) {
  const [draft, setDraft] = useState(query);
  const [seen, setSeen] = useState(query);
  // The URL moved (Back, a pasted link): show what it holds rather than a stale draft.
  if (seen !== query) {
    setSeen(query);
    setDraft(query);
  }
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.shiftKey || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onRun(draft);
    }
  };
  return (
    <form
      className="query-editor"
      onSubmit={(e) => {
        e.preventDefault();
        onRun(draft);
      }}
    >
      <label className="query-editor-name" htmlFor={`query-${name}`}>
        {name}
      </label>
      <textarea
        id={`query-${name}`}
        className="query-editor-input"
        aria-label={`Query ${name}`}
        spellCheck={false}
        rows={Math.min(6, Math.max(1, draft.split('\n').length))}
        placeholder='PromQL, e.g. sum by (service_name) (rate(http_server_request_duration_seconds_count[$__rate_interval]))'
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="button-primary">
        Run query
      </button>
      {onRemove ? (
        <button type="button" aria-label={`Remove query ${name}`} onClick={onRemove}>
          ✕
        </button>
      ) : null}
    </form>
  );
}
