import { describe, expect, it } from 'vitest';
import type { CorrelationSource, CrossLink } from './correlations';
import { createCorrelator, linkableTraceId, LOG_WINDOW_PAD_MS, serviceOfLogLabels, SIGNALS_WINDOW_MS } from './correlator';

const PROM: CorrelationSource = { uid: 'prom', name: 'Prometheus', kind: 'prometheus', capabilities: ['metrics', 'services', 'alerts'] };
const PROM2: CorrelationSource = { uid: 'prom-eu', name: 'Prometheus EU', kind: 'prometheus', capabilities: ['metrics', 'services', 'alerts'] };
const JAEGER: CorrelationSource = { uid: 'jaeger', name: 'Jaeger', kind: 'jaeger', capabilities: ['traces'] };
const TEMPO: CorrelationSource = { uid: 'tempo', name: 'Tempo', kind: 'tempo', capabilities: ['traces'] };
const LOKI: CorrelationSource = { uid: 'loki', name: 'Loki', kind: 'loki', capabilities: ['logs', 'metrics'], logLanguage: 'logql' };
const ES: CorrelationSource = { uid: 'es', name: 'Elastic', kind: 'elasticsearch', capabilities: ['logs'], logLanguage: 'lucene', logFields: { service: 'service.name', traceId: 'trace.id', spanId: 'span.id' } };

const ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const T = 1_700_000_000_000;

/** The parts of a link's URL, so a test reads what the target view will read. */
function parts(l: CrossLink | undefined) {
  if (!l?.available) throw new Error(`expected an available link, got ${JSON.stringify(l)}`);
  const url = new URL(l.href, 'http://x');
  return { path: url.pathname, p: url.searchParams, ds: l.datasourceUid, name: l.datasourceName };
}
const reason = (l: CrossLink | undefined) => (l && !l.available ? l.reason : `available: ${JSON.stringify(l)}`);

describe('linkableTraceId', () => {
  it('takes 16 or 32 hex digits in any case, canonical and lower-cased', () => {
    expect(linkableTraceId(ID.toUpperCase())).toBe(ID);
    expect(linkableTraceId('a3ce929d0e0e4736')).toBe('0000000000000000a3ce929d0e0e4736');
    expect(linkableTraceId(` ${ID} `)).toBe(ID);
  });

  it('refuses wrong lengths, non-hex, all zeros and nothing', () => {
    for (const bad of [ID.slice(1), `${ID}0`, 'abc', 'a3ce929d0e0e473', `${ID.slice(0, 31)}g`, '0'.repeat(32), '', 'trace-1', undefined]) expect(linkableTraceId(bad), String(bad)).toBeUndefined();
  });
});

describe('exemplarTrace', () => {
  const c = createCorrelator([PROM, PROM2, JAEGER, TEMPO], { exemplars: { 'prom-eu': { traceDatasource: 'tempo', traceIdLabel: 'traceID' } } });

  it("opens the exemplar's trace in the first trace datasource by convention, around its time, with its span", () => {
    const { path, p, ds, name } = parts(c.exemplarTrace('prom', { labels: { trace_id: ID.toUpperCase(), span_id: '00F067AA0BA902B7' }, time: T }));
    expect(path).toBe(`/traces/${ID}`);
    expect(ds).toBe('jaeger');
    expect(name).toBe('Jaeger');
    expect(p.get('ds')).toBe('jaeger');
    expect(p.get('span')).toBe('00f067aa0ba902b7');
    expect(Number(p.get('from'))).toBeLessThan(T);
    expect(Number(p.get('to'))).toBeGreaterThan(T);
  });

  it('reads traceID and traceId too', () => {
    expect(parts(c.exemplarTrace('prom', { labels: { traceID: ID }, time: T })).path).toBe(`/traces/${ID}`);
    expect(parts(c.exemplarTrace('prom', { labels: { traceId: ID }, time: T })).path).toBe(`/traces/${ID}`);
  });

  it('with two trace backends, an exemplar from the second Prometheus opens in the trace datasource its rule names, by its label', () => {
    const l = parts(c.exemplarTrace('prom-eu', { labels: { traceID: ID, trace_id: 'ffffffffffffffffffffffffffffffff' }, time: T }));
    expect(l.ds).toBe('tempo');
    expect(l.p.get('ds')).toBe('tempo');
    expect(l.path).toBe(`/traces/${ID}`);
    // The rule's label only: trace_id is not read for prom-eu.
    expect(reason(c.exemplarTrace('prom-eu', { labels: { trace_id: ID }, time: T }))).toBe('no traceID label');
  });

  it('prefers the trace datasource marked default when no rule names one', () => {
    const d = createCorrelator([PROM, JAEGER, { ...TEMPO, isDefault: true }]);
    expect(parts(d.exemplarTrace('prom', { labels: { trace_id: ID }, time: T })).ds).toBe('tempo');
  });

  it('does not link a malformed trace ID, and says why', () => {
    expect(reason(c.exemplarTrace('prom', { labels: { trace_id: 'abc123' }, time: T }))).toBe('not a trace ID: abc123');
    expect(reason(c.exemplarTrace('prom', { labels: { trace_id: `${ID}ff` }, time: T }))).toMatch(/^not a trace ID/);
    expect(reason(c.exemplarTrace('prom', { labels: { trace_id: 'z'.repeat(32) }, time: T }))).toMatch(/^not a trace ID/);
    expect(reason(c.exemplarTrace('prom', { labels: { job: 'x' }, time: T }))).toBe('no trace_id / traceID / traceId label');
  });

  it('says so when no trace datasource is configured', () => {
    expect(reason(createCorrelator([PROM]).exemplarTrace('prom', { labels: { trace_id: ID }, time: T }))).toBe('no trace datasource configured');
  });

  it('leaves the window out for a time that is not a number, rather than writing NaN', () => {
    const { p } = parts(c.exemplarTrace('prom', { labels: { trace_id: ID }, time: Number.NaN }));
    expect(p.has('from')).toBe(false);
  });
});

