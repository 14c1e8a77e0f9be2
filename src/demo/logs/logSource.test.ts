import { describe, expect, it } from 'vitest';
import { createSimulator, decodeTraceId, defaultScenarios } from '../simulator';
import { createTraceStore } from '../traces/traceStore';
import type { DemoLogEntry } from './entry';
import { createLogSource, DEFAULT_SAMPLE_EVERY } from './logSource';
import { PROVIDER_TIMEOUT_MESSAGE } from './requestLines';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const simulator = createSimulator({ seed: 1, scenarios: defaultScenarios(NOW) });
const incident = simulator.scenarios[0];
if (incident === undefined) throw new Error('no incident');
const START = incident.startsAtMs;
const source = createLogSource(simulator);
const us = (ms: number): number => ms * 1000;

function entries(fromMs: number, toMs: number): DemoLogEntry[] {
  return [...source.entries(us(fromMs), us(toMs), 'forward')];
}

/** Requests started in [from, to) by the simulator's closed-form counters, split by the entry span's status. */
function gatewayRequests(fromMs: number, toMs: number): { total: number; errors: number } {
  let total = 0;
  let errors = 0;
  for (const cls of simulator.requestClasses) {
    const root = cls.hops[0];
    if (root?.service !== 'api-gateway') continue;
    const n = simulator.requestCount(cls.index, toMs) - simulator.requestCount(cls.index, fromMs);
    total += n;
    if (Number(root.status) >= 500) errors += n;
  }
  return { total, errors };
}

function accessLogs(list: readonly DemoLogEntry[], service: string): DemoLogEntry[] {
  return list.filter((e) => e.stream.service === service && /"msg":"request (completed|errored)"/.test(e.line));
}

describe('the demo log source', () => {
  const before = entries(START - 40 * 60_000, START - 30 * 60_000);

  it('is deterministic: another source over the same simulator writes the same lines at the same times', () => {
    const again = [...createLogSource(createSimulator({ seed: 1, scenarios: defaultScenarios(NOW) })).entries(us(START - 40 * 60_000), us(START - 30 * 60_000), 'forward')];
    expect(again.map((e) => `${e.timeUs} ${e.stream.key} ${e.line}`)).toEqual(before.map((e) => `${e.timeUs} ${e.stream.key} ${e.line}`));
  });

  it('writes entries in time order, and backward is the exact reverse of forward', () => {
    for (let i = 1; i < before.length; i++) expect((before[i]?.timeUs ?? 0) >= (before[i - 1]?.timeUs ?? 0)).toBe(true);
    const backward = [...source.entries(us(START - 40 * 60_000), us(START - 30 * 60_000), 'backward')];
    expect(backward.map((e) => e.line)).toEqual([...before].reverse().map((e) => e.line));
  });

  it('writes one access log per 50 requests: the gateway access logs times 50 follow its request counter', () => {
    const expected = gatewayRequests(START - 40 * 60_000, START - 30 * 60_000).total / DEFAULT_SAMPLE_EVERY;
    // A request's access log is written when it ends; over 10 minutes the requests on the edges even out.
    const logged = accessLogs(before, 'api-gateway').length;
    expect(logged).toBeGreaterThan(expected * 0.95);
    expect(logged).toBeLessThan(expected * 1.05);
  });

  it("gives access logs the levels the metrics' error ratio implies, before and during the incident", () => {
    const during = entries(START + 30 * 60_000, START + 40 * 60_000);
    for (const [list, fromMs] of [
      [before, START - 40 * 60_000],
      [during, START + 30 * 60_000],
    ] as const) {
      const { total, errors } = gatewayRequests(fromMs, fromMs + 10 * 60_000);
      const logs = accessLogs(list, 'api-gateway');
      const logged = logs.filter((e) => e.stream.level === 'error').length / logs.length;
      expect(Math.abs(logged - errors / total)).toBeLessThan(0.012);
    }
  });

  it("puts every line written in a request on that request: the trace resolves, the span is the service's and holds the line's time", () => {
    const store = createTraceStore(simulator);
    const sample = entries(START + 30 * 60_000, START + 30 * 60_000 + 20_000).filter((e) => e.traceId !== undefined);
    expect(sample.length).toBeGreaterThan(100);
    for (const e of sample) {
      const trace = store.get(e.traceId ?? '');
      const span = [...(trace?.spans() ?? [])].find((s) => s.spanId === e.spanId);
      expect(span?.service, e.line).toBe(e.stream.service);
      expect(e.timeUs).toBeGreaterThanOrEqual((span?.startUs ?? 0) - 1);
      expect(e.timeUs).toBeLessThanOrEqual((span?.startUs ?? 0) + (span?.durationUs ?? 0) + 1);
      const field = e.stream.service === 'inventory' ? `traceID=${e.traceId ?? ''}` : `"trace_id":"${e.traceId ?? ''}"`;
      expect(e.line).toContain(field);
    }
  });

  it("writes the provider timeout only from the incident's start, and its lines carry the incident exemplars' traces", () => {
    const isTimeout = (e: DemoLogEntry): boolean => e.line.includes(PROVIDER_TIMEOUT_MESSAGE);
    expect(entries(START - 10 * 60_000, START).filter(isTimeout)).toEqual([]);
    const during = entries(START, START + 8 * 60_000).filter(isTimeout);
    expect(during.length).toBeGreaterThan(500);
    for (const e of during) expect(e.stream.labels).toEqual({ level: 'error', namespace: 'watchfloor-demo', service_name: 'payments' });

    const exemplarIds = simulator
      .exemplars([{ name: 'job', type: '=', value: 'payments' }], START + 60_000, START + 7 * 60_000)
      .flatMap((s) => s.exemplars.map((x) => x.labels['trace_id'] ?? ''))
      .filter((id) => decodeTraceId(id)?.outcome === 0x45);
    expect(exemplarIds.length).toBeGreaterThan(3);
    const logged = new Set(during.map((e) => e.traceId));
    for (const id of exemplarIds) expect(logged.has(id), id).toBe(true);
  });
});
