import type { LogLine } from '../../model/logs';
import { pollingTail } from '../shared/pollTail';
import type { DataSource, DataSourceConfig, DataSourceFactory, FetchFn } from '../types';
import { createEsClient, type EsFlavour } from './client';
import { esContext } from './context';
import { checkHealth } from './health';
import { parseEsOptions, type EsOptions } from './options';
import { createSearch } from './search';
import { esVolume } from './volume';

/** Elasticsearch and OpenSearch `_search` for logs (reference §8): Lucene queries, search_after paging, volume by level, polling tail. The registry reaches this through ./plugin.ts, on the first call (lazyAdapter.ts). */
export function createWithOptions(flavour: EsFlavour) {
  return (config: DataSourceConfig, fetchFn: FetchFn, options: EsOptions): DataSource => {
    const client = createEsClient(config, fetchFn, options, flavour);
    const search = createSearch(client);
    return {
      uid: config.uid,
      kind: config.kind,
      name: config.name,
      logs: {
        language: 'lucene',
        correlationFields: options.fields,
        queryLogs: (query, ctx) => search(query, ctx),
        volume: (query, ctx) => esVolume(client, query, ctx),
        context: (line, ctx) => esContext(search, line, ctx),
        tail: (query, handlers, signal) => {
          const startedAt = Date.now();
          const since = async (last: LogLine | undefined, s: AbortSignal) => {
            const now = Date.now();
            const page = await search(query, { range: { from: last ? last.timeMs : startedAt, to: now }, limit: options.maxLines, direction: 'forward', signal: s });
            return page.lines;
          };
          return pollingTail(since, handlers, signal);
        },
      },
      health: (signal) => checkHealth(client, signal),
    };
  };
}

export const createElasticsearchDataSource: DataSourceFactory = (config, fetchFn) => createWithOptions(config.kind === 'opensearch' ? 'opensearch' : 'elasticsearch')(config, fetchFn, parseEsOptions(config.options));
