import { describe, expect, it } from 'vitest';
import { readSpanIdText, readTraceIdText } from './ids';
import { suspectedUnit } from './nanos';

describe('OTLP IDs in hex or base64', () => {
  it('reads hex in any case, and pads a 64-bit trace ID', () => {
    expect(readTraceIdText('5B8EFFF798038103D269B633813FC60C')).toBe('5b8efff798038103d269b633813fc60c');
    expect(readTraceIdText('5af7183fb1d4cf5f')).toBe('00000000000000005af7183fb1d4cf5f');
    expect(readSpanIdText('EEE19B7EC3C1B174')).toBe('eee19b7ec3c1b174');
  });

  it("reads Tempo's base64 of 16 and 8 bytes", () => {
    expect(readTraceIdText('Lz4M7neuXcnBet42iesuVA==')).toBe('2f3e0cee77ae5dc9c17ade3689eb2e54');
    expect(readSpanIdText('Vj1iPHZRT44=')).toBe('563d623c76514f8e');
  });

  it('reads base64 span IDs as atob does, for every byte value', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % 256;
    for (let n = 0; n < 2_000; n++) {
      const bytes = Buffer.from(Array.from({ length: 8 }, next));
      const hex = bytes.toString('hex');
      expect(readSpanIdText(bytes.toString('base64'))).toBe(/^0+$/.test(hex) ? undefined : hex);
    }
    // Not the padded 12-character form: still read (or refused) the long way.
    expect(readSpanIdText('Vj1iPHZRT44')).toBe('563d623c76514f8e');
    expect(readSpanIdText('Vj1iPHZRT4-=')).toBeUndefined();
    expect(readSpanIdText('Vj1iPHZRT4é=')).toBeUndefined();
  });

  it('refuses what is neither, too long, or all zeros', () => {
    expect(readTraceIdText('trace-123')).toBeUndefined();
    expect(readTraceIdText('0'.repeat(31) + 'a'.repeat(2))).toBeUndefined();
    expect(readTraceIdText('AAAAAAAAAAAAAAAAAAAAAA==')).toBeUndefined();
    expect(readSpanIdText('AAAAAAAAAAA=')).toBeUndefined();
    expect(readSpanIdText('0000000000000000')).toBeUndefined();
    expect(readSpanIdText('Lz4M7neuXcnBet42iesuVA==')).toBeUndefined();
  });
});

describe('suspectedUnit', () => {
  it('tells microseconds and milliseconds in a nanosecond field from real nanoseconds', () => {
    expect(suspectedUnit({ us: 1_544_712_660_000_000, ns: 0 })).toBeUndefined();
    expect(suspectedUnit({ us: 1_544_712_660_000, ns: 0 })).toBe('microseconds');
    expect(suspectedUnit({ us: 1_544_712_660, ns: 0 })).toBe('milliseconds');
    expect(suspectedUnit({ us: 0, ns: 0 })).toBeUndefined();
    expect(suspectedUnit({ us: 100, ns: 0 })).toBeUndefined();
  });
});
