import { describe, expect, it } from 'vitest';
import type { LabelMatcher, SampleSource } from '../source';
import { LE_BOUNDS, leLabel } from './catalog';
import { createSimulator, defaultScenarios, SERVICES } from './index';
import { decodeTraceId } from './demoTraceId';

const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 5, 4, 12, 7, 30);
const scenarios = defaultScenarios(NOW);
const incidentStart = scenarios[0]?.startsAtMs ?? 0;
const sim = createSimulator({ seed: 7, scenarios });

const eq = (name: string, value: string): LabelMatcher => ({ name, type: '=', value });

/** Sum over matching series of the increase between two scrape instants. */
function increase(source: SampleSource, matchers: LabelMatcher[], fromMs: number, toMs: number): number {
  let total = 0;
  for (const s of source.select(matchers)) {
    const a = s.samples(fromMs, fromMs).values[0] ?? NaN;
    const b = s.samples(toMs, toMs).values[0] ?? NaN;
    total += b - a;
  }
  return total;
}

describe('simulator series', () => {
  it('keeps a modest, fixed set of series with the catalog names', () => {
    const all = sim.select([]);
    expect(all.length).toBeGreaterThan(300);
    expect(all.length).toBeLessThan(900);
    const names = new Set(all.map((s) => s.labels['__name__']));
    expect([...names].sort()).toEqual([
      'http_client_request_duration_seconds_bucket',
      'http_client_request_duration_seconds_count',
      'http_client_request_duration_seconds_sum',
      'http_request_duration_seconds_bucket',
      'http_request_duration_seconds_count',
      'http_request_duration_seconds_sum',
      'http_requests_total',
      'http_server_active_requests',
      'http_server_request_duration_seconds_bucket',
      'http_server_request_duration_seconds_count',
      'http_server_request_duration_seconds_sum',
      'process_cpu_limit_cores',
      'process_cpu_seconds_total',
    ]);
    expect(createSimulator({ seed: 7 }).select([]).length).toBe(all.length);
  });

  it('labels services by both conventions', () => {
    const otel = new Set(sim.select([eq('__name__', 'http_server_request_duration_seconds_count')]).map((s) => s.labels['service_name']));
    expect([...otel].sort()).toEqual(['api-gateway', 'auth', 'notifications', 'orders', 'payment-provider', 'payments', 'search', 'users']);
    const classic = sim.select([eq('__name__', 'http_requests_total')]);
    expect(classic.every((s) => s.labels['job'] === 'inventory' && s.labels['instance'] === 'inventory-0:8080')).toBe(true);
    expect(classic.every((s) => s.labels['service_name'] === undefined)).toBe(true);
    const edges = sim
      .select([eq('__name__', 'http_client_request_duration_seconds_count')])
      .map((s) => `${s.labels['service_name']}->${s.labels['server_address']}`);
    expect([...new Set(edges)].sort()).toEqual([
      'api-gateway->auth',
      'api-gateway->orders',
      'api-gateway->users',
      'orders->inventory',
      'orders->notifications',
      'orders->payments',
      'payments->payment-provider',
    ]);
  });

  it('gives every route a 200 and a 500 series (a few also 400)', () => {
    const statuses = new Map<string, Set<string>>();
    for (const s of sim.select([eq('__name__', 'http_server_request_duration_seconds_count')])) {
      const route = `${s.labels['service_name']} ${s.labels['http_request_method']} ${s.labels['http_route']}`;
      statuses.set(route, (statuses.get(route) ?? new Set()).add(s.labels['http_response_status_code'] ?? ''));
    }
    for (const s of sim.select([eq('__name__', 'http_requests_total')])) {
      const route = `inventory ${s.labels['method']} ${s.labels['handler']}`;
      statuses.set(route, (statuses.get(route) ?? new Set()).add(s.labels['status'] ?? ''));
    }
    expect(statuses.size).toBe(16);
    for (const [route, codes] of statuses) {
      expect([route, codes.has('200') && codes.has('500')]).toEqual([route, true]);
      expect([...codes].every((c) => ['200', '400', '500'].includes(c))).toBe(true);
    }
    expect([...statuses.values()].filter((c) => c.has('400'))).toHaveLength(3);
  });

  it('gives every service CPU seconds and all but search a CPU limit (the mixed case per-service detection must handle)', () => {
    const jobs = (name: string) => sim.select([eq('__name__', name)]).map((s) => s.labels['job']).sort();
    expect(jobs('process_cpu_seconds_total')).toEqual([...SERVICES].sort());
    expect(jobs('process_cpu_limit_cores')).toEqual(SERVICES.filter((s) => s !== 'search').sort());
  });

  it('selects with all four matcher types, regexes anchored, missing labels as empty', () => {
    const byRe = sim.select([eq('__name__', 'process_cpu_limit_cores'), { name: 'job', type: '=~', value: 'pay.*' }]);
    expect(byRe.map((s) => s.labels['job']).sort()).toEqual(['payment-provider', 'payments']);
    expect(sim.select([eq('__name__', 'process_cpu_limit_cores'), { name: 'job', type: '=~', value: 'pay' }])).toHaveLength(0);
    const notRe = sim.select([eq('__name__', 'process_cpu_limit_cores'), { name: 'job', type: '!~', value: 'pay.*|auth' }]);
    expect(notRe).toHaveLength(5);
    const noServiceName = sim.select([eq('__name__', 'process_cpu_limit_cores'), eq('service_name', '')]);
    expect(noServiceName.map((s) => s.labels['job'])).toEqual(['inventory']);
    expect(sim.select([eq('__name__', 'process_cpu_limit_cores'), { name: 'job', type: '!=', value: 'auth' }])).toHaveLength(7);
  });

  it('samples on epoch-aligned 15 s scrapes in the closed window', () => {
    const [s] = sim.select([eq('__name__', 'process_cpu_seconds_total'), eq('job', 'auth')]);
    // NOW is on the grid: [NOW - 55 s, NOW - 15 s] holds NOW - 45 s, NOW - 30 s and NOW - 15 s.
    const block = s?.samples(NOW - 55_000, NOW - 15_000) ?? { timesMs: new Float64Array(), values: new Float64Array() };
    expect(Array.from(block.timesMs)).toEqual([NOW - 45_000, NOW - 30_000, NOW - 15_000]);
    expect(s?.samples(NOW - 30_000, NOW).timesMs.length).toBe(3);
    expect(s?.samples(NOW + 1, NOW + 2).timesMs.length).toBe(0);
  });

  it('is deterministic: same inputs give bit-identical floats, whatever the window', () => {
    const other = createSimulator({ seed: 7, scenarios: defaultScenarios(NOW) });
    const matchers = [eq('service_name', 'payments')];
    const a = sim.select(matchers);
    const b = other.select(matchers);
    expect(a.length).toBe(b.length);
    a.forEach((s, i) => {
      const x = s.samples(NOW - 2 * HOUR, NOW).values;
      const y = b[i]?.samples(NOW - 2 * HOUR, NOW).values ?? new Float64Array();
      expect(Buffer.from(y.buffer).equals(Buffer.from(x.buffer))).toBe(true);
      // A narrower window inside the first one reads the very same values.
      const inner = b[i]?.samples(NOW - HOUR, NOW - HOUR + 10 * 15_000).values ?? new Float64Array();
      const offset = (2 * HOUR - HOUR) / 15_000;
      for (let k = 0; k < inner.length; k++) expect(Object.is(inner[k], x[offset + k])).toBe(true);
    });
    const count = [...matchers, eq('__name__', 'http_server_request_duration_seconds_count')];
    const reseeded = createSimulator({ seed: 8, scenarios: defaultScenarios(NOW) }).select(count)[0]?.samples(NOW, NOW).values[0];
    expect(reseeded).not.toBe(sim.select(count)[0]?.samples(NOW, NOW).values[0]);
  });

  it('keeps every counter monotonic, across the incident start and end', () => {
    const windows: Array<[number, number]> = [
      [incidentStart - HOUR, incidentStart + HOUR],
      [incidentStart + 3 * HOUR - HOUR, incidentStart + 3 * HOUR + HOUR],
    ];
    const counters = sim.select([{ name: '__name__', type: '=~', value: '.*(_total|_count|_sum|_bucket)' }]);
    expect(counters.length).toBeGreaterThan(300);
    for (const [from, to] of windows) {
      for (const s of counters) {
        const v = s.samples(from, to).values;
        for (let i = 1; i < v.length; i++) {
          if (!((v[i] ?? NaN) >= (v[i - 1] ?? NaN))) throw new Error(`${JSON.stringify(s.labels)} decreases at ${i}`);
        }
      }
    }
  });

  it('makes buckets cumulative, +Inf equal to _count and _sum consistent with the buckets', () => {
    const counts = sim.select([eq('__name__', 'http_server_request_duration_seconds_count')]);
    for (const countSeries of counts) {
      const base = Object.entries(countSeries.labels)
        .filter(([k]) => k !== '__name__')
        .map(([name, value]) => eq(name, value));
      const buckets = LE_BOUNDS.map((le) => sim.select([eq('__name__', 'http_server_request_duration_seconds_bucket'), ...base, eq('le', leLabel(le))])[0]);
      const sum = sim.select([eq('__name__', 'http_server_request_duration_seconds_sum'), ...base])[0];
      for (const t of [NOW - 6 * HOUR, NOW]) {
        const values = buckets.map((b) => b?.samples(t, t).values[0] ?? NaN);
        for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1] ?? NaN);
        expect(Object.is(values[values.length - 1], countSeries.samples(t, t).values[0])).toBe(true);
      }
      // Over an hour, Σ count·lower ≤ Δsum ≤ Σ count·upper, bucket by bucket (the last finite bound caps it).
      const from = NOW - HOUR;
      const inc = buckets.map((b) => (b?.samples(NOW, NOW).values[0] ?? 0) - (b?.samples(from, from).values[0] ?? 0));
      const sumInc = (sum?.samples(NOW, NOW).values[0] ?? 0) - (sum?.samples(from, from).values[0] ?? 0);
      let lower = 0;
      let upper = 0;
      inc.forEach((cumulative, i) => {
        const n = cumulative - (i > 0 ? (inc[i - 1] ?? 0) : 0);
        lower += n * (i > 0 ? (LE_BOUNDS[i - 1] ?? 0) : 0);
        upper += n * (LE_BOUNDS[i] === Infinity ? 120 : (LE_BOUNDS[i] ?? 0));
      });
      expect(sumInc).toBeGreaterThanOrEqual(lower * (1 - 1e-9));
      expect(sumInc).toBeLessThanOrEqual(upper * (1 + 1e-9));
    }
  });

  it('answers for any time range, years back included', () => {
    const [s] = sim.select([eq('__name__', 'http_server_request_duration_seconds_count'), eq('service_name', 'orders')]);
    const old = s?.samples(Date.UTC(2016, 0, 1), Date.UTC(2016, 0, 1, 0, 5)).values ?? new Float64Array();
    expect(old.length).toBe(21);
    expect(Array.from(old).every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  });

  it('exposes metadata for every metric family', () => {
    const meta = sim.metadata();
    expect(meta['http_server_request_duration_seconds']).toEqual({ type: 'histogram', help: 'Duration of HTTP server requests.', unit: 'seconds' });
    expect(meta['process_cpu_seconds_total']?.type).toBe('counter');
    expect(meta['http_requests_total']?.type).toBe('counter');
    expect(meta['http_server_active_requests']?.type).toBe('gauge');
  });
});

