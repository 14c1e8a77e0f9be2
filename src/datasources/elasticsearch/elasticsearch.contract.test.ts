import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DataSourceError } from '../../lib/errors';
import type { LogLine, TailStatus } from '../../model/logs';
import { ConfigError } from '../configError';
import type { LogQueryCtx, QueryCtx } from '../types';
import { createElasticsearchDataSource } from './index';
import { parseEsOptions } from './options';
import { timeToNs } from './hits';

// Requests and answers as shared/reference/datasource-apis.md §8 gives them (Elasticsearch 8, OpenSearch 2).

const BASE = 'http://es.contract:9200';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const RANGE = { from: 1_714_557_000_000, to: 1_714_560_600_000 };
const logsOf = (kind: 'elasticsearch' | 'opensearch' = 'elasticsearch', options: Record<string, unknown> = {}) => {
  const ds = createElasticsearchDataSource({ uid: 'es', kind, name: 'ES', url: BASE, options: { index: 'logs-*', ...options } }, (i, init) => globalThis.fetch(i, init));
  if (!ds.logs) throw new Error('no logs');
  return { ds, logs: ds.logs };
};
const ctx = (): QueryCtx => ({ range: RANGE, signal: new AbortController().signal });
const logCtx = (extra: Partial<LogQueryCtx> = {}): LogQueryCtx => ({ ...ctx(), limit: 500, direction: 'backward', ...extra });
const json = (body: unknown, status = 200) => HttpResponse.json(body as Record<string, unknown>, { status });
const answer = (hits: unknown[], total: unknown = { value: hits.length, relation: 'eq' }, shards: Record<string, unknown> = { total: 3, successful: 3, skipped: 0, failed: 0 }) =>
  json({ took: 12, timed_out: false, _shards: shards, hits: { total, max_score: null, hits } });
const ecsHit = (id: string, time: string, sort: unknown[], source: Record<string, unknown> = {}) => ({
  _index: 'logs-2024.05.01',
  _id: id,
  _score: null,
  _source: { '@timestamp': time, message: 'payment failed', log: { level: 'error' }, service: { name: 'checkout' }, trace: { id: TRACE }, span: { id: '00f067aa0ba902b7' }, ...source },
  sort,
});

async function rejection(promise: Promise<unknown>): Promise<DataSourceError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DataSourceError);
    return error as DataSourceError;
  }
  throw new Error('expected a rejection');
}

function capture() {
  const bodies: Array<Record<string, unknown>> = [];
  const paths: string[] = [];
  return {
    bodies,
    paths,
    use(respond: (body: Record<string, unknown>) => Response) {
      server.use(
        http.post(`${BASE}/:index/_search`, async ({ request }) => {
          paths.push(new URL(request.url).pathname);
          const body = (await request.json()) as Record<string, unknown>;
          bodies.push(body);
          return respond(body);
        }),
      );
    },
  };
}

