import { HttpResponse } from 'msw';
import { runLogsConformance } from '../shared/conformance/logs';
import type { FetchFn } from '../types';
import { createElasticsearchDataSource } from './index';

// The `_search` wire format of shared/reference/datasource-apis.md §8, for both kinds.

const json = (body: unknown, status = 200) => HttpResponse.json(body as Record<string, unknown>, { status });
const esError = (type: string, reason: string, status: number) =>
  json({ error: { root_cause: [{ type, reason }], type: 'search_phase_execution_exception', reason: 'all shards failed', phase: 'query', failed_shards: [] }, status }, status);
const hit = (id: string, timestamp: string, service: string, message: string, sort: unknown[]) => ({
  _index: 'logs-2019.09.23',
  _id: id,
  _score: null,
  _source: { '@timestamp': timestamp, message, log: { level: 'error' }, service: { name: service } },
  fields: { '@timestamp': [timestamp] },
  sort,
});
const answer = (hits: unknown[], total = hits.length) =>
  json({ took: 3, timed_out: false, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 }, hits: { total: { value: total, relation: 'eq' }, max_score: null, hits } });

for (const kind of ['elasticsearch', 'opensearch'] as const) {
  const base = `http://${kind}.conformance:9200`;
  runLogsConformance({
    adapter: kind,
    serverName: kind === 'opensearch' ? 'OpenSearch' : 'Elasticsearch',
    baseUrl: base,
    create: (fetchFn: FetchFn) => createElasticsearchDataSource({ uid: kind, kind, name: kind, url: base, options: { index: 'logs-*' } }, fetchFn),
    query: 'log.level:error AND service.name:checkout',
    limit: 3,
    recorded: {
      serverError: () => esError('node_not_connected_exception', '[node-1][10.0.0.1:9300] Node not connected', 503),
      badQuery: {
        respond: () => esError('query_shard_exception', 'Failed to parse query [log.level:(error]', 400),
        message: 'Failed to parse query [log.level:(error]',
      },
      malformed: { respond: () => answer([hit('a', '2019-09-23T19:21:37.240578123Z', 'checkout', 'x', [1]), { ...hit('b', '2019-09-23T19:21:36Z', 'checkout', 'y', [2]), _id: 7 }]), field: 'hits.hits[1]._id' },
      empty: () => answer([]),
      lines: {
        respond: () =>
          answer([
            hit('a', '2019-09-23T19:21:37.240578123Z', 'checkout', 'GET /pay 500 <script>alert(1)</script>', ['2019-09-23T19:21:37.240578123Z', 3]),
            hit('b', '2019-09-23T19:21:35.000000001Z', 'payments', 'payment failed', ['2019-09-23T19:21:35.000000001Z', 2]),
            hit('c', '2019-09-23T19:21:32.548155Z', 'checkout', 'bar', ['2019-09-23T19:21:32.548155Z', 1]),
          ]),
        expected: [
          { timeNs: '1569266497240578123', line: 'GET /pay 500 <script>alert(1)</script>' },
          { timeNs: '1569266495000000001', line: 'payment failed' },
          { timeNs: '1569266492548155000', line: 'bar' },
        ],
      },
      limitReached: {
        respond: () => answer([hit('c', '2019-09-23T19:21:37.003Z', 'x', 'c', [3]), hit('b', '2019-09-23T19:21:37.002Z', 'x', 'b', [2]), hit('a', '2019-09-23T19:21:37.001Z', 'x', 'a', [1])], 1234),
        warning: /older lines .* may be missing/,
      },
    },
  });
}
