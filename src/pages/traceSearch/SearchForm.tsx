import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useId, useState } from 'react';
import { traceOperationsQueryOptions, traceServicesQueryOptions } from '../../datasources/queries';
import type { DataSource } from '../../datasources/types';
import type { TimeRange } from '../../model/time';
import type { TraceSearchState } from '../../model/traceSearchUrl';
import type { ServerError } from '../../editor/types';
import { errorText } from '../shared/panelQuery';
import { draftOf, readDraft, type DraftField, type SearchDraft } from './searchDraft';

// CodeMirror and the TraceQL grammar load only when TraceQL mode is opened.
const TraceQLField = lazy(() => import('./TraceQLField'));

interface SearchFormProps {
  sources: readonly DataSource[];
  ds: DataSource;
  state: TraceSearchState;
  range: TimeRange;
  /** The last TraceQL run's server error, underlined in the editor. */
  traceqlError?: ServerError | undefined;
  onSearch: (next: TraceSearchState) => void;
  onDataSource: (uid: string) => void;
}

/** Whether a datasource speaks TraceQL: Tempo does. */
export function speaksTraceQL(ds: DataSource): boolean {
  return ds.kind === 'tempo';
}

/**
 * The search filters. What is typed stays a draft until Search (or Shift+Enter in TraceQL): a bad duration
 * or tag is marked beside its field and nothing else is lost; the URL changes only on a valid search.
 */
export function SearchForm({ sources, ds, state, range, traceqlError, onSearch, onDataSource }: SearchFormProps) {
  const [draft, setDraft] = useState(() => draftOf(state));
  const [seen, setSeen] = useState(state);
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  // The URL moved (Back, a pasted link, another datasource): show what it holds.
  if (seen !== state) {
    setSeen(state);
    setDraft(draftOf(state));
    setErrors({});
  }
  const id = useId();
  const traceql = speaksTraceQL(ds) && draft.mode === 'traceql';
  const set = <K extends keyof SearchDraft>(key: K, value: SearchDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (d: SearchDraft) => {
    const result = readDraft(d, state);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onSearch(result.state);
  };

  return (
    <form
      className="trace-search-form"
      aria-label="Trace search"
      onSubmit={(e) => {
        e.preventDefault();
        submit(draft);
      }}
    >
      <div className="trace-search-row">
        <label>
          Datasource
          <select value={ds.uid} onChange={(e) => onDataSource(e.target.value)}>
            {sources.map((s) => (
              <option key={s.uid} value={s.uid}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {speaksTraceQL(ds) ? (
          <fieldset className="trace-search-mode">
            <legend>Query with</legend>
            <label>
              <input type="radio" name={`${id}-mode`} checked={!traceql} onChange={() => set('mode', 'filters')} /> Filters
            </label>
            <label>
              <input type="radio" name={`${id}-mode`} checked={traceql} onChange={() => set('mode', 'traceql')} /> TraceQL
            </label>
          </fieldset>
        ) : null}
      </div>

      {traceql ? (
        <div className="trace-search-row trace-search-traceql">
          <div className="query-editor-input">
            <Suspense fallback={<pre className="query-editor-loading">{draft.traceql === '' ? 'Loading the TraceQL editor…' : draft.traceql}</pre>}>
              <TraceQLField
                ds={ds}
                range={range}
                id={`${id}-traceql`}
                label="TraceQL query"
                value={draft.traceql}
                onChange={(text) => set('traceql', text)}
                onRun={(text) => submit({ ...draft, traceql: text })}
                serverError={traceqlError}
                placeholder={'TraceQL, e.g. { resource.service.name = "payments" && status = error }   (Shift+Enter runs)'}
              />
            </Suspense>
          </div>
        </div>
      ) : (
        <FilterFields ds={ds} range={range} draft={draft} errors={errors} set={set} id={id} />
      )}

      <div className="trace-search-row">
        <Field id={`${id}-limit`} label="Limit" error={errors.limit}>
          <input id={`${id}-limit`} className="narrow" inputMode="numeric" value={draft.limit} onChange={(e) => set('limit', e.target.value)} aria-invalid={errors.limit !== undefined} />
        </Field>
        <button type="submit" className="button-primary">
          Search
        </button>
      </div>
    </form>
  );
}

interface FilterFieldsProps {
  ds: DataSource;
  range: TimeRange;
  draft: SearchDraft;
  errors: Partial<Record<DraftField, string>>;
  set: <K extends keyof SearchDraft>(key: K, value: SearchDraft[K]) => void;
  id: string;
}

function FilterFields({ ds, range, draft, errors, set, id }: FilterFieldsProps) {
  const services = useQuery({ ...traceServicesQueryOptions(ds, range), enabled: ds.traces?.services !== undefined });
  const service = draft.service.trim();
  const operations = useQuery({ ...traceOperationsQueryOptions(ds, service, range), enabled: service !== '' && ds.traces?.operations !== undefined });
  return (
    <>
      <div className="trace-search-row">
        <Field id={`${id}-service`} label="Service" error={services.error ? `Services could not be listed: ${errorText(services.error)}` : undefined}>
          <input id={`${id}-service`} list={`${id}-services`} value={draft.service} placeholder="any" onChange={(e) => set('service', e.target.value)} autoComplete="off" />
          <datalist id={`${id}-services`}>
            {(services.data ?? []).map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </Field>
        <Field id={`${id}-operation`} label="Operation" error={operations.error ? `Operations could not be listed: ${errorText(operations.error)}` : undefined}>
          <input id={`${id}-operation`} list={`${id}-operations`} value={draft.operation} placeholder="any" onChange={(e) => set('operation', e.target.value)} autoComplete="off" />
          <datalist id={`${id}-operations`}>
            {(operations.data ?? []).map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </Field>
        <Field id={`${id}-tags`} label="Tags" error={errors.tags} wide>
          <input
            id={`${id}-tags`}
            value={draft.tags}
            placeholder="http.status_code=500 error=true"
            onChange={(e) => set('tags', e.target.value)}
            aria-invalid={errors.tags !== undefined}
            spellCheck={false}
          />
        </Field>
      </div>
      <div className="trace-search-row">
        <Field id={`${id}-min`} label="Min duration" error={errors.minDuration}>
          <input id={`${id}-min`} className="narrow" value={draft.minDuration} placeholder="e.g. 1.2s" onChange={(e) => set('minDuration', e.target.value)} aria-invalid={errors.minDuration !== undefined} />
        </Field>
        <Field id={`${id}-max`} label="Max duration" error={errors.maxDuration}>
          <input id={`${id}-max`} className="narrow" value={draft.maxDuration} placeholder="e.g. 300ms" onChange={(e) => set('maxDuration', e.target.value)} aria-invalid={errors.maxDuration !== undefined} />
        </Field>
        <label className="trace-search-check">
          <input type="checkbox" checked={draft.errorsOnly} onChange={(e) => set('errorsOnly', e.target.checked)} /> Errors only
        </label>
      </div>
    </>
  );
}

function Field({ id, label, error, wide, children }: { id: string; label: string; error: string | undefined; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={`trace-search-field${wide ? ' wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error !== undefined ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
