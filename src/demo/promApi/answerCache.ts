/**
 * The last range answers, by everything they depend on (query, start, end, step, limit). The demo's samples are a
 * pure function of (seed, scenario, time), so an answer for a window never changes: a wall board refreshing every
 * 5 s asks the same step-aligned windows for 30 s, and each of its 15 queries would be evaluated again every time
 * (most of the demo worker's CPU, on the same cores as the page). Bounded by count and by the answers' length.
 */
export interface AnswerCache<V extends { size: number }> {
  get(key: string, make: () => V): V;
}

export function createAnswerCache<V extends { size: number }>(maxEntries: number, maxSize: number): AnswerCache<V> {
  const map = new Map<string, V>();
  let size = 0;
  return {
    get(key, make) {
      const hit = map.get(key);
      if (hit !== undefined) {
        // Most recently used last: eviction takes from the front.
        map.delete(key);
        map.set(key, hit);
        return hit;
      }
      const value = make();
      if (value.size > maxSize) return value;
      map.set(key, value);
      size += value.size;
      for (const [oldKey, old] of map) {
        if ((map.size <= maxEntries && size <= maxSize) || oldKey === key) break;
        map.delete(oldKey);
        size -= old.size;
      }
      return value;
    },
  };
}
