import { createContext, useContext, type ReactNode } from 'react';
import type { DataSource, DataSourceConfig } from '../../datasources/types';

/**
 * What pages need of the loaded datasources. The registry's DataSourceSet has this shape; pages take
 * it from context (given once at boot) rather than from a global lookup, so tests pass a fake.
 */
export interface DataSourceDirectory {
  list: DataSource[];
  configs: DataSourceConfig[];
  get(uid: string): DataSource | undefined;
  defaultMetrics(): DataSource | undefined;
}

const DataSourcesContext = createContext<DataSourceDirectory | null>(null);

export function DataSourcesProvider({ value, children }: { value: DataSourceDirectory; children: ReactNode }) {
  return <DataSourcesContext.Provider value={value}>{children}</DataSourcesContext.Provider>;
}

export function useDataSources(): DataSourceDirectory {
  const value = useContext(DataSourcesContext);
  if (!value) throw new Error('useDataSources needs a <DataSourcesProvider> above it');
  return value;
}

/** The datasources if a provider is above, else null: for the app frame, which must render in any test harness. */
export function useOptionalDataSources(): DataSourceDirectory | null {
  return useContext(DataSourcesContext);
}
