/**
 * The elasticsearch kind as the registry knows it at boot: name, options and what its datasources answer. The adapter
 * itself (./index.ts) loads with the first call to one of its datasources (lazyAdapter.ts).
 */
import { lazyAdapter, type AdapterSurface } from '../shared/lazyAdapter';
import { parseEsOptions, type EsOptions } from './options';
import type { DataSourcePlugin } from '../types';

/** Elasticsearch's and OpenSearch's datasources answer these; the correlation fields are the entry's (lazyAdapters.test.ts holds it to the adapter). */
const surface = (options: EsOptions): AdapterSurface => ({
  logs: { values: { language: 'lucene', correlationFields: options.fields }, methods: ['queryLogs', 'volume', 'context', 'tail'] },
});

export const elasticsearchPlugin = {
  kind: 'elasticsearch',
  capabilities: ['logs'],
  inBuild: true,
  servers: 'Elasticsearch `_search` (7.10+, 8.x): Lucene query_string, search_after paging, date_histogram volume, ECS fields',
  parseOptions: parseEsOptions,
  create: lazyAdapter(surface, async () => (await import('./index')).createWithOptions('elasticsearch')),
} as const satisfies DataSourcePlugin<EsOptions>;

export const opensearchPlugin = {
  kind: 'opensearch',
  capabilities: ['logs'],
  inBuild: true,
  servers: 'OpenSearch `_search` (1.x, 2.x): the same as `elasticsearch`',
  parseOptions: parseEsOptions,
  create: lazyAdapter(surface, async () => (await import('./index')).createWithOptions('opensearch')),
} as const satisfies DataSourcePlugin<EsOptions>;