describe('logsForTrace', () => {
  it('asks Loki for the trace ID as structured metadata, over the trace window padded by a minute each side', () => {
    const c = createCorrelator([JAEGER, LOKI]);
    const { path, p, ds } = parts(c.logsForTrace({ datasourceUid: 'jaeger', traceId: ID, startMs: T, endMs: T + 30_000 }));
    expect(path).toBe('/explore/logs');
    expect(ds).toBe('loki');
    expect(p.get('ds')).toBe('loki');
    expect(p.get('q')).toBe(`{service_name=~".+"} | trace_id="${ID}"`);
    expect(Number(p.get('from'))).toBe(T - LOG_WINDOW_PAD_MS);
    expect(Number(p.get('to'))).toBe(T + 30_000 + LOG_WINDOW_PAD_MS);
  });

  it('never opens a window of a few ms: a 3 ms trace gets at least two minutes', () => {
    const c = createCorrelator([JAEGER, LOKI]);
    const { p } = parts(c.logsForTrace({ datasourceUid: 'jaeger', traceId: ID, startMs: T, endMs: T + 3 }));
    expect(Number(p.get('to')) - Number(p.get('from'))).toBeGreaterThanOrEqual(2 * LOG_WINDOW_PAD_MS);
    // Start and end swapped (a clock-skewed trace) still pads around both.
    const swapped = parts(c.logsForTrace({ datasourceUid: 'jaeger', traceId: ID, startMs: T + 3, endMs: T })).p;
    expect([swapped.get('from'), swapped.get('to')]).toEqual([p.get('from'), p.get('to')]);
  });

  it('asks both spellings of a 64-bit trace ID', () => {
    const c = createCorrelator([JAEGER, LOKI, ES]);
    const padded = '0000000000000000a3ce929d0e0e4736';
    expect(parts(c.logsForTrace({ datasourceUid: 'jaeger', traceId: padded, startMs: T, endMs: T })).p.get('q')).toBe('{service_name=~".+"} | trace_id=~"(0{16})?a3ce929d0e0e4736"');
    const es = createCorrelator([JAEGER, ES]);
    expect(parts(es.logsForTrace({ datasourceUid: 'jaeger', traceId: 'a3ce929d0e0e4736', startMs: T, endMs: T })).p.get('q')).toBe(
      `trace.id:"${padded}" OR trace.id:"a3ce929d0e0e4736" OR trace_id:"${padded}" OR trace_id:"a3ce929d0e0e4736" OR traceId:"${padded}" OR traceId:"a3ce929d0e0e4736"`,
    );
  });

  it('asks Elasticsearch in Lucene under the ECS and OpenTelemetry field names, or the one field the datasource maps', () => {
    const c = createCorrelator([JAEGER, ES]);
    expect(parts(c.logsForTrace({ datasourceUid: 'jaeger', traceId: ID, startMs: T, endMs: T })).p.get('q')).toBe(`trace.id:"${ID}" OR trace_id:"${ID}" OR traceId:"${ID}"`);
    const mapped = createCorrelator([JAEGER, { ...ES, logFields: { service: 'svc', traceId: 'ctx.trace' } }]);
    expect(parts(mapped.logsForTrace({ datasourceUid: 'jaeger', traceId: ID, startMs: T, endMs: T })).p.get('q')).toBe(`ctx.trace:"${ID}"`);
  });

  it('follows the overrides: the log datasource a trace datasource names, its trace ID label, a line filter', () => {
    const loki2: CorrelationSource = { ...LOKI, uid: 'loki-2', name: 'Loki 2' };
    const c = createCorrelator([JAEGER, TEMPO, LOKI, loki2], {
      traceToLogs: { tempo: { logsDatasource: 'loki-2', traceIdField: 'traceID' } },
      logs: { loki: { traceIdMatch: 'line', serviceLabel: 'app' } },
    });
    const fromTempo = parts(c.logsForTrace({ datasourceUid: 'tempo', traceId: ID, startMs: T, endMs: T }));
    expect(fromTempo.ds).toBe('loki-2');
    expect(fromTempo.p.get('q')).toBe(`{service_name=~".+"} | traceID="${ID}"`);
    const fromJaeger = parts(c.logsForTrace({ datasourceUid: 'jaeger', traceId: ID, startMs: T, endMs: T }));
    expect(fromJaeger.ds).toBe('loki');
    expect(fromJaeger.p.get('q')).toBe(`{app=~".+"} |= "${ID}"`);
  });

  it('says why there is no link: no log datasource, a malformed ID, no times', () => {
    expect(reason(createCorrelator([JAEGER]).logsForTrace({ datasourceUid: 'jaeger', traceId: ID, startMs: T, endMs: T }))).toBe('no log datasource configured');
    const c = createCorrelator([JAEGER, LOKI]);
    expect(reason(c.logsForTrace({ datasourceUid: 'jaeger', traceId: 'xyz', startMs: T, endMs: T }))).toBe('not a trace ID: xyz');
    expect(reason(c.logsForTrace({ datasourceUid: 'jaeger', traceId: ID, startMs: Number.NaN, endMs: T }))).toBe('the trace has no start or end time');
  });
});

