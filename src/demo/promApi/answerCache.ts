import { createLru, type LruCache } from '../lruCache';

/**
 * The last range answers, by everything they depend on (query, start, end, step, limit). The demo's samples are a
 * pure function of (seed, scenario, time), so an answer for a window never changes: a wall board refreshing every
 * 5 s asks the same step-aligned windows for 30 s, and each of its 15 queries would be evaluated again every time
 * (most of the demo worker's CPU, on the same cores as the page). Bounded by count and by the answers' length.
 */
export type AnswerCache<V extends { size: number }> = LruCache<string, V>;

export function createAnswerCache<V extends { size: number }>(maxEntries: number, maxSize: number): AnswerCache<V> {
  // An answer bigger than the whole budget is returned, not kept: it would evict every other answer.
  return createLru<string, V>({ maxEntries, maxWeight: maxSize, weightOf: (v) => v.size, keepOversized: false });
}
