import { describe, expect, it } from 'vitest';
import { createSimulator, defaultScenarios } from '../simulator';
import { decodeTraceId } from '../simulator/demoTraceId';
import { exposeOpenMetrics } from './expose';
import { parseOpenMetrics } from './parse';

const NOW = Date.UTC(2025, 5, 4, 12, 7, 41);
const GRID = Math.floor(NOW / 15_000) * 15_000;
const sim = createSimulator({ seed: 5, scenarios: defaultScenarios(NOW) });
const text = exposeOpenMetrics(sim, NOW);
const parsed = parseOpenMetrics(text);

describe('exposeOpenMetrics', () => {
  it('declares each family once with OpenMetrics names, types and units', () => {
    expect(parsed.families.map((f) => `${f.name} ${f.type} ${f.unit ?? ''}`)).toEqual([
      'http_client_request_duration_seconds histogram seconds',
      'http_request_duration_seconds histogram seconds',
      'http_requests counter ',
      'http_server_active_requests gauge ',
      'http_server_request_duration_seconds histogram seconds',
      'process_cpu_limit_cores gauge ',
      'process_cpu_seconds counter seconds',
    ]);
    expect(parsed.families.every((f) => (f.help ?? '').length > 0)).toBe(true);
  });

  it('exposes every series once, at the last scrape instant, values round-tripping exactly', () => {
    const all = sim.select([]);
    expect(parsed.samples).toHaveLength(all.length);
    const byKey = new Map(parsed.samples.map((s) => [JSON.stringify({ __name__: s.name, ...s.labels }), s]));
    for (const series of all) {
      const exposed = byKey.get(JSON.stringify(series.labels));
      expect(exposed).toBeDefined();
      expect(exposed?.timestampS).toBeUndefined();
      expect(Object.is(exposed?.value, series.samples(GRID, GRID).values[0])).toBe(true);
    }
  });

  it('orders a histogram metric as buckets by le, then _count and _sum', () => {
    const route = parsed.samples.filter((s) => s.labels['service_name'] === 'payments' && s.labels['http_route'] === '/payments' && s.labels['http_response_status_code'] === '500' && s.family === 'http_server_request_duration_seconds');
    expect(route.map((s) => s.labels['le'] ?? s.name.replace('http_server_request_duration_seconds', ''))).toEqual([
      '0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '20', '40', '+Inf', '_count', '_sum',
    ]);
  });

  it('attaches recent exemplars to server bucket lines only, with trace IDs that decode', () => {
    const withExemplar = parsed.samples.filter((s) => s.exemplar !== undefined);
    expect(withExemplar.length).toBeGreaterThan(20);
    for (const s of withExemplar) {
      expect(['http_server_request_duration_seconds_bucket', 'http_request_duration_seconds_bucket']).toContain(s.name);
      const ex = s.exemplar;
      expect(decodeTraceId(ex?.labels['trace_id'] ?? '')?.seed).toBe(5);
      expect(ex?.labels['span_id']).toMatch(/^[0-9a-f]{16}$/);
      expect(ex?.value).toBeLessThanOrEqual(s.labels['le'] === '+Inf' ? Infinity : Number(s.labels['le']));
      expect((ex?.timestampS ?? 0) * 1000).toBeLessThanOrEqual(NOW);
      expect((ex?.timestampS ?? 0) * 1000).toBeGreaterThan(NOW - 10 * 60_000);
    }
    // The incident is on: some payments exemplar sits in the (20, 40] bucket.
    expect(withExemplar.some((s) => s.labels['service_name'] === 'payments' && s.labels['le'] === '40')).toBe(true);
  });

  it('ends with # EOF and is identical for the same instant', () => {
    expect(text.endsWith('# EOF\n')).toBe(true);
    expect(exposeOpenMetrics(createSimulator({ seed: 5, scenarios: defaultScenarios(NOW) }), NOW)).toBe(text);
  });
});
