import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataSourceError } from '../../lib/errors';
import type { LogQueryCtx, QueryCtx } from '../types';
import { createLokiDataSource } from './index';

// Requests and answers as shared/reference/datasource-apis.md §2 gives them for Loki 3.x.

const BASE = 'http://loki.contract:3100';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const RANGE = { from: 1_700_000_000_000, to: 1_700_003_600_000 };
const logsOf = (options?: Record<string, unknown>) => {
  const ds = createLokiDataSource({ uid: 'loki', kind: 'loki', name: 'Loki', url: BASE, ...(options ? { options } : {}) }, (input, init) => globalThis.fetch(input, init));
  if (!ds.logs) throw new Error('no logs capability');
  return ds.logs;
};
const ctx = (): QueryCtx => ({ range: RANGE, signal: new AbortController().signal });
const logCtx = (extra: Partial<LogQueryCtx> = {}): LogQueryCtx => ({ ...ctx(), limit: 100, direction: 'backward', ...extra });
const text = (body: string, status: number) => new HttpResponse(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
const json = (body: unknown) => HttpResponse.json(body as Record<string, unknown>);
const streams = (result: unknown[], extra: Record<string, unknown> = {}) => json({ status: 'success', data: { resultType: 'streams', result, stats: {}, ...extra } });

async function rejection(promise: Promise<unknown>): Promise<DataSourceError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DataSourceError);
    return error as DataSourceError;
  }
  throw new Error('expected a rejection');
}

