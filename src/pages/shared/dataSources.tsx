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

/** The scrape interval a datasource is configured with (`options.scrapeInterval`, e.g. "15s"), in ms. */
export function configuredScrapeMs(configs: readonly DataSourceConfig[], uid: string): number | undefined {
  const raw = configs.find((c) => c.uid === uid)?.options?.scrapeInterval;
  if (typeof raw !== 'string') return undefined;
  const m = /^(\d+)(s|m)$/.exec(raw);
  return m ? Number(m[1]) * (m[2] === 'm' ? 60_000 : 1000) : undefined;
}
