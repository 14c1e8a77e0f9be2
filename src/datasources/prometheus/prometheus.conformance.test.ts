import { HttpResponse } from 'msw';
import { runMetricsConformance } from '../shared/conformance/metrics';
import { createPrometheusDataSource } from './index';
import { MAX_SERIES } from './transform';

// Prometheus' own wire format (shared/reference/datasource-apis.md §1): the metrics contract every metrics
// adapter runs, here with the answers a real Prometheus 2.x/3.x gives.

const BASE = 'http://prom.conformance:9090';
const json = (body: unknown, status = 200) => HttpResponse.json(body as Record<string, unknown>, { status });
const matrix = (result: unknown[], extra: Record<string, unknown> = {}) => json({ status: 'success', data: { resultType: 'matrix', result }, ...extra });

runMetricsConformance({
  adapter: 'prometheus',
  serverName: 'Prometheus',
  baseUrl: BASE,
  create: (fetchFn) => createPrometheusDataSource({ uid: 'prom', kind: 'prometheus', name: 'Prometheus', url: BASE }, fetchFn),
  query: 'rate(http_requests_total[5m])',
  recorded: {
    serverError: () =>
      json({ status: 'error', errorType: 'internal', error: 'expanding series: context canceled' }, 500),
    badQuery: {
      respond: () => json({ status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": 1:6: parse error: unexpected end of input' }, 400),
      message: '1:6: parse error: unexpected end of input',
    },
    malformed: {
      respond: () => matrix([{ metric: { job: 'api' }, values: [[1700000000, '1'], [1700000015, 2]] }]),
      field: 'data.result[0].values[1][1]',
    },
    empty: () => matrix([]),
    specialValues: {
      respond: () =>
        matrix([{ metric: { job: 'api' }, values: [[1700000000, '0.5'], [1700000015, 'NaN'], [1700000030, '+Inf'], [1700000045, '-Inf'], [1700000060, '1e308']] }]),
      values: [0.5, NaN, Infinity, -Infinity, 1e308],
    },
    truncated: {
      // One more series than the adapter keeps: it drops the rest and must say how many.
      respond: () => matrix(Array.from({ length: MAX_SERIES + 1 }, (_, i) => ({ metric: { pod: `pod-${i}` }, values: [[1700000000, '1']] }))),
      warning: /dropping 1\b/,
    },
  },
});
