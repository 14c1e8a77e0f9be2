import { describe, expect, it } from 'vitest';
import { createLineKeyer, createStreamInterner, lineKeyStreamHash, streamKey } from './logsStream';

describe('streams', () => {
  it('streamKey is the sorted label set, whatever order the labels came in', () => {
    expect(streamKey({ job: 'a', app: 'b' })).toBe(streamKey({ app: 'b', job: 'a' }));
    expect(streamKey({ job: 'a' })).not.toBe(streamKey({ job: 'a', level: 'error' }));
    // Values are quoted, so a value holding `", b="` cannot impersonate two labels.
    expect(streamKey({ a: '1", b="2' })).not.toBe(streamKey({ a: '1', b: '2' }));
  });

  it('the interner gives one stream object per label set', () => {
    const interner = createStreamInterner();
    const a = interner.intern({ job: 'a', app: 'x' });
    const b = interner.intern({ app: 'x', job: 'a' });
    const c = interner.intern({ job: 'c' });
    expect(b.stream).toBe(a.stream);
    expect(c.stream).not.toBe(a.stream);
    expect(interner.size()).toBe(2);
    expect(createStreamInterner().intern({ job: 'a', app: 'x' }).hash, 'the hash is stable across interners').toBe(a.hash);
  });
});

describe('line keys', () => {
  it('count lines of one stream at the same nanosecond, and restart on a new one', () => {
    const interner = createStreamInterner();
    const a = interner.intern({ job: 'a' });
    const b = interner.intern({ job: 'b' });
    const keyer = createLineKeyer();
    const keys = [keyer.key(a, '5'), keyer.key(a, '5'), keyer.key(b, '5'), keyer.key(a, '4'), keyer.key(a, '4')];
    expect(new Set(keys).size).toBe(5);
    expect(keys[0]).toBe(`${a.hash}:5:0`);
    expect(keys[1]).toBe(`${a.hash}:5:1`);
    expect(keys[2]).toBe(`${b.hash}:5:0`);
    expect(keys[4]).toBe(`${a.hash}:4:1`);
    expect(lineKeyStreamHash(keys[2]!)).toBe(b.hash);
  });

  it('are the same for the same answer read twice', () => {
    const run = () => {
      const interner = createStreamInterner();
      const keyer = createLineKeyer();
      return ['3', '3', '2'].map((ns) => keyer.key(interner.intern({ job: 'x' }), ns));
    };
    expect(run()).toEqual(run());
  });
});
