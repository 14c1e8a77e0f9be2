import { runLogsConformance } from '../shared/conformance/logs';
import { json, LOKI_STATS as stats, lokiRecordedAnswers } from '../shared/conformance/recorded';
import { createLokiDataSource } from './index';

// Loki's own wire format (shared/reference/datasource-apis.md §2): plain-text errors, ns strings, streams.

const BASE = 'http://loki.conformance:3100';
runLogsConformance({
  adapter: 'loki',
  serverName: 'Loki',
  baseUrl: BASE,
  create: (fetchFn) => createLokiDataSource({ uid: 'loki', kind: 'loki', name: 'Loki', url: BASE }, fetchFn),
  query: '{job="varlogs"} |= "error"',
  limit: 3,
  recorded: {
    ...lokiRecordedAnswers(),
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
