import { describe, expect, it } from 'vitest';
import type { Span } from '../../model/trace';
import { DEMO_BATCH_TRACE_ID } from '../index';
import { createSimulator, defaultScenarios, encodeTraceId } from '../simulator';
import { BATCH_SPAN_COUNT, BATCH_TRACE_ID, batchTraceId } from './batchTrace';
import { toTrace } from './demoTrace';
import { createTraceStore, MAX_SEARCH_CANDIDATES } from './traceStore';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 5, 3, 14, 7, 30);
const scenarios = defaultScenarios(NOW);
const incidentStart = scenarios[0]?.startsAtMs ?? 0;
const sim = createSimulator({ seed: 1, scenarios });
const store = createTraceStore(sim);
const eq = (name: string, value: string) => ({ name, type: '=' as const, value });

function spanById(spans: readonly Span[], id: string): Span | undefined {
  return spans.find((s) => s.spanId === id);
}

describe('exemplars and their traces', () => {
  const from = NOW - 2 * HOUR;
  const to = from + 20 * 60_000;
  const series = sim.exemplars([eq('__name__', 'http_server_request_duration_seconds_bucket')], from, to);
  const exemplars = series.flatMap((s) => s.exemplars.map((ex) => ({ ex, labels: s.seriesLabels })));

  it('every exemplar trace ID rebuilds to a trace whose named span ends at the exemplar timestamp with its duration', () => {
    expect(exemplars.length).toBeGreaterThan(100);
    let roots = 0;
    for (const { ex, labels } of exemplars) {
      const trace = store.get(ex.labels['trace_id'] ?? '');
      expect(trace).toBeDefined();
      if (trace === undefined) continue;
      const spans = toTrace(trace).spans;
      const span = spanById(spans, ex.labels['span_id'] ?? '');
      expect(span?.service).toBe(labels['service_name']);
      expect(span?.kind).toBe('server');
      expect(span?.attributes['http.route']).toBe(labels['http_route']);
      expect(String(span?.attributes['http.response.status_code'])).toBe(labels['http_response_status_code']);
      expect(span?.durationUs).toBe(Math.max(1, Math.round(ex.value * 1e6)));
      const endMs = ((span?.startUs ?? 0) + (span?.durationUs ?? 0)) / 1000;
      expect(Math.abs(endMs - ex.timeMs)).toBeLessThanOrEqual(1);
      if (span === spans[0]) {
        roots++;
        expect(trace.root).toEqual(span);
      }
    }
    // Entry services' exemplars name the root span itself.
    expect(roots).toBeGreaterThan(20);
  });

  it('error exemplars lead to error spans, and ok ones to spans without errors', () => {
    for (const { ex, labels } of exemplars) {
      const trace = store.get(ex.labels['trace_id'] ?? '');
      const span = trace === undefined ? undefined : spanById(toTrace(trace).spans, ex.labels['span_id'] ?? '');
      expect(span?.status).toBe(Number(labels['http_response_status_code']) >= 500 ? 'error' : 'unset');
    }
  });

  it('every exemplar trace is found by a search around it', () => {
    const { ex } = exemplars[Math.floor(exemplars.length / 2)] ?? { ex: undefined };
    const id = ex?.labels['trace_id'] ?? '';
    const trace = store.get(id);
    const found = store.search({ startUs: (trace?.startUs ?? 0) - 1, endUs: (trace?.startUs ?? 0) + 1, limit: 50 });
    expect(found.matches.map((m) => m.trace.traceId)).toContain(id);
  });
});

describe('the payment-provider incident', () => {
  it('shows payments → payment-provider client spans cut at 30 s with an error status and a timeout event', () => {
    const at = incidentStart + HOUR;
    const isTimeout = (s: Span): boolean => s.service === 'payments' && s.kind === 'client' && s.attributes['peer.service'] === 'payment-provider' && s.status === 'error';
    const found = store.search({ startUs: (at - 10 * 60_000) * 1000, endUs: at * 1000, limit: 5, spanFilter: isTimeout });
    expect(found.matches.length).toBe(5);
    for (const { trace, matched } of found.matches) {
      const span = matched[0];
      expect(span?.durationUs).toBeGreaterThanOrEqual(30_000_000);
      expect(span?.durationUs).toBeLessThan(30_010_000);
      expect(span?.statusMessage).toBe('payment-provider did not answer within 30 s');
      expect(span?.attributes['http.response.status_code']).toBe(504);
      expect(span?.events.map((e) => e.name)).toEqual(['timeout']);
      expect(span?.events[0]?.timeUs).toBe((span?.startUs ?? 0) + (span?.durationUs ?? 0));
      // The callers fail after the timeout; notifications are never called; the provider runs on.
      const spans = toTrace(trace).spans;
      expect(spans[0]?.service).toBe('api-gateway');
      expect(spans[0]?.status).toBe('error');
      expect(spans[0]?.durationUs).toBeGreaterThan(30_000_000);
      expect(spans.some((s) => s.service === 'notifications')).toBe(false);
      const provider = spans.find((s) => s.parentSpanId === span?.spanId);
      expect(provider?.service).toBe('payment-provider');
      expect(provider?.durationUs).toBeGreaterThan(span?.durationUs ?? 0);
    }
  });

  it('has no such spans long before the incident', () => {
    const at = incidentStart - 6 * HOUR;
    const found = store.search({ startUs: (at - 30 * 60_000) * 1000, endUs: at * 1000, limit: 5, spanFilter: (s) => s.durationUs >= 30_000_000 });
    expect(found.matches).toEqual([]);
  });
});

