/** A value cache bounded by total weight (and optionally by count), least recently used evicted first. */
export interface LruCache<K, V> {
  /** The value for `key`, made by `make` on a miss. A `make` that throws caches nothing. */
  get(key: K, make: () => V): V;
  /** The weight of the values held. */
  readonly weight: number;
}

export interface LruOptions<V> {
  maxWeight: number;
  weightOf: (value: V) => number;
  /** At most this many values, whatever they weigh. */
  maxEntries?: number;
  /**
   * A value heavier than `maxWeight` alone: kept (evicting all else) when true, as a window just asked for is
   * read again at once; returned uncached when false.
   */
  keepOversized: boolean;
}

/** One small LRU for the demo's caches (range answers, log windows): a Map kept in use order, oldest first. */
export function createLru<K, V>(options: LruOptions<V>): LruCache<K, V> {
  const { maxWeight, weightOf, maxEntries = Infinity, keepOversized } = options;
  const map = new Map<K, V>();
  let weight = 0;
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
      const w = weightOf(value);
      if (w > maxWeight && !keepOversized) return value;
      map.set(key, value);
      weight += w;
      for (const [oldKey, old] of map) {
        if ((map.size <= maxEntries && weight <= maxWeight) || oldKey === key) break;
        map.delete(oldKey);
        weight -= weightOf(old);
      }
      return value;
    },
    get weight() {
      return weight;
    },
  };
}
