import { DataSourceError } from '../../lib/errors';
import type { LogCursor, LogLine } from '../../model/logs';
import { isNsString } from '../../model/logsTime';

/**
 * Where the next page starts: the boundary nanosecond (the oldest line's for `backward`, the newest's for
 * `forward`) and the keys of the lines already shown at it. The next request includes the boundary, since
 * lines of the same nanosecond may have been cut off by the limit, and leaves out the keys already seen.
 */
export interface LokiCursor {
  ns: string;
  keys: string[];
}

export function encodeCursor(cursor: LokiCursor): LogCursor {
  return JSON.stringify({ loki: 1, ns: cursor.ns, keys: cursor.keys });
}

export function decodeCursor(raw: LogCursor): LokiCursor {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = undefined;
  }
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const { ns, keys } = record;
  if (record.loki !== 1 || typeof ns !== 'string' || !isNsString(ns) || !Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) {
    throw new DataSourceError('This paging position was not issued by a Loki datasource; run the query again from the start.', { kind: 'query' });
  }
  return { ns, keys: keys as string[] };
}

/** The cursor after `lines` (in page order): the last line's ns, and every key at it, with those already seen there. */
export function cursorAfter(lines: readonly LogLine[], previous: LokiCursor | undefined): LokiCursor | undefined {
  const last = lines[lines.length - 1];
  if (!last) return previous;
  const keys = previous?.ns === last.timeNs ? [...previous.keys] : [];
  for (let i = lines.length - 1; i >= 0 && lines[i]!.timeNs === last.timeNs; i--) keys.push(lines[i]!.key);
  return { ns: last.timeNs, keys };
}
