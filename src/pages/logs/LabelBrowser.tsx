import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { logLabelNamesQueryOptions, logLabelValuesQueryOptions } from '../../datasources/logQueries';
import type { DataSource } from '../../datasources/types';
import type { TimeRange } from '../../model/time';
import { errorText } from '../shared/panelQuery';
import { selectorFromChoices, type LabelChoices } from './labelSelector';

interface LabelBrowserProps {
  ds: DataSource;
  range: TimeRange;
  /** Put the built selector into the query (keeping its pipeline), and run it if asked. */
  onUse: (selector: string, run: boolean) => void;
}

/** Pick labels, then their values, to build the stream selector without typing. */
export function LabelBrowser({ ds, range, onUse }: LabelBrowserProps) {
  const language = ds.logs?.language ?? 'logql';
  const names = useQuery(logLabelNamesQueryOptions(ds, range));
  const [choices, setChoices] = useState<LabelChoices>([]);
  const picked = new Map(choices);
  const toggleLabel = (name: string) =>
    setChoices(picked.has(name) ? choices.filter(([n]) => n !== name) : [...choices, [name, []]]);
  const toggleValue = (name: string, value: string) =>
    setChoices(choices.map(([n, vs]) => (n !== name ? [n, vs] : [n, vs.includes(value) ? vs.filter((v) => v !== value) : [...vs, value]])));
  const selector = selectorFromChoices(choices, language);
  const empty = choices.every(([, vs]) => vs.length === 0);
  return (
    <section className="label-browser" aria-label="Label browser" data-testid="label-browser">
      <div className="label-browser-names">
        <span className="label-browser-step">1. Labels</span>
        {names.isPending ? <span className="hint">Loading labels…</span> : null}
        {names.isError ? <span className="log-volume-error">{errorText(names.error)}</span> : null}
        {names.data?.length === 0 ? <span className="hint">{ds.name} reports no labels in this range.</span> : null}
        {names.data?.map((n) => (
          <button key={n} type="button" className="chip" aria-pressed={picked.has(n)} onClick={() => toggleLabel(n)}>
            {n}
          </button>
        ))}
      </div>
      {choices.map(([name, values]) => (
        <LabelValues key={name} ds={ds} range={range} name={name} picked={values} onToggle={(v) => toggleValue(name, v)} />
      ))}
      <div className="label-browser-result">
        <span className="label-browser-step">3. Selector</span>
        <code className="label-browser-selector">{empty ? '(pick a value)' : selector}</code>
        <button type="button" disabled={empty} onClick={() => onUse(selector, false)}>
          Use as query
        </button>
        <button type="button" className="button-primary" disabled={empty} onClick={() => onUse(selector, true)}>
          Show logs
        </button>
        <button type="button" disabled={choices.length === 0} onClick={() => setChoices([])}>
          Clear
        </button>
      </div>
    </section>
  );
}

const MAX_VALUES_SHOWN = 200;

function LabelValues({ ds, range, name, picked, onToggle }: { ds: DataSource; range: TimeRange; name: string; picked: readonly string[]; onToggle: (v: string) => void }) {
  const values = useQuery(logLabelValuesQueryOptions(ds, name, range));
  const [filter, setFilter] = useState('');
  const shown = (values.data ?? []).filter((v) => v.toLowerCase().includes(filter.toLowerCase()));
  return (
    <div className="label-browser-values" data-testid={`label-values-${name}`}>
      <span className="label-browser-step">2. {name}</span>
      <input type="search" aria-label={`Filter values of ${name}`} placeholder="filter values" value={filter} onChange={(e) => setFilter(e.target.value)} />
      {values.isPending ? <span className="hint">Loading values…</span> : null}
      {values.isError ? <span className="log-volume-error">{errorText(values.error)}</span> : null}
      {shown.slice(0, MAX_VALUES_SHOWN).map((v) => (
        <button key={v} type="button" className="chip" aria-pressed={picked.includes(v)} onClick={() => onToggle(v)}>
          {v === '' ? '⟨empty⟩' : v}
        </button>
      ))}
      {shown.length > MAX_VALUES_SHOWN ? <span className="hint">+{shown.length - MAX_VALUES_SHOWN} more: filter to find them</span> : null}
    </div>
  );
}