describe('loki query_range for logs', () => {
  it('asks with ns start/end (end exclusive, just past the range), limit, direction and the categorize-labels header', async () => {
    let seen: URL | undefined;
    let flags: string | null = null;
    server.use(
      http.get(`${BASE}/loki/api/v1/query_range`, ({ request }) => {
        seen = new URL(request.url);
        flags = request.headers.get('X-Loki-Response-Encoding-Flags');
        return streams([]);
      }),
    );
    await logsOf().queryLogs('{job="app"} |= "x"', logCtx({ limit: 250 }));
    expect(Object.fromEntries(seen!.searchParams)).toEqual({
      query: '{job="app"} |= "x"',
      start: '1700000000000000000',
      end: '1700003600000000001',
      limit: '250',
      direction: 'backward',
    });
    expect(flags).toBe('categorize-labels');
  });

  it('leaves the header off with categorizeLabels: false', async () => {
    let flags: string | null = 'unset';
    server.use(http.get(`${BASE}/loki/api/v1/query_range`, ({ request }) => ((flags = request.headers.get('X-Loki-Response-Encoding-Flags')), streams([]))));
    await logsOf({ categorizeLabels: false }).queryLogs('{job="app"}', logCtx());
    expect(flags).toBeNull();
  });

  it('reads the categorized shape: structured metadata and parsed labels beside the line, trace IDs from them', async () => {
    server.use(
      http.get(`${BASE}/loki/api/v1/query_range`, () =>
        streams(
          [
            {
              stream: { job: 'app' },
              values: [
                ['1700000000123456789', 'GET /cart 200', { structuredMetadata: { trace_id: TRACE, span_id: '00f067aa0ba902b7' }, parsed: { status: '200' } }],
                ['1700000000000000000', 'plain line', {}],
              ],
            },
          ],
          { encodingFlags: ['categorize-labels'] },
        ),
      ),
    );
    const page = await logsOf().queryLogs('{job="app"} | logfmt', logCtx());
    expect(page.lines[0]).toMatchObject({ timeNs: '1700000000123456789', line: 'GET /cart 200', metadata: { trace_id: TRACE, span_id: '00f067aa0ba902b7', status: '200' }, traceId: TRACE, spanId: '00f067aa0ba902b7' });
    expect(page.lines[0]!.stream.labels).toEqual({ job: 'app' });
    expect(page.lines[1]!.metadata).toBeUndefined();
    expect(page.lines[1]!.stream).toBe(page.lines[0]!.stream);
  });

  it('finds trace IDs with the configured derived fields, and levels from the line', async () => {
    server.use(
      http.get(`${BASE}/loki/api/v1/query_range`, () =>
        streams([{ stream: { job: 'legacy' }, values: [['1700000000000000002', `level=error msg="timeout" tid=${TRACE}`], ['1700000000000000001', `{"level":"warn","traceId":"${TRACE}"}`]] }]),
      ),
    );
    const page = await logsOf({ derivedFields: [{ name: 'TraceID', matcherRegex: 'tid=(\\w+)' }] }).queryLogs('{job="legacy"}', logCtx());
    expect(page.lines.map((l) => [l.level, l.traceId])).toEqual([
      ['error', TRACE],
      ['warn', TRACE],
    ]);
  });

  it('a limit over max_entries_limit_per_query: asks again at the cap, says so, and remembers it', async () => {
    const limits: string[] = [];
    server.use(
      http.get(`${BASE}/loki/api/v1/query_range`, ({ request }) => {
        const limit = new URL(request.url).searchParams.get('limit')!;
        limits.push(limit);
        if (Number(limit) > 2) return text(`max entries limit per query exceeded, limit > max_entries_limit_per_query (${limit} > 2)\n`, 400);
        return streams([{ stream: { job: 'app' }, values: [['1700000000000000002', 'b'], ['1700000000000000001', 'a']] }]);
      }),
    );
    const logs = logsOf();
    const page = await logs.queryLogs('{job="app"}', logCtx({ limit: 10000 }));
    expect(page.lines).toHaveLength(2);
    expect(page.serverCap).toBe(2);
    expect(page.hasMore).toBe(true);
    expect(page.warnings.join(' ')).toMatch(/at most 2 lines per query \(its max_entries_limit_per_query\); asked for 10,000, showing newest 2 of more/);
    await logs.queryLogs('{job="app"}', logCtx({ limit: 10000 }));
    expect(limits).toEqual(['10000', '2', '2']);
  });

  it('"load older" continues from the boundary nanosecond, without repeating the lines seen there', async () => {
    // Three lines share ns …005; the first page (limit 3) holds two of them.
    const all: Array<[string, string]> = [
      ['1700000000000000006', 'f'],
      ['1700000000000000005', 'e3'],
      ['1700000000000000005', 'e2'],
      ['1700000000000000005', 'e1'],
      ['1700000000000000004', 'd'],
    ];
    const ends: string[] = [];
    server.use(
      http.get(`${BASE}/loki/api/v1/query_range`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        const end = params.get('end')!;
        ends.push(end);
        const limit = Number(params.get('limit'));
        const values = all.filter(([ns]) => BigInt(ns) < BigInt(end)).slice(0, limit);
        return streams([{ stream: { job: 'app' }, values }]);
      }),
    );
    const logs = logsOf();
    const first = await logs.queryLogs('{job="app"}', logCtx({ limit: 3 }));
    expect(first.lines.map((l) => l.line)).toEqual(['f', 'e3', 'e2']);
    expect(first.hasMore).toBe(true);
    const second = await logs.queryLogs('{job="app"}', logCtx({ limit: 3, cursor: first.cursor! }));
    expect(second.lines.map((l) => l.line)).toEqual(['e1', 'd']);
    expect(second.hasMore).toBe(false);
    expect(ends[1]).toBe('1700000000000000006');
    expect(new Set([...first.lines, ...second.lines].map((l) => l.key)).size).toBe(5);
  });

  it('steps past a nanosecond that holds more lines than the server cap, saying so, rather than loop', async () => {
    const same = Array.from({ length: 4 }, (_, i) => ['1700000000000000005', `s${3 - i}`] as [string, string]);
    server.use(
      http.get(`${BASE}/loki/api/v1/query_range`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        const limit = params.get('limit')!;
        if (Number(limit) > 2) return text(`max entries limit per query exceeded, limit > max_entries_limit_per_query (${limit} > 2)\n`, 400);
        const end = BigInt(params.get('end')!);
        const values = [...same, ['1700000000000000001', 'old'] as [string, string]].filter(([ns]) => BigInt(ns) < end).slice(0, Number(params.get('limit')));
        return streams([{ stream: { job: 'app' }, values }]);
      }),
    );
    const logs = logsOf();
    const first = await logs.queryLogs('{job="app"}', logCtx({ limit: 2 }));
    const second = await logs.queryLogs('{job="app"}', logCtx({ limit: 2, cursor: first.cursor! }));
    expect(second.lines.map((l) => l.line)).toEqual(['old']);
    expect(second.warnings.join(' ')).toMatch(/More than 2 lines share the nanosecond 1700000000000000005/);
  });

  it('a cursor from somewhere else is a clear query error', async () => {
    const error = await rejection(logsOf().queryLogs('{job="app"}', logCtx({ cursor: '{"search_after":[1]}' })));
    expect(error.kind).toBe('query');
    expect(error.message).toMatch(/not issued by a Loki datasource/);
  });

  it("a 400 parse error is kind query with Loki's whole text; 401 no org id names the header", async () => {
    const long = `parse error at line 1, col 11: syntax error: unexpected IDENTIFIER, expecting STRING or ${'x'.repeat(300)}`;
    server.use(http.get(`${BASE}/loki/api/v1/query_range`, () => text(`${long}\n`, 400)));
    const error = await rejection(logsOf().queryLogs('{job=app}', logCtx()));
    expect(error.kind).toBe('query');
    expect(error.message).toBe(long);
    server.use(http.get(`${BASE}/loki/api/v1/query_range`, () => text('no org id\n', 401)));
    expect((await rejection(logsOf().queryLogs('{job="a"}', logCtx()))).message).toMatch(/no org id.*X-Scope-OrgID/);
  });

  it('a metric query sent as a log query says to run it as a metric query', async () => {
    server.use(http.get(`${BASE}/loki/api/v1/query_range`, () => json({ status: 'success', data: { resultType: 'matrix', result: [], stats: {} } })));
    const error = await rejection(logsOf().queryLogs('rate({job="a"}[1m])', logCtx()));
    expect(error.kind).toBe('parse');
    expect(error.message).toMatch(/this is a metric query/);
  });

  it('keeps Loki warnings', async () => {
    server.use(http.get(`${BASE}/loki/api/v1/query_range`, () => json({ status: 'success', warnings: ['query was split'], data: { resultType: 'streams', result: [], stats: {} } })));
    expect((await logsOf().queryLogs('{job="a"}', logCtx())).warnings).toEqual(['query was split']);
  });
});

