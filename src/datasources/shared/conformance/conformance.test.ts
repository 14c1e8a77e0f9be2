import { describe, expect, it } from 'vitest';
import { createPrometheusDataSource } from '../../prometheus';
import type { DataSource, FetchFn } from '../../types';
import { alertsChecks, runAlertsConformance, type AlertsFixture } from './alerts';
import { fakeAlertmanager, fakeJaeger, fakeLoki, FAKE_ALERTMANAGER_URL, FAKE_JAEGER_URL, FAKE_LOKI_URL, type AlertmanagerFlaw, type JaegerFlaw, type LokiFlaw } from './fakeAdapters';
import { useConformanceServer, type ConformanceCheck } from './harness';
import { logsChecks, runLogsConformance, type LogsFixture } from './logs';
import { alertmanagerRecordedAnswers, json, lokiRecordedAnswers, text } from './recorded';
import { amAlert } from '../../alertmanager/wire.testing';
import { metricsChecks, type MetricsFixture } from './metrics';
import { runTracesConformance, tracesChecks, type TracesFixture } from './traces';

// The suites for logs, traces and alerts have no real adapter to run against yet. Tiny fakes that speak the
// real wire formats (fakeAdapters.ts) show both halves: a correct fake passes each suite, and a fake with one
// deliberate flaw fails the check aimed at that flaw. The fixtures below are the shapes of
// shared/reference/datasource-apis.md §2 (Loki), §3.1 (Jaeger) and §7 (Alertmanager).


// ---- Loki ----
function lokiFixture(flaw?: LokiFlaw): LogsFixture {
  return {
    adapter: flaw ? `loki fake that ${flaw}` : 'loki fake',
    serverName: 'Loki',
    baseUrl: FAKE_LOKI_URL,
    create: (fetchFn) => fakeLoki(fetchFn, flaw),
    query: '{job="varlogs"} |= "error"',
    limit: 3,
    recorded: lokiRecordedAnswers(),
  };
}

// ---- Jaeger ----
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const jaegerEnvelope = (data: unknown, errors: unknown = null) => ({ data, total: 0, limit: 0, offset: 0, errors });
const jaegerSpan = (spanID: string, startTime: number) => ({
  traceID: TRACE, spanID, flags: 1, operationName: 'HTTP GET /dispatch', references: [], startTime, duration: 5042, tags: [], logs: [], processID: 'p1', warnings: null,
});
const jaegerTrace = (spanCount: number) =>
  json(
    jaegerEnvelope([
      {
        traceID: TRACE,
        spans: Array.from({ length: spanCount }, (_, i) => jaegerSpan(i.toString(16).padStart(16, '0'), 1485467191639875 + i)),
        processes: { p1: { serviceName: 'frontend', tags: [{ key: 'hostname', type: 'string', value: 'h1' }] } },
        warnings: null,
      },
    ]),
  );
function jaegerFixture(flaw?: JaegerFlaw): TracesFixture {
  return {
    adapter: flaw ? `jaeger fake that ${flaw}` : 'jaeger fake',
    serverName: 'Jaeger',
    baseUrl: FAKE_JAEGER_URL,
    create: (fetchFn) => fakeJaeger(fetchFn, flaw),
    traceId: TRACE.toUpperCase(),
    recorded: {
      serverError: () => text(`${JSON.stringify(jaegerEnvelope(null, [{ code: 500, msg: 'cassandra: no hosts available' }]))}\n`, 500),
      badQuery: {
        respond: () => text(`${JSON.stringify(jaegerEnvelope(null, [{ code: 400, msg: 'strconv.ParseUint: parsing "xyz": invalid syntax' }]))}\n`, 400),
        message: 'strconv.ParseUint',
      },
      malformed: { respond: () => json(jaegerEnvelope([{ traceID: TRACE, spans: [{ ...jaegerSpan('00f067aa0ba902b7', 1), duration: '5042' }], processes: { p1: { serviceName: 'x' } } }])), field: 'data[0].spans[0].duration' },
      empty: () => json(jaegerEnvelope([])),
      trace: { respond: () => jaegerTrace(3), spanCount: 3 },
      notFound: () => text(`${JSON.stringify(jaegerEnvelope(null, [{ code: 404, msg: 'trace not found' }]))}\n`, 404),
      partial: { respond: () => jaegerTrace(51), warning: /51 spans; showing the first 50/ },
    },
  };
}

