import { useMemo } from 'react';
import type { DataSource } from '../../datasources/types';
import type { CorrelationSource, Correlator } from '../../model/correlations';
import { createCorrelator } from '../../model/correlator';
import { useDataSources } from './dataSources';

const CAPABILITIES = ['metrics', 'services', 'logs', 'traces', 'alerts'] as const;

/** What the correlator needs of a datasource: its identity and which capabilities it answers. */
export function correlationSource(ds: DataSource): CorrelationSource {
  return { uid: ds.uid, name: ds.name, kind: ds.kind, capabilities: CAPABILITIES.filter((c) => ds[c] !== undefined) };
}

/** The one correlator of the loaded datasources and config.json's `correlations`; every cross-signal link comes from it. */
export function useCorrelator(): Correlator {
  const set = useDataSources();
  return useMemo(() => createCorrelator(set.list.map(correlationSource), set.correlations), [set]);
}
