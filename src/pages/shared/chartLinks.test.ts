import { describe, expect, it } from 'vitest';
import { createCorrelator } from '../../model/correlator';
import type { CorrelationSource } from '../../model/correlations';
import type { PanelSpec } from '../../model/panelSpec';
import type { NamedSeries } from '../../panels/shared/types';
import { chartWindowLinks, exemplarTargetOf, minDurationAt, servicesOfSeries } from './chartLinks';

const SOURCES: CorrelationSource[] = [
  { uid: 'prom', name: 'Prometheus', kind: 'prometheus', capabilities: ['metrics'] },
  { uid: 'jaeger', name: 'Jaeger', kind: 'jaeger', capabilities: ['traces'] },
  { uid: 'loki', name: 'Loki', kind: 'loki', capabilities: ['logs'] },
];
const correlator = createCorrelator(SOURCES);

const series = (labels: Record<string, string>, values: number[]): NamedSeries => ({
  name: 'x',
  labels,
  times: Float64Array.from(values.map((_, i) => i * 60_000)),
  values: Float64Array.from(values),
});
const spec = (options: PanelSpec['options'] = {}, unit: PanelSpec['unit'] = 's'): PanelSpec => ({ id: 'p', kind: 'timeseries', title: 'P', queries: [], unit, options });
const point = (timeMs: number) => ({ kind: 'point' as const, timeMs, window: { from: timeMs - 60_000, to: timeMs + 60_000 } });

describe('servicesOfSeries', () => {
  it('reads service_name, then service, then job, each service once', () => {
    expect(servicesOfSeries([series({ job: 'a', service_name: 'b' }, []), series({ service: 'c' }, []), series({ job: 'b' }, []), series({}, [])])).toEqual(['b', 'c']);
  });
});

describe('minDurationAt', () => {
  const lines = [series({}, [0.1, 0.2, 30, 0.2]), series({}, [0.05, 0.1, 2, 0.1])];
  it('is the top line at a clicked point, in ms', () => {
    expect(minDurationAt(lines, 's', point(120_000))).toBe(30_000);
    expect(minDurationAt(lines, 'ms', point(120_000))).toBe(30);
  });
  it('is the least of the top line over a dragged window, so every slow request shown qualifies', () => {
    expect(minDurationAt(lines, 's', { kind: 'range', timeMs: 90_000, window: { from: 60_000, to: 120_000 } })).toBe(200);
  });
  it('is nothing for a chart that does not show durations', () => {
    expect(minDurationAt(lines, 'percentunit', point(120_000))).toBeUndefined();
  });
});

describe('chartWindowLinks', () => {
  it('offers the page service’s traces, errors only on an error chart, and its logs', () => {
    const [traces, logs] = chartWindowLinks(correlator, spec({ traceHint: 'errors' }, 'percentunit'), 'payments', [], point(600_000));
    expect(traces).toMatchObject({ available: true, label: 'Traces of payments in this window', datasourceUid: 'jaeger' });
    expect(traces!.available && traces!.href).toMatch(/service=payments/);
    expect(traces!.available && traces!.href).toMatch(/errors=1/);
    expect(logs).toMatchObject({ available: true, label: 'Logs of payments in this window', datasourceUid: 'loki' });
  });

  it('infers a minimum duration on a latency chart', () => {
    const [traces] = chartWindowLinks(correlator, spec({ traceHint: 'latency' }), 'payments', [series({}, [1, 2, 30])], point(120_000));
    const href = traces!.available ? traces!.href : '';
    expect(new URLSearchParams(href.split('?')[1]).get('minDuration')).toBe('30s');
  });

  it('takes the service from the series labels in Explore, and says so when they name none', () => {
    const links = chartWindowLinks(correlator, spec(), undefined, [series({ service_name: 'orders' }, [1])], point(0));
    expect(links.map((l) => l.label)).toEqual(['Traces of orders in this window', 'Logs of orders in this window']);
    const none = chartWindowLinks(correlator, spec(), undefined, [series({ instance: 'x' }, [1])], point(0));
    expect(none.every((l) => !l.available)).toBe(true);
    expect(none[0]!.available ? '' : none[0]!.reason).toContain('service_name, service, job');
  });
});

describe('exemplarTargetOf', () => {
  it('reads the trace ID back from the correlator’s link, with the configured trace-ID label', () => {
    const id = '0af7651916cd43dd8448eb211c80319c';
    const custom = createCorrelator(SOURCES, { exemplars: { prom: { traceIdLabel: 'my_trace' } } });
    const target = exemplarTargetOf(custom, 'prom', { labels: { my_trace: id, trace_id: 'ff'.repeat(16) }, time: 1000 });
    expect(target.traceId).toBe(id);
    expect(target.link.available && target.link.href).toContain(`/traces/${id}`);
  });

  it('leaves a malformed trace ID unlinked, with the reason', () => {
    const target = exemplarTargetOf(correlator, 'prom', { labels: { trace_id: 'xyz' }, time: 1000 });
    expect(target.traceId).toBeUndefined();
    expect(target.link.available ? '' : target.link.reason).toContain('not a trace ID');
  });
});
