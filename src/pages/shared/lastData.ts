import { useMemo, useRef } from 'react';

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
 */
export function useLastData<T, R extends { data?: T }>(keys: readonly string[], results: readonly R[]): R[] {
  const memory = useRef(new Map<string, T>());
  const keyText = keys.join('\u0000');
  return useMemo(
    () => {
      const filled = fillFromLast(memory.current, keys, results.map((r) => r.data));
      return results.map((r, i) => (r.data === filled[i] ? r : { ...r, data: filled[i] }));
    },
    // `keys` is rebuilt every render; its text is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [keyText, results],
  );
}