describe('logsForSpan', () => {
  const span = { traceId: ID, spanId: '00f067aa0ba902b7', service: 'payments', startMs: T, endMs: T + 30_000 };

  it("asks the span's service and trace over the span's window, padded", () => {
    const { p, ds } = parts(createCorrelator([JAEGER, LOKI]).logsForSpan('jaeger', span));
    expect(ds).toBe('loki');
    expect(p.get('q')).toBe(`{service_name="payments"} | trace_id="${ID}"`);
    expect(Number(p.get('from'))).toBe(T - LOG_WINDOW_PAD_MS);
    expect(Number(p.get('to'))).toBe(T + 30_000 + LOG_WINDOW_PAD_MS);
  });

  it('escapes a hostile service name, in LogQL and in Lucene', () => {
    const hostile = { ...span, service: 'a"b\\c}' };
    expect(parts(createCorrelator([JAEGER, LOKI]).logsForSpan('jaeger', hostile)).p.get('q')).toBe(`{service_name="a\\"b\\\\c}"} | trace_id="${ID}"`);
    expect(parts(createCorrelator([JAEGER, ES]).logsForSpan('jaeger', hostile)).p.get('q')).toBe(`service.name:"a\\"b\\\\c}" AND (trace.id:"${ID}" OR trace_id:"${ID}" OR traceId:"${ID}")`);
  });

  it('drops an empty service rather than asking for service_name=""', () => {
    expect(parts(createCorrelator([JAEGER, LOKI]).logsForSpan('jaeger', { ...span, service: '' })).p.get('q')).toBe(`{service_name=~".+"} | trace_id="${ID}"`);
  });

  it('says why there is none', () => {
    expect(reason(createCorrelator([JAEGER]).logsForSpan('jaeger', span))).toBe('no log datasource configured');
    expect(reason(createCorrelator([JAEGER, LOKI]).logsForSpan('jaeger', { ...span, traceId: '12' }))).toBe('not a trace ID: 12');
  });
});

describe('signalsOfService', () => {
  it('opens the service dashboard ±15 minutes around the moment', () => {
    const { path, p, ds } = parts(createCorrelator([PROM, JAEGER]).signalsOfService('payment-provider', T));
    expect(path).toBe('/services/payment-provider');
    expect(ds).toBe('prom');
    expect(Number(p.get('from'))).toBe(T - SIGNALS_WINDOW_MS);
    expect(Number(p.get('to'))).toBe(T + SIGNALS_WINDOW_MS);
    expect(p.has('ds')).toBe(false);
  });

  it('names a metrics datasource other than the default in the link', () => {
    const { p, ds } = parts(createCorrelator([PROM, PROM2], { metricsDatasource: 'prom-eu' }).signalsOfService('payments', T));
    expect(ds).toBe('prom-eu');
    expect(p.get('ds')).toBe('prom-eu');
  });

  it('says why there is none', () => {
    expect(reason(createCorrelator([JAEGER, LOKI]).signalsOfService('payments', T))).toBe('no metrics datasource configured');
    expect(reason(createCorrelator([PROM]).signalsOfService('payments', Number.NaN))).toBe('no time to centre on');
  });
});

