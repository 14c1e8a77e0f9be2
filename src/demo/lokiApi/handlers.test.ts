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
    expect(levels.data).toEqual(['debug', 'error', 'info']);
    const orders = (await (await get('/label/level/values', { query: '{service_name="orders"}' })).json()) as { data: string[] };
    expect(orders.data).toEqual(['debug', 'error', 'info', 'warn']);
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

interface MatrixBody {
  data: { resultType: string; result: Array<{ metric: Record<string, string>; values?: Array<[number, string]>; value?: [number, string] }> };
}

describe('metric queries', () => {
  it('answers query_range with a matrix: seconds as numbers, values as strings, one series per level', async () => {
    const res = await get('/query_range', { query: 'sum by (level) (count_over_time({service_name="payments"}[1m]))', start: String((NOW - 600_000) / 1000), end: String(NOW / 1000), step: '60' });
    const body = (await res.json()) as MatrixBody;
    expect(body.data.resultType).toBe('matrix');
    // Payments never answers 4xx nor carries on after a failed call: it writes no warnings.
    expect(body.data.result.map((s) => s.metric['level'])).toEqual(['debug', 'error', 'info']);
    for (const s of body.data.result) {
      for (const [t, v] of s.values ?? []) {
        expect(typeof t).toBe('number');
        expect(v).toMatch(/^\d+$/);
      }
    }
    const error = body.data.result.find((s) => s.metric['level'] === 'error');
    expect(error?.values?.[0]?.[0]).toBe((NOW - 600_000) / 1000);
  });

  it('answers an instant metric query with a vector and refuses an instant log query with Loki text', async () => {
    const ok = (await (await get('/query', { query: 'sum(rate({service_name="payments", level="error"} |= "timeout" [1m]))', time: String(NOW / 1000) })).json()) as MatrixBody;
    expect(ok.data.resultType).toBe('vector');
    expect(ok.data.result[0]?.value?.[0]).toBe(NOW / 1000);
    expect(Number(ok.data.result[0]?.value?.[1])).toBeGreaterThan(1);
    const bad = await get('/query', { query: '{service_name="payments"}' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe('log queries are not supported as an instant query type, please change your query to a range query type');
  });

  it('refuses more than 11,000 points per series', async () => {
    const res = await get('/query_range', { query: 'count_over_time({service_name="payments"}[1m])', start: String((NOW - 3_600_000) / 1000), end: String(NOW / 1000), step: '0.1' });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('exceeded maximum resolution of 11,000 points per time series. Try increasing the value of the step parameter');
  });
});

describe('time and limit parameters', () => {
  const first = async (params: Record<string, string>): Promise<bigint[]> => {
    const body = (await (await get('/query_range', { query: '{service_name="payments"}', ...params })).json()) as StreamsBody;
    return body.data.result.flatMap((s) => s.values.map((v) => BigInt(v[0]))).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  };

  it('reads 10-digit integers as seconds, longer ones as ns, decimals as seconds, and RFC 3339', async () => {
    const startS = (NOW - 120_000) / 1000;
    const endS = NOW / 1000;
    const asSeconds = await first({ start: String(startS), end: String(endS), limit: '5000' });
    const asNanos = await first({ start: `${startS}000000000`, end: `${endS}000000000`, limit: '5000' });
    const asFloat = await first({ start: `${startS}.0`, end: `${endS}.0`, limit: '5000' });
    const asRfc = await first({ start: new Date(startS * 1000).toISOString(), end: new Date(endS * 1000).toISOString(), limit: '5000' });
    expect(asSeconds.length).toBeGreaterThan(10);
    expect(asNanos).toEqual(asSeconds);
    expect(asFloat).toEqual(asSeconds);
    expect(asRfc).toEqual(asSeconds);
    expect(asSeconds[0]! >= BigInt(startS) * 1_000_000_000n).toBe(true);
    expect(asSeconds[asSeconds.length - 1]! < BigInt(endS) * 1_000_000_000n).toBe(true);
  });

  it('defaults to the last hour, 100 entries, newest first; forward gives the oldest', async () => {
    const backward = (await (await get('/query_range', { query: '{service_name="payments"}' })).json()) as StreamsBody;
    const forward = (await (await get('/query_range', { query: '{service_name="payments"}', direction: 'FORWARD' })).json()) as StreamsBody;
    const times = (b: StreamsBody) => b.data.result.flatMap((s) => s.values.map((v) => Number(BigInt(v[0]) / 1_000_000n)));
    expect(times(backward)).toHaveLength(100);
    expect(Math.max(...times(backward))).toBeGreaterThan(NOW - 60_000);
    expect(Math.min(...times(forward))).toBeLessThan(NOW - 3_540_000);
    expect(Math.min(...times(forward))).toBeGreaterThanOrEqual(NOW - 3_600_000);
  });

  it('reads POST form bodies like the URL query', async () => {
    const res = await fetchFn(`${BASE}/query_range`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ query: '{service_name="auth"}', limit: '3' }) });
    const body = (await res.json()) as StreamsBody;
    expect(body.data.result.flatMap((s) => s.values)).toHaveLength(3);
  });

  it.each([
    [{ query: '{a="b"}', start: String(NOW / 1000), end: String(NOW / 1000) }, 'end timestamp must not be before or equal to start time'],
    [{ query: '{a="b"}', start: 'yesterday' }, 'strconv.ParseInt: parsing "yesterday": invalid syntax'],
    [{ query: '{a="b"}', direction: 'sideways' }, "invalid direction 'sideways'"],
    [{ query: '{a="b"}', limit: '0' }, 'limit must be a positive value'],
    [{ query: '{a="b"}', step: 'soon' }, 'cannot parse "soon" to a valid duration'],
    [{ query: '{a="b"}', start: '1000000000', end: '1900000000' }, 'the query time range exceeds the limit (query length: 250000h0m0s, limit: 721h0m0s)'],
    [{ query: '{a="b"} | pattern "<x>"' }, 'parse error at line 1, col 11: unsupported by the Watchfloor demo: the "pattern "<x>"" parser (the demo\'s LogQL subset is listed in src/demo/logql/README.md)'],
  ])('answers %o with 400 %s', async (params, message) => {
    const res = await get('/query_range', params);
    expect(res.status).toBe(400);
    expect(await res.text()).toBe(message);
  });
});

