import { describe, expect, it } from 'vitest';
import { decodeTraceId, encodeTraceId, spanIdFor, type TraceIdParts } from './demoTraceId';

const samples: TraceIdParts[] = [
  { seed: 1, startMs: 1_749_038_196_519, flow: 2, outcome: 0x45, seq: 5_038_914 },
  { seed: 0, startMs: 0, flow: 0, outcome: 0, seq: 0 },
  { seed: 0xffffff, startMs: 2 ** 44 - 1, flow: 255, outcome: 255, seq: 0xffffff },
  { seed: 123_456, startMs: 1_600_096_945_479, flow: 6, outcome: 0x36, seq: 42 },
];

describe('demo trace IDs', () => {
  it('round-trips every field', () => {
    for (const parts of samples) {
      const id = encodeTraceId(parts);
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      expect(decodeTraceId(id)).toEqual(parts);
    }
  });

  it('looks random: neighbouring IDs share no long prefix', () => {
    const a = encodeTraceId({ seed: 1, startMs: 1_700_000_000_000, flow: 2, outcome: 0, seq: 1 });
    const b = encodeTraceId({ seed: 1, startMs: 1_700_000_000_000, flow: 2, outcome: 0, seq: 2 });
    expect(a.slice(0, 8)).not.toBe(b.slice(0, 8));
  });

  it('rejects IDs it did not make', () => {
    const id = encodeTraceId(samples[0] as TraceIdParts);
    const flipped = id.slice(0, 10) + (id[10] === '0' ? '1' : '0') + id.slice(11);
    expect(decodeTraceId(flipped)).toBeUndefined();
    expect(decodeTraceId('4bf92f3577b34da6a3ce929d0e0e4736')).toBeUndefined();
    expect(decodeTraceId(id.toUpperCase())).toBeUndefined();
    expect(decodeTraceId(id.slice(1))).toBeUndefined();
  });

  it('refuses out-of-range parts instead of wrapping them', () => {
    expect(() => encodeTraceId({ seed: 2 ** 24, startMs: 0, flow: 0, outcome: 0, seq: 0 })).toThrow(RangeError);
    expect(() => encodeTraceId({ seed: 0, startMs: -1, flow: 0, outcome: 0, seq: 0 })).toThrow(RangeError);
    expect(() => encodeTraceId({ seed: 0, startMs: 0, flow: 256, outcome: 0, seq: 0 })).toThrow(RangeError);
  });

  it('derives stable, distinct 16-hex span IDs per hop', () => {
    const parts = samples[0] as TraceIdParts;
    const ids = [0, 1, 2, 3].map((i) => spanIdFor(parts, i));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(ids).size).toBe(4);
    expect(spanIdFor(parts, 2)).toBe(ids[2]);
  });
});