describe('payment-provider-timeout scenario', () => {
  const before = incidentStart - 30 * 60_000;
  const during = incidentStart + HOUR;
  const window = 5 * 60_000;
  const ratio = (service: string, label: LabelMatcher, t: number): number =>
    increase(sim, [eq('__name__', 'http_server_request_duration_seconds_count'), eq('service_name', service), label], t - window, t) /
    increase(sim, [eq('__name__', 'http_server_request_duration_seconds_count'), eq('service_name', service)], t - window, t);
  const fiveXX: LabelMatcher = { name: 'http_response_status_code', type: '=~', value: '5..' };
  const slowShare = (service: string, t: number): number => {
    const total = increase(sim, [eq('__name__', 'http_server_request_duration_seconds_bucket'), eq('service_name', service), eq('le', '+Inf')], t - window, t);
    const to20 = increase(sim, [eq('__name__', 'http_server_request_duration_seconds_bucket'), eq('service_name', service), eq('le', '20')], t - window, t);
    const to40 = increase(sim, [eq('__name__', 'http_server_request_duration_seconds_bucket'), eq('service_name', service), eq('le', '40')], t - window, t);
    return (to40 - to20) / total;
  };

  it('spikes payments 5xx and puts its latency mass in (20, 40]', () => {
    expect(ratio('payments', fiveXX, before)).toBeLessThan(0.02);
    expect(ratio('payments', fiveXX, during)).toBeGreaterThan(0.5);
    expect(slowShare('payments', before)).toBeLessThan(1e-6);
    expect(slowShare('payments', during)).toBeGreaterThan(0.4);
  });

  it('raises orders and gateway errors and latency a little', () => {
    for (const service of ['orders', 'api-gateway']) {
      expect(ratio(service, fiveXX, during)).toBeGreaterThan(ratio(service, fiveXX, before) + 0.02);
      expect(ratio(service, fiveXX, during)).toBeLessThan(0.2);
      expect(slowShare(service, during)).toBeGreaterThan(0.02);
    }
    expect(ratio('auth', fiveXX, during)).toBeLessThan(0.01);
  });

  it('shows timeouts as 504 client calls and a pile-up of in-flight requests', () => {
    const timeouts = [eq('__name__', 'http_client_request_duration_seconds_count'), eq('server_address', 'payment-provider'), eq('http_response_status_code', '504')];
    expect(increase(sim, timeouts, before - window, before)).toBe(0);
    expect(increase(sim, timeouts, during - window, during)).toBeGreaterThan(100);
    const [inflight] = sim.select([eq('__name__', 'http_server_active_requests'), eq('service_name', 'payments')]);
    expect(inflight?.samples(before, before).values[0]).toBeLessThan(10);
    expect(inflight?.samples(during, during).values[0]).toBeGreaterThan(50);
  });

  it('is absent without the scenario', () => {
    const calm = createSimulator({ seed: 7 });
    const errors = increase(calm, [eq('__name__', 'http_server_request_duration_seconds_count'), eq('service_name', 'payments'), fiveXX], during - window, during);
    const total = increase(calm, [eq('__name__', 'http_server_request_duration_seconds_count'), eq('service_name', 'payments')], during - window, during);
    expect(errors / total).toBeLessThan(0.02);
  });

  it('follows the default schedule and validates scenarios', () => {
    expect(defaultScenarios(Date.UTC(2025, 0, 1, 10, 59))).toEqual([
      { name: 'payment-provider-timeout', startsAtMs: Date.UTC(2025, 0, 1, 9, 40), durationMs: 3 * HOUR },
    ]);
    expect(() => createSimulator({ scenarios: [{ name: 'meteor-strike', startsAtMs: 0, durationMs: 1 }] })).toThrow(/unknown demo scenario/);
    const s = { name: 'payment-provider-timeout', startsAtMs: NOW, durationMs: HOUR };
    expect(() => createSimulator({ scenarios: [s, { ...s, startsAtMs: NOW + 1000 }] })).toThrow(/overlap/);
  });
});

