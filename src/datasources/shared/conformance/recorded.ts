import { HttpResponse } from 'msw';
import type { AlertsFixture } from './alerts';
import type { LogsFixture } from './logs';

// Servers' recorded answers that more than one conformance run replays: the real adapter's suite and the
// fake that shows the suite catching a flaw read the same wire shapes (shared/reference/datasource-apis.md),
// so a shape corrected here is corrected for both.

export const json = (body: unknown, status = 200) => HttpResponse.json(body as Record<string, unknown>, { status });
export const text = (body: string, status: number) => new HttpResponse(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** Loki's `stats` block, as a query answer carries it (§2). */
export const LOKI_STATS = {
  summary: { bytesProcessedPerSecond: 0, linesProcessedPerSecond: 0, totalBytesProcessed: 0, totalLinesProcessed: 0, execTime: 0.001, queueTime: 0 },
  querier: {},
  ingester: {},
  index: {},
  cache: {},
};
export const lokiStreams = (result: unknown[]) => json({ status: 'success', data: { resultType: 'streams', result, stats: LOKI_STATS } });

/** Loki's answers to `{job="varlogs"} |= "error"` with limit 3: plain-text errors, ns timestamps as strings, streams. */
export function lokiRecordedAnswers(): Omit<LogsFixture['recorded'], 'volume'> {
  return {
    serverError: () => text('rpc error: code = Unavailable desc = connection refused\n', 500),
    badQuery: { respond: () => text('parse error at line 1, col 11: syntax error: unexpected IDENTIFIER\n', 400), message: 'parse error at line 1, col 11: syntax error: unexpected IDENTIFIER' },
    malformed: { respond: () => lokiStreams([{ stream: { job: 'varlogs' }, values: [['1569266497240578000', 'foo'], [1569266492548155000, 'bar']] }]), field: 'data.result[0].values[1][0]' },
    empty: () => lokiStreams([]),
    lines: {
      respond: () =>
        lokiStreams([
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
      respond: () => lokiStreams([{ stream: { job: 'varlogs' }, values: [['1569266497000000003', 'c'], ['1569266497000000002', 'b'], ['1569266497000000001', 'a']] }]),
      warning: /older lines .* may be missing/,
    },
  };
}

type AmAlert = (fingerprint: string, state: 'active' | 'suppressed', startsAt: string, endsAt: string) => unknown;

/** Alertmanager's answers to `GET /api/v2/alerts` (§7): JSON arrays, errors as a bare JSON string. */
export function alertmanagerRecordedAnswers(amAlert: AmAlert): AlertsFixture['recorded'] {
  return {
    serverError: () => json('failed to get alerts: context deadline exceeded', 500),
    badQuery: { respond: () => json('bad matcher format: alertname=~(', 400), message: 'bad matcher format' },
    malformed: { respond: () => json([{ ...(amAlert('3d4f6a1b2c3d4e5f', 'active', '2024-05-01T09:55:00.000Z', '2024-05-01T10:05:00.000Z') as object), startsAt: 'yesterday' }]), field: '[0].startsAt' },
    empty: () => json([]),
    alerts: {
      respond: () =>
        json([
          amAlert('3d4f6a1b2c3d4e5f', 'active', '2024-05-01T09:55:00.000Z', '2024-05-01T10:05:00.000Z'),
          amAlert('0a1b2c3d4e5f6a7b', 'suppressed', '2024-05-01T11:55:00.000+02:00', '2024-05-01T12:05:00.000+02:00'),
        ]),
      expected: [
        { fingerprint: '3d4f6a1b2c3d4e5f', state: 'active', startsAt: Date.UTC(2024, 4, 1, 9, 55), endsAt: Date.UTC(2024, 4, 1, 10, 5) },
        { fingerprint: '0a1b2c3d4e5f6a7b', state: 'suppressed', startsAt: Date.UTC(2024, 4, 1, 9, 55), endsAt: Date.UTC(2024, 4, 1, 10, 5) },
      ],
    },
  };
}
