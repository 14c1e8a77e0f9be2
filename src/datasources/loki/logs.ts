import type { LogLine, LogPage } from '../../model/logs';
import { createLineBuilder } from '../../model/logsPage';
import { addNs, lokiTimeParam, msToNs } from '../../model/logsTime';
import { readOrThrow } from '../shared/errors';
import type { LogQueryCtx } from '../types';
import { maxEntriesCap, read, SERVER, type LokiClient, type Params } from './client';
import { cursorAfter, decodeCursor, encodeCursor, type LokiCursor } from './cursor';
import { readStreams, sortLines } from './streams';

export const CATEGORIZE_HEADERS = { 'X-Loki-Response-Encoding-Flags': 'categorize-labels' } as const;

const count = (n: number) => n.toLocaleString('en-US');

/** The query's window in ns, `[start, end)` as Loki reads it; the range's `to` ms is included. */
export function windowNs(ctx: Pick<LogQueryCtx, 'range'>): { start: string; end: string } {
  return { start: msToNs(ctx.range.from), end: addNs(msToNs(ctx.range.to), 1) };
}

interface PageRequest {
  query: string;
  start: string;
  end: string;
  limit: number;
  direction: 'forward' | 'backward';
}

/**
 * One page of a log query (`/loki/api/v1/query_range`, a `streams` result). A limit above the server's
 * `max_entries_limit_per_query` is refused by Loki with a 400; the cap is read from that message, the page
 * asked again at the cap, and the cap remembered and reported (`serverCap` and a warning).
 */
export function createLogQuery(client: LokiClient) {
  let knownCap: number | undefined;

  async function fetchPage(req: PageRequest, signal: AbortSignal): Promise<{ lines: LogLine[]; warnings: string[] }> {
    const params: Params = [
      ['query', req.query],
      ['start', lokiTimeParam(req.start)],
      ['end', lokiTimeParam(req.end)],
      ['limit', String(req.limit)],
      ['direction', req.direction],
    ];
    const body = await client.get('/loki/api/v1/query_range', params, signal, client.options.categorizeLabels ? CATEGORIZE_HEADERS : undefined);
    return readOrThrow(() => {
      const root = read.asRecord(body, 'the response body');
      const data = read.asRecord(root.data, 'data');
      const resultType = read.asString(data.resultType, 'data.resultType');
      if (resultType !== 'streams') {
        throw read.shapeError('data.resultType', '"streams" for a log query (this is a metric query: run it as one)', resultType);
      }
      const lines = sortLines(readStreams(data.result, 'data.result', createLineBuilder(client.options.compiledDerivedFields)), req.direction);
      const warnings = root.warnings === undefined ? [] : read.asStringList(root.warnings, 'warnings');
      return { lines, warnings };
    }, SERVER);
  }

  async function fetchCapped(req: PageRequest, signal: AbortSignal): Promise<{ lines: LogLine[]; warnings: string[]; limit: number; capped: boolean }> {
    const asked = req.limit;
    const limit = knownCap !== undefined ? Math.min(asked, knownCap) : asked;
    try {
      const page = await fetchPage({ ...req, limit }, signal);
      return { ...page, limit, capped: limit < asked };
    } catch (error) {
      const cap = maxEntriesCap(error);
      if (cap === undefined || cap >= limit || cap < 1) throw error;
      knownCap = cap;
      const page = await fetchPage({ ...req, limit: cap }, signal);
      return { ...page, limit: cap, capped: true };
    }
  }

  return async function queryLogs(query: string, ctx: LogQueryCtx): Promise<LogPage> {
    const window = windowNs(ctx);
    const after = ctx.cursor === undefined ? undefined : decodeCursor(ctx.cursor);
    const backward = ctx.direction === 'backward';
    const request = (cursor: LokiCursor | undefined, skipBoundary: boolean): PageRequest => {
      // Lines already seen at the boundary come back too; asking for that many more keeps a page `limit` new lines long.
      const extra = cursor && !skipBoundary ? cursor.keys.length : 0;
      const req: PageRequest = { query, ...window, limit: ctx.limit + extra, direction: ctx.direction };
      // The boundary is included again (lines at it may have been cut off), unless it is known to hold only lines already seen.
      if (cursor && backward) req.end = skipBoundary ? cursor.ns : addNs(cursor.ns, 1);
      if (cursor && !backward) req.start = skipBoundary ? addNs(cursor.ns, 1) : cursor.ns;
      return req;
    };
    let page = await fetchCapped(request(after, false), ctx.signal);
    const seen = new Set(after?.keys);
    let lines = after ? page.lines.filter((l) => !seen.has(l.key)) : page.lines;
    const warnings = [...page.warnings];
    if (after && lines.length === 0 && page.lines.length >= page.limit) {
      // A whole page of lines at the boundary nanosecond, all seen: step past it rather than loop forever.
      warnings.push(`More than ${count(page.limit)} lines share the nanosecond ${after.ns}; the rest of them are skipped.`);
      page = await fetchCapped(request(after, true), ctx.signal);
      lines = page.lines;
      warnings.push(...page.warnings);
    }
    const full = page.lines.length >= page.limit;
    const older = backward ? 'older' : 'newer';
    if (full && page.capped) {
      warnings.push(`Loki answers at most ${count(page.limit)} lines per query (its max_entries_limit_per_query); asked for ${count(ctx.limit)}, showing ${backward ? 'newest' : 'oldest'} ${count(page.limit)} of more. Load ${older} for the rest.`);
    } else if (full) {
      warnings.push(`Showing the ${backward ? 'newest' : 'oldest'} ${count(page.limit)} lines; ${older} lines in the range may be missing. Load ${older} for more.`);
    }
    const result: LogPage = { lines, warnings, hasMore: full };
    if (full) {
      const cursor = cursorAfter(lines, after);
      if (cursor) result.cursor = encodeCursor(cursor);
    }
    if (page.capped && knownCap !== undefined) result.serverCap = knownCap;
    return result;
  };
}