describe('elasticsearch _search for logs', () => {
  it('posts a range filter, query_string, time + _doc sort, track_total_hits and the ns time format', async () => {
    const c = capture();
    c.use(() => answer([]));
    await logsOf().logs.queryLogs('log.level:error AND service.name:checkout', logCtx());
    expect(c.paths).toEqual(['/logs-*/_search']);
    expect(c.bodies[0]).toEqual({
      size: 500,
      track_total_hits: true,
      query: {
        bool: {
          filter: [
            { range: { '@timestamp': { gte: RANGE.from, lte: RANGE.to, format: 'epoch_millis' } } },
            { query_string: { query: 'log.level:error AND service.name:checkout', analyze_wildcard: true } },
          ],
        },
      },
      sort: [{ '@timestamp': { order: 'desc', unmapped_type: 'boolean', format: 'strict_date_optional_time_nanos' } }, { _doc: 'desc' }],
      fields: [{ field: '@timestamp', format: 'strict_date_optional_time_nanos' }],
    });
  });

  it('OpenSearch gets no format on the sort (it has none); an empty query is no query_string', async () => {
    const c = capture();
    c.use(() => answer([]));
    await logsOf('opensearch').logs.queryLogs('  ', logCtx({ direction: 'forward' }));
    expect(c.bodies[0]!.sort).toEqual([{ '@timestamp': { order: 'asc', unmapped_type: 'boolean' } }, { _doc: 'asc' }]);
    expect((c.bodies[0]!.query as { bool: { filter: unknown[] } }).bool.filter).toHaveLength(1);
  });

  it('maps ECS: message, log.level, service.name stream, trace.id, span.id, ns time; nested and dotted keys alike', async () => {
    const c = capture();
    c.use(() =>
      answer([
        ecsHit('a', '2024-05-01T10:00:00.123456789Z', ['2024-05-01T10:00:00.123456789Z', 2]),
        { _index: 'logs-2024.05.01', _id: 'b', _score: null, _source: { '@timestamp': 1714557599999, message: 'dotted', 'log.level': 'WARN', 'service.name': 'checkout', 'trace.id': TRACE.toUpperCase() }, sort: [1714557599999, 1] },
      ]),
    );
    const page = await logsOf().logs.queryLogs('', logCtx());
    const [a, b] = page.lines;
    expect(a).toMatchObject({ timeNs: '1714557600123456789', timeMs: 1714557600123, line: 'payment failed', level: 'error', traceId: TRACE, spanId: '00f067aa0ba902b7' });
    expect(a!.stream.labels).toEqual({ 'service.name': 'checkout' });
    expect(a!.metadata).toMatchObject({ 'service.name': 'checkout', 'trace.id': TRACE, 'log.level': 'error' });
    expect(a!.metadata).not.toHaveProperty('message');
    expect(b).toMatchObject({ timeNs: '1714557599999000000', line: 'dotted', level: 'warn', traceId: TRACE });
    expect(b!.stream, 'nested and dotted service.name are one stream').toBe(a!.stream);
    expect(a!.key).toContain('logs-2024.05.01/a');
  });

  it('a document without a message shows its whole _source; a level missing is found in the line', async () => {
    const c = capture();
    c.use(() => answer([{ _index: 'i', _id: 'x', _source: { '@timestamp': '2024-05-01T10:00:00Z', event: { action: 'login' } }, sort: [1] }, { _index: 'i', _id: 'y', _source: { '@timestamp': '2024-05-01T10:00:00Z', message: 'ERROR disk full' }, sort: [0] }]));
    const page = await logsOf().logs.queryLogs('', logCtx());
    expect(page.lines[0]!.line).toBe('{"@timestamp":"2024-05-01T10:00:00Z","event":{"action":"login"}}');
    expect(page.lines[1]!.level).toBe('error');
  });

  it('pages with search_after: the last hit\'s sort values, sent back verbatim; "N of M" from hits.total', async () => {
    const c = capture();
    c.use((body) =>
      body.search_after
        ? answer([ecsHit('c', '2024-05-01T09:59:00Z', ['2024-05-01T09:59:00.000000000Z', 1])], { value: 3, relation: 'eq' })
        : answer([ecsHit('a', '2024-05-01T10:00:02Z', ['2024-05-01T10:00:02.000000000Z', 9]), ecsHit('b', '2024-05-01T10:00:01Z', ['2024-05-01T10:00:01.000000000Z', 8])], { value: 3, relation: 'eq' }),
    );
    const { logs } = logsOf();
    const first = await logs.queryLogs('', logCtx({ limit: 2 }));
    expect(first).toMatchObject({ hasMore: true, total: { count: 3, exact: true } });
    expect(first.warnings.join(' ')).toMatch(/Showing the newest 2 lines of 3/);
    const second = await logs.queryLogs('', logCtx({ limit: 2, cursor: first.cursor! }));
    expect(c.bodies[1]!.search_after).toEqual(['2024-05-01T10:00:01.000000000Z', 8]);
    expect(second).toMatchObject({ hasMore: false, warnings: [] });
    expect(second.lines.map((l) => l.key.split(':').pop())).toEqual(['logs-2024.05.01/c']);
  });

  it('a total that stopped counting is "more than"; a plain-number total (rest_total_hits_as_int) is read too', async () => {
    const c = capture();
    c.use(() => answer([ecsHit('a', '2024-05-01T10:00:00Z', [1])], { value: 10000, relation: 'gte' }));
    const page = await logsOf().logs.queryLogs('', logCtx({ limit: 1 }));
    expect(page.total).toEqual({ count: 10000, exact: false });
    expect(page.warnings[0]).toMatch(/of more than 10,000/);
    server.resetHandlers();
    c.use(() => answer([], 0));
    expect((await logsOf().logs.queryLogs('', logCtx())).total).toEqual({ count: 0, exact: true });
  });

  it('a limit over index.max_result_window: asks again at the cap and says so', async () => {
    const c = capture();
    c.use((body) =>
      (body.size as number) > 10000
        ? json({ error: { root_cause: [{ type: 'illegal_argument_exception', reason: 'Result window is too large, from + size must be less than or equal to: [10000] but was [20000]. See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting.' }], type: 'search_phase_execution_exception', reason: 'all shards failed' }, status: 400 }, 400)
        : answer(Array.from({ length: 3 }, (_, i) => ecsHit(`h${i}`, '2024-05-01T10:00:00Z', [i]))),
    );
    // The default cap (10,000) is applied before asking; a lower window is learnt from the error.
    const page = await logsOf().logs.queryLogs('', logCtx({ limit: 20000 }));
    expect(c.bodies.map((b) => b.size)).toEqual([10000]);
    expect(page.serverCap).toBe(10000);
  });

  it('a lower max_result_window is read from the error, the page asked again at it, the cap shown', async () => {
    const c = capture();
    c.use((body) =>
      (body.size as number) > 3
        ? json({ error: { root_cause: [{ type: 'illegal_argument_exception', reason: 'Result window is too large, from + size must be less than or equal to: [3] but was [500].' }], type: 'search_phase_execution_exception', reason: 'all shards failed' }, status: 400 }, 400)
        : answer(Array.from({ length: 3 }, (_, i) => ecsHit(`h${i}`, '2024-05-01T10:00:00Z', [i])), { value: 40, relation: 'eq' }),
    );
    const page = await logsOf().logs.queryLogs('', logCtx());
    expect(c.bodies.map((b) => b.size)).toEqual([500, 3]);
    expect(page).toMatchObject({ serverCap: 3, hasMore: true });
    expect(page.warnings[0]).toMatch(/at most 3 lines per request \(index.max_result_window\); asked for 500, showing newest 3 of 40/);
  });

  it('errors: query_shard_exception with caused_by is kind query; index_not_found names the index; 401 says so', async () => {
    server.use(
      http.post(`${BASE}/:index/_search`, () =>
        json({ error: { root_cause: [{ type: 'query_shard_exception', reason: 'Failed to parse query [level:(error]', index: 'logs-1' }], type: 'search_phase_execution_exception', reason: 'all shards failed', caused_by: { type: 'parse_exception', reason: "Cannot parse 'level:(error': Encountered \"<EOF>\"" } }, status: 400 }, 400),
      ),
    );
    const bad = await rejection(logsOf().logs.queryLogs('level:(error', logCtx()));
    expect(bad.kind).toBe('query');
    expect(bad.message).toBe("query_shard_exception: Failed to parse query [level:(error] (Cannot parse 'level:(error': Encountered \"<EOF>\")");
    server.use(http.post(`${BASE}/:index/_search`, () => json({ error: { root_cause: [{ type: 'index_not_found_exception', reason: 'no such index [nope]', index: 'nope' }], type: 'index_not_found_exception', reason: 'no such index [nope]', index: 'nope' }, status: 404 }, 404)));
    const missing = await rejection(logsOf().logs.queryLogs('', logCtx()));
    expect(missing).toMatchObject({ kind: 'http', status: 404 });
    expect(missing.message).toMatch(/no index matching "nope".*options.index/);
    server.use(http.post(`${BASE}/:index/_search`, () => json({ error: { root_cause: [{ type: 'security_exception', reason: 'missing authentication credentials for REST request [/logs-*/_search]' }], type: 'security_exception', reason: 'missing authentication credentials' }, status: 401 }, 401)));
    expect((await rejection(logsOf().logs.queryLogs('', logCtx()))).message).toMatch(/security_exception: missing authentication credentials.*refused the request/);
  });

  it('partial shard failures answer 200 with the lines and a warning', async () => {
    const c = capture();
    c.use(() => answer([ecsHit('a', '2024-05-01T10:00:00Z', [1])], { value: 1, relation: 'eq' }, { total: 3, successful: 2, skipped: 0, failed: 1, failures: [{ shard: 0, index: 'logs-1', reason: { type: 'illegal_argument_exception', reason: 'Text fields are not optimised' } }] }));
    const page = await logsOf().logs.queryLogs('', logCtx());
    expect(page.lines).toHaveLength(1);
    expect(page.warnings).toEqual(['1 of 3 shards failed; some lines may be missing: Text fields are not optimised.']);
  });

  it('a cursor from another datasource is a query error', async () => {
    expect((await rejection(logsOf().logs.queryLogs('', logCtx({ cursor: '{"loki":1,"ns":"1","keys":[]}' })))).message).toMatch(/not issued by an Elasticsearch datasource/);
  });
});