describe('exemplars', () => {
  it('carry decodable trace IDs whose rebuilt span matches value, bucket and time', () => {
    const from = incidentStart + HOUR;
    const to = from + 10 * 60_000;
    const found = sim.exemplars([eq('service_name', 'payments')], from, to);
    expect(found.length).toBeGreaterThan(2);
    let timeouts = 0;
    for (const series of found) {
      expect(series.seriesLabels['__name__']).toBe('http_server_request_duration_seconds_bucket');
      const le = series.seriesLabels['le'] ?? '';
      const upper = le === '+Inf' ? Infinity : Number(le);
      const lower = LE_BOUNDS[LE_BOUNDS.indexOf(upper) - 1] ?? 0;
      for (const ex of series.exemplars) {
        expect(ex.timeMs).toBeGreaterThanOrEqual(from);
        expect(ex.timeMs).toBeLessThanOrEqual(to);
        expect(ex.value).toBeGreaterThan(lower);
        expect(ex.value).toBeLessThanOrEqual(upper);
        const traceId = ex.labels['trace_id'] ?? '';
        expect(decodeTraceId(traceId)?.seed).toBe(7);
        const trace = sim.describeTrace(traceId);
        const hop = trace?.spanIds.indexOf(ex.labels['span_id'] ?? '') ?? -1;
        expect(hop).toBeGreaterThanOrEqual(0);
        expect(trace?.hops[hop]?.service).toBe('payments');
        expect(trace?.hops[hop]?.route).toBe(series.seriesLabels['http_route']);
        expect(trace?.hops[hop]?.status).toBe(series.seriesLabels['http_response_status_code']);
        expect(trace?.timings[hop]?.durationS).toBe(ex.value);
        if (trace?.outcome.kind === 'timeout') timeouts++;
      }
      for (let i = 1; i < series.exemplars.length; i++) {
        expect(series.exemplars[i]?.timeMs).toBeGreaterThanOrEqual(series.exemplars[i - 1]?.timeMs ?? 0);
      }
    }
    expect(timeouts).toBeGreaterThan(3);
    expect(found.some((s) => s.seriesLabels['le'] === '40')).toBe(true);
  });

  it('come about once per route and status per minute, only on server buckets', () => {
    const from = NOW - 6 * HOUR;
    const to = from + 30 * 60_000;
    const found = sim.exemplars([eq('service_name', 'api-gateway'), eq('http_route', '/api/orders/{id}'), eq('http_response_status_code', '200')], from, to);
    const n = found.reduce((a, s) => a + s.exemplars.length, 0);
    expect(n).toBeGreaterThanOrEqual(28);
    expect(n).toBeLessThanOrEqual(32);
    expect(sim.exemplars([eq('__name__', 'http_client_request_duration_seconds_bucket')], from, to)).toEqual([]);
    const classic = sim.exemplars([eq('__name__', 'http_request_duration_seconds_bucket')], from, to);
    expect(classic.length).toBeGreaterThan(0);
    expect(sim.exemplars([eq('service_name', 'payments')], from, to)).toEqual(sim.exemplars([eq('service_name', 'payments')], from, to));
  });
});
