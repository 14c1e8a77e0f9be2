import type { LogStream } from './logs';
import type { Labels } from './series';
import { formatLabels } from './series';

/** The stable key of a label set: sorted `name="value"` pairs (the same text legends and series keys use). */
export function streamKey(labels: Labels): string {
  return formatLabels(labels);
}

/** FNV-1a over the key, 2 × 32 bits, as 13 base-36 characters: short line keys for 100,000 lines. */
function shortHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(36).padStart(7, '0') + (h2 >>> 0).toString(36).padStart(7, '0');
}

export interface StreamEntry {
  stream: LogStream;
  /** A short, stable stand-in for the stream key inside line keys. */
  hash: string;
}

/**
 * Hands out one `LogStream` per label set, so every line of a stream holds the same object (labels are not
 * copied per line). Make one per page or per tail subscription.
 */
export interface StreamInterner {
  intern(labels: Labels): StreamEntry;
  /** How many distinct streams it has handed out. */
  size(): number;
}

export function createStreamInterner(): StreamInterner {
  const byKey = new Map<string, StreamEntry>();
  return {
    intern(labels) {
      const key = streamKey(labels);
      let entry = byKey.get(key);
      if (!entry) {
        entry = { stream: { key, labels }, hash: shortHash(key) };
        byKey.set(key, entry);
      }
      return entry;
    },
    size: () => byKey.size,
  };
}

/**
 * Stable line keys: stream + timeNs + a counter for lines of one stream at the same nanosecond, counted in
 * the order they arrive (a stream's lines arrive sorted, so same-ns lines are adjacent). The same answer gives
 * the same keys; the boundary lines of a "load older" page get the keys they had on the page before.
 */
export interface LineKeyer {
  key(entry: StreamEntry, timeNs: string): string;
}

export function createLineKeyer(): LineKeyer {
  const last = new Map<string, { ns: string; count: number }>();
  return {
    key(entry, timeNs) {
      const seen = last.get(entry.hash);
      let n = 0;
      if (seen === undefined) last.set(entry.hash, { ns: timeNs, count: 0 });
      else if (seen.ns === timeNs) n = ++seen.count;
      else {
        seen.ns = timeNs;
        seen.count = 0;
      }
      return `${entry.hash}:${timeNs}:${n}`;
    },
  };
}

/** The stream of a line key (its first part), to group lines without the stream object at hand. */
export function lineKeyStreamHash(key: string): string {
  return key.slice(0, key.indexOf(':'));
}
