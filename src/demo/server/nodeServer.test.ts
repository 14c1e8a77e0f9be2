import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOpenMetrics } from '../openmetrics/parse';
import { decodeTraceId } from '../simulator/demoTraceId';
import { batchTraceId } from '../traces/batchTrace';
import { startDemoServer, type DemoServer } from './nodeServer';

const NOW = Date.UTC(2025, 5, 4, 12, 7, 41);
let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer({ port: 0, seed: 4, nowMs: NOW });
});
afterAll(async () => {
  await server.close();
});

describe('demo HTTP server', () => {
  it('listens on an ephemeral loopback port', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('answers health checks', async () => {
    const res = await fetch(`${server.url}/-/healthy`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Healthy');
  });

  it('serves OpenMetrics with exemplars at /metrics', async () => {
    const res = await fetch(`${server.url}/metrics`);
    expect(res.headers.get('content-type')).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
    const parsed = parseOpenMetrics(await res.text());
    expect(parsed.samples.length).toBe(server.simulator.select([]).length);
    const exemplar = parsed.samples.find((s) => s.exemplar !== undefined)?.exemplar;
    expect(decodeTraceId(exemplar?.labels['trace_id'] ?? '')?.seed).toBe(4);
  });

  it('serves the Prometheus API at the root and under /prometheus, with CORS for browsers', async () => {
    for (const base of ['', '/prometheus']) {
      const res = await fetch(`${server.url}${base}/api/v1/label/service_name/values`, { headers: { Origin: 'http://example.test' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      const body = (await res.json()) as { status: string; data: string[] };
      expect(body.status).toBe('success');
      expect(body.data).toContain('payments');
    }
    const preflight = await fetch(`${server.url}/api/v1/query`, { method: 'OPTIONS', headers: { Origin: 'http://example.test' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
  });

  it('accepts form-encoded POST queries, evaluated at its clock', async () => {
    const res = await fetch(`${server.url}/api/v1/query`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: 'process_cpu_limit_cores{job="payments"}' }).toString(),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { result: Array<{ value: [number, string] }> } };
    expect(body.data.result[0]?.value).toEqual([NOW / 1000, '2']);
  });

  it('answers unknown paths with a plain 404', async () => {
    const res = await fetch(`${server.url}/no/such/path`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('no handler');
  });

  it('serves the trace behind a /metrics exemplar on the Jaeger, Tempo and Zipkin APIs', async () => {
    const parsed = parseOpenMetrics(await (await fetch(`${server.url}/metrics`)).text());
    const exemplar = parsed.samples.find((s) => s.exemplar !== undefined)?.exemplar;
    const traceId = exemplar?.labels['trace_id'] ?? '';
    const spanId = exemplar?.labels['span_id'] ?? '';
    const jaeger = (await (await fetch(`${server.url}/jaeger/api/traces/${traceId}`)).json()) as { data: Array<{ spans: Array<{ spanID: string }> }> };
    expect(jaeger.data[0]?.spans.map((s) => s.spanID)).toContain(spanId);
    const v3 = await fetch(`${server.url}/jaeger/api/v3/traces/${traceId}`, { headers: { Origin: 'http://example.test' } });
    expect(v3.headers.get('access-control-allow-origin')).toBe('*');
    expect(JSON.stringify(await v3.json())).toContain(spanId);
    const tempo = (await (await fetch(`${server.url}/tempo/api/traces/${traceId}`)).json()) as { batches: unknown[] };
    expect(JSON.stringify(tempo.batches)).toContain(Buffer.from(spanId, 'hex').toString('base64'));
    const zipkin = (await (await fetch(`${server.url}/zipkin/api/v2/trace/${traceId}`)).json()) as Array<{ id: string }>;
    expect(zipkin.map((s) => s.id)).toContain(spanId);
    const missing = await fetch(`${server.url}/tempo/api/traces/4bf92f3577b34da6a3ce929d0e0e4736`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('');
  });

  it('streams the 100,000-span batch trace over HTTP in chunks', async () => {
    const res = await fetch(`${server.url}/zipkin/api/v2/trace/${batchTraceId(100_000, 4)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const spans = (await res.json()) as unknown[];
    expect(spans.length).toBe(100_000);
  });
});