describe('elasticsearch volume', () => {
  it('asks a date_histogram with a terms(level) sub-aggregation and sums spellings of one level', async () => {
    const c = capture();
    c.use(() =>
      json({
        took: 1,
        timed_out: false,
        _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
        hits: { total: { value: 0, relation: 'eq' }, max_score: null, hits: [] },
        aggregations: {
          histogram: {
            buckets: [
              { key_as_string: '1714557000000', key: 1714557000000, doc_count: 5, levels: { buckets: [{ key: 'error', doc_count: 2 }, { key: 'ERROR', doc_count: 1 }, { key: 'unknown', doc_count: 2 }] } },
              { key_as_string: '1714557060000', key: 1714557060000, doc_count: 0, levels: { buckets: [] } },
            ],
          },
        },
      }),
    );
    const result = await logsOf().logs.volume!('service.name:checkout', { ...ctx(), stepMs: 60_000 });
    const aggs = c.bodies[0]!.aggs as { histogram: { date_histogram: Record<string, unknown>; aggs: unknown } };
    expect(c.bodies[0]!.size).toBe(0);
    expect(aggs.histogram.date_histogram).toEqual({ field: '@timestamp', fixed_interval: '60s', min_doc_count: 0, extended_bounds: { min: 1714557000000, max: RANGE.to }, format: 'epoch_millis' });
    expect(aggs.histogram.aggs).toEqual({ levels: { terms: { field: 'log.level', size: 20, missing: 'unknown' } } });
    expect(result.stepMs).toBe(60_000);
    const byLevel = Object.fromEntries(result.series.map((s) => [s.labels.level, Array.from(s.values)]));
    expect(byLevel).toEqual({ error: [3, 0], unknown: [2, 0] });
    expect(Array.from(result.series[0]!.times)).toEqual([1714557000000, 1714557060000]);
  });
});

