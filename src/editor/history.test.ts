import { describe, expect, it } from 'vitest';
import { addToHistory, HISTORY_LIMIT, historyKey, readHistory, type HistoryStorage } from './history';

function memoryStorage(): HistoryStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('query history', () => {
  it('keeps one list per language and datasource, newest first', () => {
    const storage = memoryStorage();
    const prom = historyKey('PromQL', 'prom');
    addToHistory(storage, prom, 'up');
    addToHistory(storage, prom, 'rate(x[5m])');
    addToHistory(storage, historyKey('PromQL', 'other'), 'elsewhere');
    expect(readHistory(storage, prom)).toEqual(['rate(x[5m])', 'up']);
    expect(readHistory(storage, historyKey('PromQL', 'other'))).toEqual(['elsewhere']);
    expect(historyKey('LogQL', 'prom')).not.toBe(prom);
  });

  it('moves a query run again to the top instead of keeping it twice, and ignores blank runs', () => {
    const storage = memoryStorage();
    const key = historyKey('PromQL', 'prom');
    for (const q of ['a', 'b', '  a  ', '   ']) addToHistory(storage, key, q);
    expect(readHistory(storage, key)).toEqual(['a', 'b']);
  });

  it(`is bounded to ${HISTORY_LIMIT} entries: the oldest falls off`, () => {
    const storage = memoryStorage();
    const key = historyKey('PromQL', 'prom');
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) addToHistory(storage, key, `q${i}`);
    const list = readHistory(storage, key);
    expect(list).toHaveLength(HISTORY_LIMIT);
    expect(list[0]).toBe(`q${HISTORY_LIMIT + 19}`);
    expect(list.at(-1)).toBe('q20');
  });

  it('reads foreign or broken stored values as no history, and survives a storage that throws', () => {
    const storage = memoryStorage();
    const key = historyKey('PromQL', 'prom');
    storage.data.set(key, '{not json');
    expect(readHistory(storage, key)).toEqual([]);
    storage.data.set(key, JSON.stringify({ q: 'x' }));
    expect(readHistory(storage, key)).toEqual([]);
    storage.data.set(key, JSON.stringify(['ok', 7, null, '']));
    expect(readHistory(storage, key)).toEqual(['ok']);
    const full: HistoryStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readHistory(full, key)).toEqual([]);
    // The run is not refused; the list it returns is simply not remembered.
    expect(addToHistory(full, key, 'up')).toEqual(['up']);
    expect(addToHistory(undefined, key, 'up')).toEqual(['up']);
  });
});
