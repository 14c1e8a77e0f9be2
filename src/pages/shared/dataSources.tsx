import { createContext, useContext, type ReactNode } from 'react';
import type { DataSourceSet } from '../../datasources/registry';

/**
 * Pages take the loaded datasources (the registry's DataSourceSet) from context, given once at boot,
 * rather than from a global lookup, so tests pass a fake.
 */
const DataSourcesContext = createContext<DataSourceSet | null>(null);

export function DataSourcesProvider({ value, children }: { value: DataSourceSet; children: ReactNode }) {
  return <DataSourcesContext.Provider value={value}>{children}</DataSourcesContext.Provider>;
}

export function useDataSources(): DataSourceSet {
  const value = useContext(DataSourcesContext);
  if (!value) throw new Error('useDataSources needs a <DataSourcesProvider> above it');
  return value;
}

/** The datasources if a provider is above, else null: for the app frame, which must render in any test harness. */
export function useOptionalDataSources(): DataSourceSet | null {
  return useContext(DataSourcesContext);
}