describe('search', () => {
  const endUs = NOW * 1000;
  const startUs = endUs - HOUR * 1000;

  it('answers newest first within the time range, up to the limit, the same every time', () => {
    const a = store.search({ startUs, endUs, limit: 40 });
    expect(a.matches.length).toBe(40);
    const starts = a.matches.map((m) => m.trace.startUs);
    for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeLessThanOrEqual(starts[i - 1] ?? 0);
    for (const s of starts) {
      expect(s).toBeGreaterThanOrEqual(startUs);
      expect(s).toBeLessThanOrEqual(endUs);
    }
    expect(store.search({ startUs, endUs, limit: 40 }).matches.map((m) => m.trace.traceId)).toEqual(a.matches.map((m) => m.trace.traceId));
  });

  it('filters by span and stops after a bounded number of candidates', () => {
    const res = store.search({ startUs: 0, endUs, limit: 10, spanFilter: (s) => s.service === 'no-such-service' });
    expect(res.matches).toEqual([]);
    expect(res.inspected).toBe(MAX_SEARCH_CANDIDATES);
    const inv = store.search({ startUs, endUs, limit: 10, spanFilter: (s) => s.service === 'inventory' && s.name === 'GET /inventory/stock' });
    expect(inv.matches.length).toBe(10);
    for (const m of inv.matches) expect(m.matched.every((s) => s.service === 'inventory')).toBe(true);
  });

  it('lists services and operations from the templates', () => {
    expect(store.services()).toEqual(['api-gateway', 'auth', 'inventory', 'notifications', 'orders', 'payment-provider', 'payments', 'search', 'users']);
    expect(store.operations('payments')).toEqual([
      { name: 'GET /payments/{id}', kind: 'server' },
      { name: 'POST /payments', kind: 'server' },
      { name: 'POST /v1/charges', kind: 'client' },
    ]);
  });
});

describe('not found', () => {
  it('is undefined for random, zero, malformed and foreign-seed IDs', () => {
    expect(store.get('4bf92f3577b34da6a3ce929d0e0e4736')).toBeUndefined();
    expect(store.get('0')).toBeUndefined();
    expect(store.get('xyz')).toBeUndefined();
    const foreign = encodeTraceId({ seed: 2, startMs: NOW, flow: 0, outcome: 0, seq: 1 });
    expect(store.get(foreign)).toBeUndefined();
    expect(store.get(encodeTraceId({ seed: 1, startMs: NOW, flow: 0, outcome: 0, seq: 1 }))?.spanCount).toBe(5);
  });
});

describe('the batch-job trace', () => {
  it('is reachable by its documented ID', () => {
    expect(BATCH_TRACE_ID).toBe(batchTraceId(BATCH_SPAN_COUNT));
    expect(DEMO_BATCH_TRACE_ID).toBe(BATCH_TRACE_ID);
    expect(store.get(BATCH_TRACE_ID.toUpperCase())?.spanCount).toBe(100_000);
  });

  it('streams 100,000 spans in pre-order, each parent before its children, deterministically', () => {
    const trace = store.get(BATCH_TRACE_ID);
    expect(trace).toBeDefined();
    if (trace === undefined) return;
    const index = new Map<string, number>();
    const services = new Set<string>();
    let count = 0;
    let errors = 0;
    let maxDepth = 0;
    // Counted, not asserted per span: 100,000 expect() calls would dominate the test's time.
    let duplicateIds = 0;
    let parentNotBefore = 0;
    let outsideRoot = 0;
    const depth = new Int32Array(100_000);
    for (const span of trace.spans()) {
      if (index.has(span.spanId)) duplicateIds++;
      const parent = span.parentSpanId === undefined ? -1 : (index.get(span.parentSpanId) ?? -2);
      if (parent === -2 || (parent === -1 && count > 0)) parentNotBefore++;
      depth[count] = parent < 0 ? 0 : (depth[parent] ?? 0) + 1;
      maxDepth = Math.max(maxDepth, depth[count] ?? 0);
      index.set(span.spanId, count++);
      services.add(span.service);
      if (span.status === 'error') errors++;
      if (span.startUs < trace.startUs || span.startUs + span.durationUs > trace.endUs) outsideRoot++;
    }
    expect({ duplicateIds, parentNotBefore, outsideRoot }).toEqual({ duplicateIds: 0, parentNotBefore: 0, outsideRoot: 0 });
    expect(count).toBe(100_000);
    expect([...services]).toEqual([...trace.services]);
    expect(maxDepth).toBe(3);
    expect(errors).toBeGreaterThan(0);
    const again = trace.spans()[Symbol.iterator]();
    expect(again.next().value).toEqual(trace.root);
  });

  it('asks for other sizes by ID, and refuses absurd ones', () => {
    expect(store.get(batchTraceId(10))?.spanCount).toBe(10);
    expect([...(store.get(batchTraceId(10))?.spans() ?? [])].length).toBe(10);
    expect(store.get(batchTraceId(5_000_000))).toBeUndefined();
    expect(store.get(batchTraceId(100_000, 2))).toBeUndefined();
  });
});
