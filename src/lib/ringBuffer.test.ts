import { describe, expect, it } from 'vitest';
import { createRingBuffer } from './ringBuffer';

describe('createRingBuffer', () => {
  it('keeps items oldest first until full', () => {
    const ring = createRingBuffer<number>(3);
    expect(ring.push(1)).toBe(0);
    expect(ring.push(2)).toBe(0);
    expect(ring.toArray()).toEqual([1, 2]);
    expect(ring.size).toBe(2);
    expect(ring.at(0)).toBe(1);
    expect(ring.at(2)).toBeUndefined();
  });

  it('evicts the oldest when full and says so', () => {
    const ring = createRingBuffer<number>(3);
    for (const n of [1, 2, 3]) ring.push(n);
    expect(ring.push(4)).toBe(1);
    expect(ring.push(5)).toBe(1);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect([0, 1, 2].map((i) => ring.at(i))).toEqual([3, 4, 5]);
    expect(ring.size).toBe(3);
    expect(ring.pushed).toBe(5);
  });

  it('reads by index across the wrap without copying', () => {
    const ring = createRingBuffer<string>(4);
    for (let i = 0; i < 10; i++) ring.push(`line ${i}`);
    expect(ring.at(0)).toBe('line 6');
    expect(ring.at(3)).toBe('line 9');
    expect(ring.at(-1)).toBeUndefined();
    expect(ring.at(1.5)).toBeUndefined();
  });

  it('pushes batches, counting what fell out, also a batch bigger than the buffer', () => {
    const ring = createRingBuffer<number>(4);
    expect(ring.pushAll([1, 2, 3])).toBe(0);
    expect(ring.pushAll([4, 5])).toBe(1);
    expect(ring.toArray()).toEqual([2, 3, 4, 5]);
    expect(ring.pushAll([6, 7, 8, 9, 10, 11])).toBe(4 + 2);
    expect(ring.toArray()).toEqual([8, 9, 10, 11]);
    expect(ring.pushed).toBe(11);
  });

  it('hands out snapshots that later pushes do not change', () => {
    const ring = createRingBuffer<number>(2);
    ring.push(1);
    const snapshot = ring.toArray();
    ring.push(2);
    ring.push(3);
    expect(snapshot).toEqual([1]);
    expect(ring.toArray()).toEqual([2, 3]);
  });

  it('holds at most its capacity however much is pushed', () => {
    const ring = createRingBuffer<number>(1000);
    for (let i = 0; i < 100_000; i++) ring.push(i);
    expect(ring.size).toBe(1000);
    expect(ring.at(0)).toBe(99_000);
    expect(ring.at(999)).toBe(99_999);
  });

  it('clears', () => {
    const ring = createRingBuffer<number>(2);
    ring.pushAll([1, 2, 3]);
    ring.clear();
    expect(ring.size).toBe(0);
    expect(ring.toArray()).toEqual([]);
    ring.push(9);
    expect(ring.toArray()).toEqual([9]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => createRingBuffer(0)).toThrow(RangeError);
    expect(() => createRingBuffer(2.5)).toThrow('positive integer');
  });
});
