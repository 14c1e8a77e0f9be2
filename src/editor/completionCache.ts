/**
 * A bounded, least-recently-used cache of completion lookups. The key says everything the answer depends on
 * (datasource, range, call, arguments); a lookup in flight is shared by whoever asks the same meanwhile, and
 * a failed one is forgotten so that the next keystroke asks again.
 */
export interface CompletionCache {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  readonly size: number;
}

export function createCompletionCache(maxEntries: number): CompletionCache {
  const entries = new Map<string, Promise<unknown>>();
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit !== undefined) {
        // Map keeps insertion order: re-inserting marks it most recently used.
        entries.delete(key);
        entries.set(key, hit);
        return hit as Promise<T>;
      }
      const pending = load();
      entries.set(key, pending);
      pending.catch(() => {
        if (entries.get(key) === pending) entries.delete(key);
      });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return pending;
    },
    get size() {
      return entries.size;
    },
  };
}