describe('series and volume', () => {
  it('lists the streams any match[] selects, data always present', async () => {
    const body = (await (await get('/series', { 'match[]': '{service_name="orders", level=~"error|warn"}' })).json()) as { data: Array<Record<string, string>> };
    expect(body.data).toEqual([
      { level: 'error', namespace: 'watchfloor-demo', service_name: 'orders' },
      { level: 'warn', namespace: 'watchfloor-demo', service_name: 'orders' },
    ]);
    expect(await (await get('/series', { 'match[]': '{service_name="nope"}' })).text()).toBe('{"status":"success","data":[]}');
  });

  it('answers index/volume with bytes per selector label, largest first, and volume_range as a matrix', async () => {
    const params = { query: '{service_name=~"payments|orders"}', start: String((NOW - 300_000) / 1000), end: String(NOW / 1000) };
    const body = (await (await get('/index/volume', params)).json()) as MatrixBody;
    expect(body.data.resultType).toBe('vector');
    expect(body.data.result.map((r) => Object.keys(r.metric))).toEqual([['service_name'], ['service_name']]);
    const values = body.data.result.map((r) => Number(r.value?.[1]));
    expect(values[0]!).toBeGreaterThanOrEqual(values[1]!);
    const byLevel = (await (await get('/index/volume', { ...params, targetLabels: 'level' })).json()) as MatrixBody;
    expect(byLevel.data.result.map((r) => r.metric['level']).sort()).toEqual(['debug', 'error', 'info', 'warn']);
    const ranged = (await (await get('/index/volume_range', { ...params, step: '60' })).json()) as MatrixBody;
    expect(ranged.data.resultType).toBe('matrix');
    const total = (name: string, b: MatrixBody) => b.data.result.filter((r) => r.metric['service_name'] === name).flatMap((r) => r.values ?? []).reduce((a, [, v]) => a + Number(v), 0);
    expect(total('payments', ranged)).toBe(Number(body.data.result.find((r) => r.metric['service_name'] === 'payments')?.value?.[1]));
  });
});
