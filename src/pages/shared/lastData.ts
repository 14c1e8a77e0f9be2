import { useState } from 'react';

/**
 * Fills each missing answer with the last one seen for the same key, and forgets keys no longer
 * asked for (so the memory stays bounded on a screen left open for weeks). Returns a new array; the
 * map is updated in place.
 */
export function fillFromLast<T>(memory: Map<string, T>, keys: readonly string[], datas: ReadonlyArray<T | undefined>): Array<T | undefined> {
  const out = keys.map((key, i) => {
    const data = datas[i];
    if (data !== undefined) memory.set(key, data);
    return data ?? memory.get(key);
  });
  const live = new Set(keys);
  for (const key of memory.keys()) if (!live.has(key)) memory.delete(key);
  return out;
}

/**
 * `keepPreviousData` for `useQueries`, whose observers do not survive a key change: while a refresh
 * loads, the previous answer of the same query text stands in, so sparklines never blank. `results`
 * should be referentially stable between renders with the same answers (a module-level `combine`).
 *
 * The memory is state, replaced (never mutated) during render only when the keys or the results
 * change: a render React throws away leaves nothing behind, and the same inputs give the same array.
 */
export function useLastData<T, R extends { data?: T }>(keys: readonly string[], results: readonly R[]): R[] {
  const keyText = keys.join('\u0000');
  const [held, setHeld] = useState<{ keyText: string; results: readonly R[]; memory: ReadonlyMap<string, T>; filled: R[] } | undefined>(undefined);
  if (held && held.keyText === keyText && held.results === results) return held.filled;
  // A copy: a handful of entries (one per overview query), copied only when an answer changes.
  const memory = new Map(held?.memory);
  const datas = fillFromLast(memory, keys, results.map((r) => r.data));
  const filled = results.map((r, i) => (r.data === datas[i] ? r : { ...r, data: datas[i] }));
  setHeld({ keyText, results, memory, filled });
  return filled;
}