describe('tracesOfService and logsOfService', () => {
  const c = createCorrelator([PROM, JAEGER, LOKI]);

  it('pre-fill the search with the service, the window as given and the hints', () => {
    const { path, p, ds } = parts(c.tracesOfService('payments', { from: T, to: T + 600_000 }, { errorsOnly: true, minDurationMs: 1000 }));
    expect(path).toBe('/traces');
    expect(ds).toBe('jaeger');
    expect(p.get('service')).toBe('payments');
    expect([Number(p.get('from')), Number(p.get('to'))]).toEqual([T, T + 600_000]);
    const logs = parts(c.logsOfService('payments', { from: T, to: T + 600_000 }));
    expect(logs.p.get('q')).toBe('{service_name="payments"}');
    expect([Number(logs.p.get('from')), Number(logs.p.get('to'))]).toEqual([T, T + 600_000]);
  });

  it('widen a zero-width window (a click on one point) to a minute each side', () => {
    const { p } = parts(c.logsOfService('payments', { from: T, to: T }));
    expect([Number(p.get('from')), Number(p.get('to'))]).toEqual([T - LOG_WINDOW_PAD_MS, T + LOG_WINDOW_PAD_MS]);
  });

  it('say why when the target kind is missing', () => {
    expect(reason(createCorrelator([PROM]).tracesOfService('payments', { from: T, to: T + 1 }))).toBe('no trace datasource configured');
    expect(reason(createCorrelator([PROM]).logsOfService('payments', { from: T, to: T + 1 }))).toBe('no log datasource configured');
  });
});

describe('traceOfLogLine and signalsOfLogLine', () => {
  const c = createCorrelator([PROM, JAEGER, TEMPO, LOKI, ES], { logsToTraces: { es: { traceDatasource: 'tempo' } } });

  it("opens a line's trace in the trace datasource its log datasource names", () => {
    expect(parts(c.traceOfLogLine('loki', { traceId: ID, timeMs: T })).ds).toBe('jaeger');
    const es = parts(c.traceOfLogLine('es', { traceId: ID.toUpperCase(), timeMs: T }));
    expect(es.ds).toBe('tempo');
    expect(es.path).toBe(`/traces/${ID}`);
    expect(es.p.get('ds')).toBe('tempo');
  });

  it('has no link for a line without a trace ID, and a reason for a malformed one', () => {
    expect(c.traceOfLogLine('loki', { timeMs: T })).toBeUndefined();
    expect(c.traceOfLogLine('loki', { traceId: '', timeMs: T })).toBeUndefined();
    expect(reason(c.traceOfLogLine('loki', { traceId: 'deadbeef', timeMs: T }))).toBe('not a trace ID: deadbeef');
  });

  it("opens the line's service's Golden Signals at the line's time", () => {
    const l = c.signalsOfLogLine('loki', { labels: { service_name: 'payments', level: 'error' }, timeMs: T });
    expect(l.label).toBe('Golden Signals for this service at this time');
    const { path, p } = parts(l);
    expect(path).toBe('/services/payments');
    expect([Number(p.get('from')), Number(p.get('to'))]).toEqual([T - SIGNALS_WINDOW_MS, T + SIGNALS_WINDOW_MS]);
    expect(reason(c.signalsOfLogLine('loki', { labels: { level: 'info' }, timeMs: T }))).toBe('the line names no service');
  });

  it("reads the service from the log datasource's own field first", () => {
    expect(parts(c.signalsOfLogLine('es', { labels: { 'service.name': 'orders', service: 'other' }, timeMs: T })).path).toBe('/services/orders');
  });
});

describe('serviceOfLogLabels', () => {
  it('follows the OpenTelemetry spellings, then service and job (namespace/name → name)', () => {
    expect(serviceOfLogLabels({ service_name: 'a', service: 'b' }, undefined)).toBe('a');
    expect(serviceOfLogLabels({ service: 'b', job: 'c' }, undefined)).toBe('b');
    expect(serviceOfLogLabels({ job: 'shop/checkout' }, undefined)).toBe('checkout');
    expect(serviceOfLogLabels({ level: 'x' }, { 'service.name': 'meta' })).toBe('meta');
    expect(serviceOfLogLabels({ app: 'x', custom: 'y' }, undefined, 'custom')).toBe('y');
    expect(serviceOfLogLabels({ service_name: ' ' }, undefined)).toBeUndefined();
  });
});
