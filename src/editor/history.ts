/** How many queries each datasource keeps; the oldest falls off. */
export const HISTORY_LIMIT = 100;

/** The part of `Storage` history needs, so tests hand in a Map-backed one. */
export type HistoryStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** One history list per language and datasource, so PromQL and LogQL history never mix. */
export function historyKey(language: string, datasourceUid: string): string {
  return `watchfloor.history.${language.toLowerCase()}.${datasourceUid}`;
}

/** Newest first. Whatever else the storage holds (another version's format, a hand edit) reads as no history. */
export function readHistory(storage: HistoryStorage | undefined, key: string): string[] {
  let raw: string | null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return []; // storage disabled (privacy mode, sandboxed frame)
  }
  if (raw === null) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((q): q is string => typeof q === 'string' && q.trim() !== '').slice(0, HISTORY_LIMIT);
  } catch {
    return [];
  }
}

/** Puts `query` first (moving it up if it is there already), keeps at most HISTORY_LIMIT, returns the new list. */
export function addToHistory(storage: HistoryStorage | undefined, key: string, query: string): string[] {
  const text = query.trim();
  const before = readHistory(storage, key);
  if (text === '') return before;
  const next = [text, ...before.filter((q) => q !== text)].slice(0, HISTORY_LIMIT);
  try {
    storage?.setItem(key, JSON.stringify(next));
  } catch {
    // Quota full or storage disabled: the run still happens; only its memory is lost.
  }
  return next;
}

/** The browser's localStorage, or undefined where there is none (or reading it throws). */
export function browserStorage(): HistoryStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
