import { describe, expect, it } from 'vitest';
import { createInProcessFetch } from '../fetch';
import { createLogHandlers } from '../logHandlers';
import { createSimulator, defaultScenarios } from '../simulator';
import { createTraceStore } from '../traces/traceStore';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const simulator = createSimulator({ seed: 1, scenarios: defaultScenarios(NOW) });
const incident = simulator.scenarios[0];
if (incident === undefined) throw new Error('no incident');
const fetchFn = createInProcessFetch(createLogHandlers(simulator, { now: () => NOW }));
const BASE = 'http://demo.watchfloor.invalid/loki/loki/api/v1';

async function get(path: string, params: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<Response> {
  return fetchFn(`${BASE}${path}?${new URLSearchParams(params).toString()}`, { headers });
}

interface StreamsBody {
  status: string;
  data: { resultType: string; encodingFlags?: string[]; result: Array<{ stream: Record<string, string>; values: Array<[string, string, Record<string, unknown>?]> }>; stats: object };
}

const ns = (ms: number): string => `${ms}000000`;

describe('query_range streams', () => {
  it('answers a selector with a line filter in Loki wire shape, newest first, ns timestamps as strings', async () => {
    const res = await get('/query_range', { query: '{service_name="payments"} |= "timeout"', start: ns(NOW - 300_000), end: ns(NOW), limit: '50' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as StreamsBody;
    expect(body.status).toBe('success');
    expect(body.data.resultType).toBe('streams');
    expect(body.data.stats).toHaveProperty('summary');
    const entries = body.data.result.flatMap((s) => s.values.map((v) => ({ stream: s.stream, ts: v[0], line: v[1] })));
    expect(entries).toHaveLength(50);
    for (const e of entries) {
      expect(e.ts).toMatch(/^\d{19}$/);
      expect(e.line).toContain('timeout');
      expect(e.stream['service_name']).toBe('payments');
      // Without categorize-labels, structured metadata is merged into the stream.
      expect(e.stream['trace_id']).toMatch(/^[0-9a-f]{32}$/);
    }
    for (const s of body.data.result) {
      const times = s.values.map((v) => BigInt(v[0]));
      for (let i = 1; i < times.length; i++) expect((times[i] ?? 0n) <= (times[i - 1] ?? 0n)).toBe(true);
    }
  });

  it("puts trace_id and span_id into structuredMetadata with categorize-labels, and the trace resolves with that span", async () => {
    const res = await get(
      '/query_range',
      { query: '{service_name="payments", level="error"} |= "payment provider timeout after 30000ms"', start: ns(NOW - 120_000), end: ns(NOW), limit: '20' },
      { 'X-Loki-Response-Encoding-Flags': 'categorize-labels' },
    );
    const body = (await res.json()) as StreamsBody;
    expect(body.data.encodingFlags).toEqual(['categorize-labels']);
    expect(body.data.result).toHaveLength(1);
    const stream = body.data.result[0];
    expect(stream?.stream).toEqual({ level: 'error', namespace: 'watchfloor-demo', service_name: 'payments' });
    const store = createTraceStore(simulator);
    expect(stream?.values.length).toBe(20);
    for (const [, line, meta] of stream?.values ?? []) {
      const sm = (meta as { structuredMetadata: { trace_id: string; span_id: string } }).structuredMetadata;
      const parsed = JSON.parse(line) as { trace_id: string; span_id: string; service: string; level: string };
      expect(parsed).toMatchObject({ trace_id: sm.trace_id, span_id: sm.span_id, service: 'payments', level: 'error' });
      const trace = store.get(sm.trace_id);
      const span = [...(trace?.spans() ?? [])].find((s) => s.spanId === sm.span_id);
      expect(span?.service).toBe('payments');
      expect(span?.events.map((e) => e.name)).toContain('timeout');
    }
  });
});

describe('labels and label values', () => {
  it('lists the stream labels and their values, sorted', async () => {
    const names = (await (await get('/labels', { start: ns(NOW - 3_600_000), end: ns(NOW) })).json()) as { data: string[] };
    expect(names.data).toEqual(['level', 'namespace', 'service_name']);
    const values = (await (await get('/label/service_name/values')).json()) as { data: string[] };
    expect(values.data).toContain('payments');
    expect(values.data).toEqual([...values.data].sort());
    const levels = (await (await get('/label/level/values', { query: '{service_name="payments"}' })).json()) as { data: string[] };
    expect(levels.data).toEqual(['debug', 'error', 'info', 'warn']);
  });

  it('answers an unknown label without a data key, as Loki does (omitempty)', async () => {
    const res = await get('/label/nope/values');
    expect(await res.text()).toBe('{"status":"success"}');
  });
});

describe('errors', () => {
  it('answers a syntax error with Loki plain text 400', async () => {
    const res = await get('/query_range', { query: '{service_name="payments"' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toMatch(/^parse error at line 1, col \d+: syntax error: unexpected/);
  });

  it('refuses a limit above max_entries_limit_per_query with Loki text', async () => {
    const res = await get('/query_range', { query: '{service_name="payments"}', limit: '10000' });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('max entries limit per query exceeded, limit > max_entries_limit_per_query (10000 > 5000)');
  });
});
