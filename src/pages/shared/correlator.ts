import { useMemo } from 'react';
import type { DataSource } from '../../datasources/types';
import type { CorrelationSource, Correlator } from '../../model/correlations';
import { createCorrelator } from '../../model/correlator';
import { useOptionalDataSources } from './dataSources';

const CAPABILITIES = ['metrics', 'services', 'logs', 'traces', 'alerts'] as const;

/** What the correlator needs of a datasource: its identity, which capabilities it answers, and where its logs keep the trace context. */
export function correlationSource(ds: DataSource, isDefault = false): CorrelationSource {
  const source: CorrelationSource = { uid: ds.uid, name: ds.name, kind: ds.kind, capabilities: CAPABILITIES.filter((c) => ds[c] !== undefined) };
  if (isDefault) source.isDefault = true;
  if (ds.logs) {
    source.logLanguage = ds.logs.language;
    if (ds.logs.correlationFields) source.logFields = { ...ds.logs.correlationFields };
  }
  return source;
}

/** The one correlator of the loaded datasources and config.json's `correlations`; every cross-signal link comes from it. */
export function useCorrelator(): Correlator {
  // Optional: a view shown with no datasources at all (a trace file in a bare harness) gets links that say why they are missing.
  const set = useOptionalDataSources();
  return useMemo(
    () => (set ? createCorrelator(set.list.map((ds) => correlationSource(ds, set.configs.find((c) => c.uid === ds.uid)?.default === true)), set.correlations) : createCorrelator([])),
    [set],
  );
}
