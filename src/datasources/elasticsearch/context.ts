import type { LogLine } from '../../model/logs';
import type { LogQueryCtx } from '../types';
import type { createSearch } from './search';

const WINDOW_MS = 6 * 3_600_000;

/** Term filters on the line's stream fields: the same service and host, as `grep -C` looks at one file. */
function streamFilter(line: LogLine): unknown[] {
  return Object.entries(line.stream.labels).map(([field, value]) => ({ term: { [field]: value } }));
}

/**
 * The lines just before and after `line` from the same stream, oldest first. Asked by time around it (ms bounds,
 * Elasticsearch's range filter), the line itself left out by its key (`_index/_id`), lines of the same ms
 * placed by their ns.
 */
export async function esContext(search: ReturnType<typeof createSearch>, line: LogLine, ctx: { before: number; after: number; signal: AbortSignal }): Promise<{ before: LogLine[]; after: LogLine[] }> {
  const filter = streamFilter(line);
  const ask = (direction: LogQueryCtx['direction'], n: number) =>
    n <= 0
      ? Promise.resolve([] as LogLine[])
      : search(
          '',
          {
            range: direction === 'backward' ? { from: Math.max(0, line.timeMs - WINDOW_MS), to: line.timeMs } : { from: line.timeMs, to: line.timeMs + WINDOW_MS },
            // Both asks include the line's own ms; the spare lines cover the ones of that ms on the wrong side.
            limit: n + 50,
            direction,
            signal: ctx.signal,
          },
          filter,
        ).then((page) => page.lines.filter((l) => l.key !== line.key));
  const [older, newer] = await Promise.all([ask('backward', Math.floor(ctx.before)), ask('forward', Math.floor(ctx.after))]);
  const ns = BigInt(line.timeNs);
  const before = older.filter((l) => BigInt(l.timeNs) <= ns).slice(0, Math.floor(ctx.before)).reverse();
  const shown = new Set(before.map((l) => l.key));
  const after = newer.filter((l) => BigInt(l.timeNs) >= ns && !shown.has(l.key)).slice(0, Math.floor(ctx.after));
  return { before, after };
}
