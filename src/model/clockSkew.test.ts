import { describe, expect, it } from 'vitest';
import { clockSkewShiftUs, type SkewInput } from './clockSkew';

const at = (startUs: number, durationUs: number, kind: SkewInput['kind'] = 'internal'): SkewInput => ({ startUs, durationUs, kind });

describe('clockSkewShiftUs', () => {
  it('leaves a child inside its parent alone, edges included', () => {
    expect(clockSkewShiftUs(at(0, 10), at(0, 10), false)).toBe(0);
    expect(clockSkewShiftUs(at(0, 10, 'client'), at(2, 3, 'server'), false)).toBe(0);
  });

  it('moves an early child to its parent start', () => {
    expect(clockSkewShiftUs(at(100, 10), at(90, 5), false)).toBe(10);
    expect(clockSkewShiftUs(at(100, 10), at(90, 5), true)).toBe(10);
  });

  it('centres a server span that sticks out of its client', () => {
    expect(clockSkewShiftUs(at(0, 100, 'client'), at(-50, 40, 'server'), false)).toBe(80);
    expect(clockSkewShiftUs(at(0, 100, 'client'), at(90, 40, 'server'), false)).toBe(-60);
  });

  it('aligns a server span longer than its client to the client start', () => {
    expect(clockSkewShiftUs(at(0, 10, 'client'), at(5, 30, 'server'), false)).toBe(-5);
  });

  it('lets a late-ending child stay where it is unless it is a server under a client', () => {
    expect(clockSkewShiftUs(at(0, 10), at(5, 30), false)).toBe(0);
    expect(clockSkewShiftUs(at(0, 10, 'client'), at(5, 30, 'server'), true)).toBe(0);
    expect(clockSkewShiftUs(at(0, 10, 'producer'), at(5, 30, 'consumer'), false)).toBe(0);
  });

  it('takes up to 1 µs outside the parent for ns → µs rounding, not skew', () => {
    // A server span ending with its client, rounded: start 1 µs late, same duration; centring would shift it −1 µs.
    expect(clockSkewShiftUs(at(0, 100, 'client'), at(1, 100, 'server'), false)).toBe(0);
    expect(clockSkewShiftUs(at(100, 10), at(99, 5), false)).toBe(0);
    expect(clockSkewShiftUs(at(100, 10), at(99.75, 10.5), false)).toBe(0);
    // 2 µs is more than rounding can make: still moved.
    expect(clockSkewShiftUs(at(100, 10), at(98, 5), false)).toBe(2);
    expect(clockSkewShiftUs(at(0, 100, 'client'), at(2, 100, 'server'), false)).toBe(-2);
  });
});
