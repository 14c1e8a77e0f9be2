import { HttpResponse } from 'msw';
import { runLogsConformance } from '../shared/conformance/logs';
import { createLokiDataSource } from './index';

// Loki's own wire format (shared/reference/datasource-apis.md §2): plain-text errors, ns strings, streams.

const BASE = 'http://loki.conformance:3100';
const json = (body: unknown, status = 200) => HttpResponse.json(body as Record<string, unknown>, { status });
const text = (body: string, status: number) => new HttpResponse(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
const stats = { summary: { bytesProcessedPerSecond: 0, linesProcessedPerSecond: 0, totalBytesProcessed: 0, totalLinesProcessed: 0, execTime: 0.001, queueTime: 0 }, querier: {}, ingester: {}, index: {}, cache: {} };
const streams = (result: unknown[]) => json({ status: 'success', data: { resultType: 'streams', result, stats } });

runLogsConformance({
  adapter: 'loki',
  serverName: 'Loki',
  baseUrl: BASE,
  create: (fetchFn) => createLokiDataSource({ uid: 'loki', kind: 'loki', name: 'Loki', url: BASE }, fetchFn),
  query: '{job="varlogs"} |= "error"',
  limit: 3,
  recorded: {
    serverError: () => text('rpc error: code = Unavailable desc = connection refused\n', 500),
    badQuery: { respond: () => text('parse error at line 1, col 11: syntax error: unexpected IDENTIFIER\n', 400), message: 'parse error at line 1, col 11: syntax error: unexpected IDENTIFIER' },
    malformed: { respond: () => streams([{ stream: { job: 'varlogs' }, values: [['1569266497240578000', 'foo'], [1569266492548155000, 'bar']] }]), field: 'data.result[0].values[1][0]' },
    empty: () => streams([]),
    lines: {
      respond: () =>
        streams([
          { stream: { filename: '/var/log/app.log', job: 'varlogs' }, values: [['1569266497240578123', 'GET /pay 500 <script>alert(1)</script>'], ['1569266492548155000', 'bar']] },
          { stream: { job: 'varlogs', level: 'error' }, values: [['1569266495000000001', 'payment failed']] },
        ]),
      expected: [
        { timeNs: '1569266497240578123', line: 'GET /pay 500 <script>alert(1)</script>' },
        { timeNs: '1569266495000000001', line: 'payment failed' },
        { timeNs: '1569266492548155000', line: 'bar' },
      ],
    },
    limitReached: {
      respond: () => streams([{ stream: { job: 'varlogs' }, values: [['1569266497000000003', 'c'], ['1569266497000000002', 'b'], ['1569266497000000001', 'a']] }]),
      warning: /older lines .* may be missing/,
    },
    volume: {
      respond: () =>
        json({
          status: 'success',
          data: { resultType: 'matrix', result: [{ metric: { level: 'error' }, values: [[1699996400, '3'], [1699996460, 'NaN'], [1699996520, '+Inf'], [1699996580, '-Inf']] }], stats },
        }),
      values: [3, NaN, Infinity, -Infinity],
    },
  },
});
