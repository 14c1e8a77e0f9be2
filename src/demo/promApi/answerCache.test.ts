import { describe, expect, it, vi } from 'vitest';
import { createAnswerCache } from './answerCache';

const answer = (size: number) => ({ size });

describe('createAnswerCache', () => {
  it('makes an answer once per key, and again once it was evicted (least recently used first)', () => {
    const cache = createAnswerCache<{ size: number }>(2, 100);
    const make = vi.fn(() => answer(1));
    cache.get('a', make);
    cache.get('a', make);
    expect(make).toHaveBeenCalledTimes(1);
    cache.get('b', () => answer(1));
    cache.get('a', make); // a is now the most recent
    cache.get('c', () => answer(1)); // evicts b
    cache.get('a', make);
    expect(make).toHaveBeenCalledTimes(1);
    const remakeB = vi.fn(() => answer(1));
    cache.get('b', remakeB);
    expect(remakeB).toHaveBeenCalledTimes(1);
  });

  it('keeps the total size under its bound, and never holds an answer bigger than all of it', () => {
    const cache = createAnswerCache<{ size: number }>(10, 10);
    const big = vi.fn(() => answer(11));
    cache.get('big', big);
    cache.get('big', big);
    expect(big).toHaveBeenCalledTimes(2);
    const six = vi.fn(() => answer(6));
    cache.get('six', six);
    cache.get('five', () => answer(5)); // 11 > 10: six goes
    cache.get('six', six);
    expect(six).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failure: the next ask evaluates again', () => {
    const cache = createAnswerCache<{ size: number }>(4, 100);
    expect(() => cache.get('q', () => { throw new Error('parse error'); })).toThrow('parse error');
    expect(cache.get('q', () => answer(3))).toEqual({ size: 3 });
  });
});
