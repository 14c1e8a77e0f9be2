import { describe, expect, it } from 'vitest';
import { createCompletionCache } from './completionCache';

describe('completion cache', () => {
  it('answers a repeated key from the cache, and shares a lookup in flight', async () => {
    const cache = createCompletionCache(10);
    let calls = 0;
    const load = () => {
      calls++;
      return Promise.resolve(['a']);
    };
    const [first, second] = await Promise.all([cache.get('k', load), cache.get('k', load)]);
    expect(first).toEqual(['a']);
    expect(second).toBe(first);
    await cache.get('k', load);
    expect(calls).toBe(1);
  });

  it('is bounded: past the limit the least recently used entry goes', async () => {
    const cache = createCompletionCache(2);
    let calls = 0;
    const load = () => Promise.resolve(++calls);
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('a', load); // a is now the most recent
    await cache.get('c', load); // evicts b
    expect(cache.size).toBe(2);
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('b', load)).toBe(4);
  });

  it('forgets a failed lookup, so the next one asks again', async () => {
    const cache = createCompletionCache(10);
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(cache.size).toBe(0);
    expect(await cache.get('k', () => Promise.resolve('up'))).toBe('up');
  });
});