describe('elasticsearch context and tail', () => {
  it('context filters on the line\'s stream fields around its time, oldest first, the line itself left out', async () => {
    const c = capture();
    const docs = [
      ecsHit('b1', '2024-05-01T10:00:00.000000001Z', [1]),
      ecsHit('me', '2024-05-01T10:00:00.000000005Z', [5]),
      ecsHit('a1', '2024-05-01T10:00:00.000000009Z', [9]),
    ];
    c.use((body) => answer((body.sort as Array<Record<string, { order: string }>>)[0]!['@timestamp']!.order === 'desc' ? [...docs].reverse() : docs));
    const { logs } = logsOf();
    const line = (await logs.queryLogs('', logCtx())).lines.find((l) => l.key.endsWith('/me'))!;
    const result = await logs.context!(line, { before: 5, after: 5, signal: new AbortController().signal });
    expect(result.before.map((l) => l.key.split('/').pop())).toEqual(['b1']);
    expect(result.after.map((l) => l.key.split('/').pop())).toEqual(['a1']);
    const filter = (c.bodies[1]!.query as { bool: { filter: unknown[] } }).bool.filter;
    expect(filter).toContainEqual({ term: { 'service.name': 'checkout' } });
  });

  it('tail polls forward and delivers only new lines', async () => {
    let n = 0;
    server.use(
      http.post(`${BASE}/:index/_search`, () => {
        n++;
        return n === 1 ? answer([ecsHit('a', new Date().toISOString(), [1])]) : answer([ecsHit('a', new Date(Date.now() - 10).toISOString(), [1])]);
      }),
    );
    const lines: LogLine[] = [];
    const statuses: TailStatus[] = [];
    const controller = new AbortController();
    logsOf().logs.tail!('', { onLines: (l) => void lines.push(...l), onStatus: (s) => void statuses.push(s), onError: () => undefined }, controller.signal);
    await vi.waitFor(() => expect(statuses).toContainEqual({ state: 'live', transport: 'polling' }));
    controller.abort();
    expect(lines.length).toBeLessThanOrEqual(1);
  });
});

describe('elasticsearch options and times', () => {
  it('index defaults to the logs-* data streams; field names default to ECS', () => {
    expect(() => parseEsOptions({ index: '' })).toThrow(ConfigError);
    expect(parseEsOptions({}).index).toBe('logs-*');
    expect(parseEsOptions({ index: 'filebeat-*,app-*' })).toMatchObject({ index: 'filebeat-*,app-*', timeField: '@timestamp', messageField: 'message', levelField: 'log.level', fields: { service: 'service.name', traceId: 'trace.id', spanId: 'span.id' } });
    expect(() => parseEsOptions({ index: 'a b' })).toThrow(/options.index/);
    expect(() => parseEsOptions({ index: 'x', fields: { colour: 'c' } })).toThrow(/options.fields.colour/);
  });

  it('reads ns ISO strings, offsets, epoch ms numbers and strings; refuses the rest', () => {
    expect(timeToNs('2024-05-01T10:00:00.123456789Z')).toBe('1714557600123456789');
    expect(timeToNs('2024-05-01T12:00:00.5+02:00')).toBe('1714557600500000000');
    expect(timeToNs('2024-05-01T12:00:00+0200')).toBe('1714557600000000000');
    expect(timeToNs('2024-05-01')).toBe('1714521600000000000');
    expect(timeToNs(1714557600123)).toBe('1714557600123000000');
    expect(timeToNs('1714557600123')).toBe('1714557600123000000');
    for (const bad of ['yesterday', '', null, -1, '2024-13-45T99:00:00Z']) expect(timeToNs(bad), String(bad)).toBeUndefined();
  });
});
