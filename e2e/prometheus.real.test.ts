/**
 * The Prometheus adapter against a real Prometheus 2.42 that scrapes the demo server's `/metrics`
 * (OpenMetrics with exemplars) every second: health, services, a Golden Signals range query,
 * exemplars, Prometheus's own parse errors, and the 11,000-points rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDataSourceError } from '../src/lib/errors';
import { startDemoServer, type DemoServer } from '../src/demo/server/nodeServer';
import { SERVICES } from '../src/demo/simulator';
import { createPrometheusDataSource } from '../src/datasources/prometheus';
import type { DataSource, QueryCtx } from '../src/datasources/types';
import { startPrometheus, type RunningPrometheus } from './servers/prometheus';
import { queryPrometheus } from './servers/prometheusApi';
import { waitFor } from './servers/waitFor';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let demo: DemoServer;
let prom: RunningPrometheus;
let ds: DataSource;

function ctx(fromAgoMs: number, stepMs?: number): QueryCtx {
  const now = Date.now();
  return { range: { from: now - fromAgoMs, to: now }, signal: AbortSignal.timeout(30_000), ...(stepMs === undefined ? {} : { stepMs }) };
}

async function nonEmpty(query: string): Promise<true | undefined> {
  const answer = await queryPrometheus(prom.url, '/api/v1/query', { query });
  return answer.status === 'success' && (answer.data as { result: unknown[] }).result.length > 0 ? true : undefined;
}

beforeAll(async () => {
  demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
  prom = await startPrometheus({ scrapeTargets: [{ address: `127.0.0.1:${demo.port}` }], scrapeIntervalSeconds: 1 });
  // The simulated values move on a 15 s grid and the adapter aligns query ends to its step, so the
  // rate windows of the last points need scrapes from two grid cells: about 35 s of scraping.
  const diagnostics = () => `prometheus output:\n${prom.recentOutput()}`;
  await waitFor(() => nonEmpty('count_over_time(up{job="demo-0"}[1m]) >= 35'), {
    description: '35 scrapes',
    timeoutMs: 70_000,
    intervalMs: 1000,
    diagnostics,
  });
  await waitFor(() => nonEmpty('sum(increase(http_server_request_duration_seconds_count{service_name="payments"}[1m])) > 0'), {
    description: 'a counter increase between two 15 s samples',
    timeoutMs: 45_000,
    intervalMs: 1000,
    diagnostics,
  });
  await waitFor(
    async () => {
      const now = Date.now() / 1000;
      const answer = await queryPrometheus(prom.url, '/api/v1/query_exemplars', {
        query: 'http_server_request_duration_seconds_bucket',
        start: String(now - 900),
        end: String(now),
      });
      return answer.status === 'success' && (answer.data as unknown[]).length > 0 ? true : undefined;
    },
    { description: 'exemplars in storage', timeoutMs: 30_000, diagnostics },
  );
  ds = createPrometheusDataSource(
    { uid: 'prom', kind: 'prometheus', name: 'Prometheus', url: prom.url, options: { scrapeInterval: '15s' } },
    fetch,
  );
});

afterAll(async () => {
  await prom?.stop();
  await demo?.close();
});

describe('Prometheus adapter against a real Prometheus scraping the demo', () => {
  it('reports health from the build info', async () => {
    const health = await ds.health(AbortSignal.timeout(10_000));
    expect(health.ok).toBe(true);
    expect(health.message).toMatch(/^Prometheus 2\.42/);
  });

  it('lists every simulated service, OTel and classic, from label values', async () => {
    expect(await ds.services!.listServices(ctx(10 * MINUTE))).toEqual([...SERVICES].sort());
    const otelNames = await ds.metrics!.labelValues!('service_name', ctx(10 * MINUTE));
    expect(otelNames).toEqual(SERVICES.filter((s) => s !== 'inventory').sort());
  });

  it.each([
    ['payments', 'otel'],
    ['inventory', 'classic'],
  ])('answers the Golden Signals of %s (%s) with finite values', async (service, convention) => {
    const signals = await ds.services!.signals(service, ctx(10 * MINUTE));
    expect(signals.convention).toBe(convention);
    for (const name of ['requestRate', 'errorRatio', 'latencyP99', 'saturation'] as const) {
      const query = signals.queries[name];
      expect(query, name).toBeDefined();
      const result = await ds.metrics!.queryRange(query!.query, ctx(2 * MINUTE));
      expect(result.series.length, `${name}: ${query!.query}`).toBeGreaterThan(0);
      for (const series of result.series) {
        expect(series.times.length).toBe(series.values.length);
        expect(Array.from(series.values).some(Number.isFinite), `${name} has a finite value`).toBe(true);
      }
    }
    const rate = await ds.metrics!.queryRange(signals.queries.requestRate!.query, ctx(2 * MINUTE));
    expect(Math.max(...rate.series[0]!.values)).toBeGreaterThan(0);
  });

  it('returns exemplars with canonical trace IDs the demo can rebuild', async () => {
    const exemplars = await ds.metrics!.exemplars!('http_server_request_duration_seconds_bucket{service_name="payments"}', ctx(15 * MINUTE));
    expect(exemplars.length).toBeGreaterThan(0);
    for (const exemplar of exemplars) {
      expect(exemplar.seriesLabels['service_name']).toBe('payments');
      expect(exemplar.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(Number.isFinite(exemplar.value)).toBe(true);
      expect(demo.simulator.describeTrace(exemplar.traceId!), exemplar.traceId).toBeDefined();
    }
  });

  it("passes on Prometheus's own parse error text, position included", async () => {
    const bad = 'sum(rate(http_requests_total[5m])';
    const raw = await queryPrometheus(prom.url, '/api/v1/query', { query: bad });
    expect(raw).toMatchObject({ status: 'error', errorType: 'bad_data', httpStatus: 400 });
    const serverText = (raw as { error: string }).error.replace(/^invalid parameter "query": /, '');
    expect(serverText).toBe('1:34: parse error: unclosed left parenthesis');
    const error = await ds.metrics!.queryRange(bad, ctx(5 * MINUTE)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isDataSourceError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'query', status: 400, errorType: 'bad_data' });
    expect((error as Error).message).toContain(serverText);
  });

  it('keeps a long range under 11,000 points per series where a naive step is refused', async () => {
    const query = 'sum(http_server_active_requests)';
    const now = Date.now();
    // Two days at the 15 s scrape interval would be 11,520 points: Prometheus refuses that step.
    const twoDays = 2 * DAY;
    const naive = await queryPrometheus(prom.url, '/api/v1/query_range', {
      query,
      start: String((now - twoDays) / 1000),
      end: String(now / 1000),
      step: '15',
    });
    expect(naive).toMatchObject({ status: 'error', errorType: 'bad_data' });
    expect((naive as { error: string }).error).toContain('exceeded maximum resolution of 11,000 points per timeseries');

    for (const span of [twoDays, 90 * DAY]) {
      const result = await ds.metrics!.queryRange(query, ctx(span, 1000));
      expect(result.stepMs).toBeGreaterThanOrEqual(Math.ceil(span / 11_000));
      for (const series of result.series) expect(series.times.length).toBeLessThanOrEqual(11_001);
    }
    const recent = await ds.metrics!.queryRange(query, ctx(twoDays, 1000));
    expect(recent.series).toHaveLength(1);
    expect(Array.from(recent.series[0]!.values).every(Number.isFinite)).toBe(true);
  });
});