describe('loki metric queries and volume', () => {
  it('queryMetrics reads a matrix: seconds to ms, NaN and infinities, step in the request', async () => {
    let seen: URL | undefined;
    server.use(
      http.get(`${BASE}/loki/api/v1/query_range`, ({ request }) => {
        seen = new URL(request.url);
        return json({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { app: 'x' }, values: [[1700000000, '137.95'], [1700000060.5, 'NaN']] }], stats: {} } });
      }),
    );
    const result = await logsOf().queryMetrics!('rate({app="x"}[1m])', { ...ctx(), stepMs: 60_000 });
    expect(seen!.searchParams.get('step')).toBe('60s');
    // Snapped down to the step, so refreshes evaluate at the same instants; `end` is exclusive, hence the ms.
    expect(seen!.searchParams.get('start')).toBe('1699999980');
    expect(seen!.searchParams.get('end')).toBe('1700003580.001');
    expect(result.stepMs).toBe(60_000);
    expect(Array.from(result.series[0]!.times)).toEqual([1_700_000_000_000, 1_700_000_060_500]);
    expect(Array.from(result.series[0]!.values).map(String)).toEqual(['137.95', 'NaN']);
  });

  it('volume counts the query by level, merging spellings of one level and lines with none into "unknown"', async () => {
    let query = '';
    server.use(
      http.get(`${BASE}/loki/api/v1/query_range`, ({ request }) => {
        query = new URL(request.url).searchParams.get('query')!;
        return json({
          status: 'success',
          data: {
            resultType: 'matrix',
            result: [
              { metric: { level: 'ERROR' }, values: [[1700000000, '2'], [1700000060, '1']] },
              { metric: { detected_level: 'error' }, values: [[1700000060, '4']] },
              { metric: {}, values: [[1700000000, '7']] },
            ],
            stats: {},
          },
        });
      }),
    );
    const result = await logsOf().volume!('{job="app"} |= "x"', { ...ctx(), stepMs: 60_000 });
    expect(query).toBe('sum by (level, detected_level) (count_over_time({job="app"} |= "x"\n[60s]))');
    const byLevel = Object.fromEntries(result.series.map((s) => [s.labels.level, [Array.from(s.times), Array.from(s.values)]]));
    expect(byLevel).toEqual({ error: [[1_700_000_000_000, 1_700_000_060_000], [2, 5]], unknown: [[1_700_000_000_000], [7]] });
  });
});

describe('loki labels', () => {
  it('no labels is {"status":"success"} with no data key: an empty list', async () => {
    server.use(http.get(`${BASE}/loki/api/v1/labels`, () => json({ status: 'success' })));
    expect(await logsOf().labelNames!(ctx())).toEqual([]);
  });

  it('label values ask the encoded name with the range in seconds', async () => {
    let seen: URL | undefined;
    server.use(http.get(`${BASE}/loki/api/v1/label/:name/values`, ({ request }) => ((seen = new URL(request.url)), json({ status: 'success', data: ['a', 'b'] }))));
    expect(await logsOf().labelValues!('service_name', ctx())).toEqual(['a', 'b']);
    expect(seen!.pathname).toBe('/loki/api/v1/label/service_name/values');
    expect(seen!.searchParams.get('start')).toBe('1700000000');
    expect(seen!.searchParams.get('end')).toBe('1700003600');
  });

  it('a label list holding a non-string names the element', async () => {
    server.use(http.get(`${BASE}/loki/api/v1/labels`, () => json({ status: 'success', data: ['a', 3] })));
    expect((await rejection(logsOf().labelNames!(ctx()))).message).toMatch(/Loki: data\[1\] should be a string/);
  });
});
