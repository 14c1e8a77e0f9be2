import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { entry, fixedSource } from '../logql/testSource';
import { ParamError } from './params';
import { parseTailRequest, startTail, TAIL_TICK_MS } from './tail';

const T = Date.UTC(2026, 11, 1, 12, 0, 0);

interface Frame {
  streams: Array<{ stream: Record<string, string>; values: Array<[string, string]> }>;
  dropped_entries?: Array<{ labels: Record<string, string>; timestamp: string }>;
}

function form(params: Record<string, string>): Map<string, string[]> {
  return new Map(Object.entries(params).map(([k, v]) => [k, [v]]));
}

describe('startTail', () => {
  let now = T;
  beforeEach(() => {
    vi.useFakeTimers();
    now = T;
  });
  afterEach(() => vi.useRealTimers());

  it('sends the newest `limit` entries since start first, oldest first, then each new entry once delay_for has passed', () => {
    const entries = [...Array.from({ length: 30 }, (_, i) => entry(T - 30_000 + i * 1000, 'payments', 'info', `old ${i}`)), ...Array.from({ length: 10 }, (_, i) => entry(T + 100 + i * 500, 'payments', 'info', `new ${i}`))];
    const frames: Frame[] = [];
    const req = parseTailRequest(form({ query: '{service_name="payments"}', limit: '5', delay_for: '2' }), now, 5000, false);
    const stop = startTail(fixedSource(entries), req, () => now, { send: (f) => frames.push(JSON.parse(f) as Frame), close: () => undefined });
    vi.advanceTimersByTime(0);
    expect(frames.flatMap((f) => f.streams.map((s) => s.values[0]?.[1]))).toEqual(['old 23', 'old 24', 'old 25', 'old 26', 'old 27']);
    frames.length = 0;
    now = T + 3_000;
    vi.advanceTimersByTime(TAIL_TICK_MS);
    // delay_for 2 s: only entries older than now − 2 s.
    expect(frames.flatMap((f) => f.streams.map((s) => s.values[0]?.[1]))).toEqual(['old 28', 'old 29', 'new 0', 'new 1']);
    frames.length = 0;
    now = T + 10_000;
    vi.advanceTimersByTime(TAIL_TICK_MS);
    expect(frames.flatMap((f) => f.streams.map((s) => s.values[0]?.[1]))).toEqual(['new 2', 'new 3', 'new 4', 'new 5', 'new 6', 'new 7', 'new 8', 'new 9']);
    stop();
    now = T + 20_000;
    frames.length = 0;
    vi.advanceTimersByTime(TAIL_TICK_MS * 4);
    expect(frames).toEqual([]);
  });

  it("sends at most 100 entries per frame and drops past Loki's 10 buffered frames, listing the drops", () => {
    const burst = Array.from({ length: 1500 }, (_, i) => entry(T + 1 + Math.floor(i / 10), 'batch', 'info', `line ${i}`));
    const frames: Frame[] = [];
    const req = parseTailRequest(form({ query: '{service_name="batch"}' }), now, 5000, false);
    startTail(fixedSource(burst), req, () => now, { send: (f) => frames.push(JSON.parse(f) as Frame), close: () => undefined });
    vi.advanceTimersByTime(0);
    now = T + 1_000;
    vi.advanceTimersByTime(TAIL_TICK_MS);
    expect(frames).toHaveLength(10);
    for (const f of frames) expect(f.streams.length).toBe(100);
    expect(frames[0]?.dropped_entries).toHaveLength(500);
    expect(frames[0]?.dropped_entries?.[0]).toEqual({ labels: { level: 'info', namespace: 'watchfloor-demo', service_name: 'batch' }, timestamp: `${(T + 101) * 1000}000` });
    expect(frames.slice(1).every((f) => f.dropped_entries === undefined)).toBe(true);
  });
});

describe('parseTailRequest', () => {
  it.each([
    [{ query: '{a="b"}', delay_for: '6' }, "delay_for can't be greater than 5"],
    [{ query: '{a="b"' }, /^parse error at line 1, col \d+: syntax error/],
    [{ query: '{a="b"}', limit: '6000' }, 'max entries limit per query exceeded, limit > max_entries_limit_per_query (6000 > 5000)'],
  ])('refuses %o before the upgrade', (params, message) => {
    expect(() => parseTailRequest(form(params), T, 5000, false)).toThrow(message);
  });

  it('refuses a metric query, and a delay_for that is no integer', () => {
    expect(() => parseTailRequest(form({ query: 'rate({a="b"}[1m])' }), T, 5000, false)).toThrow(/metric queries cannot be tailed/);
    expect(() => parseTailRequest(form({ query: '{a="b"}', delay_for: 'x' }), T, 5000, false)).toThrow(ParamError);
  });
});