// ---- Alertmanager ----
function alertmanagerFixture(flaw?: AlertmanagerFlaw): AlertsFixture {
  return {
    adapter: flaw ? `alertmanager fake that ${flaw}` : 'alertmanager fake',
    serverName: 'Alertmanager',
    baseUrl: FAKE_ALERTMANAGER_URL,
    create: (fetchFn) => fakeAlertmanager(fetchFn, flaw),
    recorded: alertmanagerRecordedAnswers(amAlert),
  };
}

// ---- a metrics adapter with flaws: Prometheus behind a shim ----
const PROM = 'http://prom.flawed:9090';
type PromFlaw = 'dropsSignal' | 'zeroesNaN';
function flawedPrometheusFixture(flaw: PromFlaw): MetricsFixture {
  const create = (fetchFn: FetchFn): DataSource => {
    const config = { uid: 'prom', kind: 'prometheus', name: 'Prometheus', url: PROM };
    if (flaw === 'dropsSignal') return createPrometheusDataSource(config, (input, init) => fetchFn(input, { ...init, signal: null }));
    const ds = createPrometheusDataSource(config, fetchFn);
    const metrics = ds.metrics!;
    return {
      ...ds,
      metrics: {
        ...metrics,
        queryRange: async (query, ctx) => {
          const result = await metrics.queryRange(query, ctx);
          return { ...result, series: result.series.map((s) => ({ ...s, values: s.values.map((v) => (Number.isNaN(v) ? 0 : v)) })) };
        },
      },
    };
  };
  const matrix = (values: unknown[]) => json({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values }] } });
  return {
    adapter: `prometheus that ${flaw}`,
    serverName: 'Prometheus',
    baseUrl: PROM,
    create,
    query: 'up',
    recorded: {
      serverError: () => json({ status: 'error', errorType: 'internal', error: 'boom' }, 500),
      badQuery: { respond: () => json({ status: 'error', errorType: 'bad_data', error: 'parse error' }, 400), message: 'parse error' },
      malformed: { respond: () => matrix([[1, 2]]), field: 'data.result[0].values[0][1]' },
      empty: () => json({ status: 'success', data: { resultType: 'matrix', result: [] } }),
      specialValues: { respond: () => matrix([[1, 'NaN'], [2, '+Inf'], [3, '-Inf']]), values: [NaN, Infinity, -Infinity] },
      truncated: { respond: () => json({ status: 'success', warnings: ['results truncated due to limit'], data: { resultType: 'matrix', result: [{ metric: {}, values: [[1, '1']] }] } }), warning: /truncated/ },
    },
  };
}

runLogsConformance(lokiFixture());
runTracesConformance(jaegerFixture());
runAlertsConformance(alertmanagerFixture());

describe('a deliberately wrong adapter fails the suite', () => {
  const server = useConformanceServer();

  /** Runs the one check whose name starts with `prefix`; it must fail, and every other check in `mustPass` must pass. */
  async function expectOnlyFlawCaught<F>(checks: ConformanceCheck<F>[], fixture: F, prefix: string): Promise<void> {
    const target = checks.find((c) => c.name.startsWith(prefix));
    expect(target, `a check named "${prefix}…"`).toBeDefined();
    server.resetHandlers();
    await expect(target!.run(fixture, server)).rejects.toThrow();
  }

  it.each([
    ['dropsSignal', 'an abort while the request is in flight'],
    ['zeroesNaN', 'NaN, +Inf and -Inf'],
  ] as const)('metrics: a Prometheus that %s fails "%s…"', async (flaw, check) => {
    await expectOnlyFlawCaught(metricsChecks(), flawedPrometheusFixture(flaw), check);
  });

  it.each([
    ['dropsSignal', 'an abort while the request is in flight'],
    ['lossyTimes', 'nanosecond timestamps survive'],
    ['silentLimit', 'a result that reaches the limit'],
  ] as const)('logs: a Loki fake that %s fails "%s…"', async (flaw, check) => {
    const fixture = lokiFixture(flaw);
    await expectOnlyFlawCaught(logsChecks(fixture), fixture, check);
  });

  it.each([
    ['notFoundIsEmpty', 'a trace that is not there'],
    ['rawId', 'a trace arrives whole'],
  ] as const)('traces: a Jaeger fake that %s fails "%s…"', async (flaw, check) => {
    await expectOnlyFlawCaught(tracesChecks(), jaegerFixture(flaw), check);
  });

  it.each([
    ['swallowsErrors', 'a server error'],
    ['unparsedTimes', 'alerts arrive'],
  ] as const)('alerts: an Alertmanager fake that %s fails "%s…"', async (flaw, check) => {
    await expectOnlyFlawCaught(alertsChecks(), alertmanagerFixture(flaw), check);
  });
});
