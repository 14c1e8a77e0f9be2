import { describe, expect, it } from 'vitest';
import type { Span } from '../../model/trace';
import { hexToBase64, resourceSpansChunks } from '../traceWire/otlpJson';
import { jaegerTraceChunks } from '../traceWire/jaegerJson';
import { zipkinTraceChunks } from '../traceWire/zipkinJson';
import { demoTraceOf } from './demoTrace';
import { batchTrace, batchTraceId, createBatchTraceCache, MAX_CACHED_SPANS } from './batchTrace';

const SEED = 1;

/** The same spans with fresh, unfrozen attribute objects: the writers' memo never applies to them. */
function unshared(spans: Iterable<Span>): Span[] {
  return [...spans].map((s) => ({ ...s, attributes: { ...s.attributes }, resource: { ...s.resource }, events: [], links: [] }));
}

const text = (chunks: Iterable<string>): string => [...chunks].join('');

describe('the batch trace cache', () => {
  it('builds a trace once and hands the same spans to every pass', () => {
    const cache = createBatchTraceCache();
    const trace = batchTrace(batchTraceId(2_000), SEED, cache);
    const first = trace?.spans();
    expect(Array.isArray(first)).toBe(true);
    expect(trace?.spans()).toBe(first);
    // Another lookup of the same ID (every API asks its own) reuses it too.
    expect(batchTrace(batchTraceId(2_000), SEED, cache)?.spans()).toBe(first);
  });

  it('holds at most MAX_CACHED_SPANS spans, dropping the least recently used trace', () => {
    const cache = createBatchTraceCache(10_000);
    const ids = [4_000, 5_000, 3_000].map((n) => batchTraceId(n));
    for (const id of ids) expect([...(batchTrace(id, SEED, cache)?.spans() ?? [])].length).toBeGreaterThan(0);
    // 4,000 + 5,000 + 3,000 > 10,000: the oldest went.
    expect(cache.keys()).toEqual([ids[1], ids[2]]);
    // A trace larger than the bound is streamed on each pass, never held.
    const big = batchTrace(batchTraceId(10_001), SEED, cache);
    expect(Array.isArray(big?.spans())).toBe(false);
    expect([...(big?.spans() ?? [])]).toHaveLength(10_001);
    expect(cache.keys()).toEqual([ids[1], ids[2]]);
    expect(MAX_CACHED_SPANS).toBe(200_000);
  });

  it('gives the same spans cached and streamed', () => {
    const id = batchTraceId(1_500);
    const streamed = [...(batchTrace(id, SEED)?.spans() ?? [])];
    const cached = [...(batchTrace(id, SEED, createBatchTraceCache())?.spans() ?? [])];
    expect(cached).toEqual(streamed);
    expect(cached).toHaveLength(1_500);
  });
});

describe('the wire writers over shared, frozen attributes', () => {
  const trace = batchTrace(batchTraceId(1_500), SEED, createBatchTraceCache());
  const plain = demoTraceOf(trace?.traceId ?? '', unshared(trace?.spans() ?? []));
  it('write exactly what they write for unshared attribute objects', () => {
    expect(trace && plain).toBeTruthy();
    if (trace === undefined || plain === undefined) return;
    expect(text(jaegerTraceChunks(trace))).toBe(text(jaegerTraceChunks(plain)));
    expect(text(resourceSpansChunks(trace, 'spec'))).toBe(text(resourceSpansChunks(plain, 'spec')));
    expect(text(resourceSpansChunks(trace, 'tempo'))).toBe(text(resourceSpansChunks(plain, 'tempo')));
    expect(text(zipkinTraceChunks(trace))).toBe(text(zipkinTraceChunks(plain)));
  });

  it('encode IDs to base64 as the bytes would be', () => {
    for (const span of [...(trace?.spans() ?? [])].slice(0, 200)) {
      expect(hexToBase64(span.spanId)).toBe(Buffer.from(span.spanId, 'hex').toString('base64'));
      expect(hexToBase64(span.traceId)).toBe(Buffer.from(span.traceId, 'hex').toString('base64'));
    }
    for (const hex of ['', '00', 'ff01', '0a0b0c', '0123456789abcdef01', 'ABCDEF0123456789', 'ffffffffffffffffffffffffffffffff']) expect(hexToBase64(hex)).toBe(Buffer.from(hex, 'hex').toString('base64'));
  });
});
