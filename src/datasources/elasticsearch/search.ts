import { DataSourceError, isDataSourceError } from '../../lib/errors';
import type { LogCursor, LogLine, LogPage } from '../../model/logs';
import type { TimeRange } from '../../model/time';
import { readOrThrow } from '../shared/errors';
import type { LogQueryCtx } from '../types';
import type { EsClient } from './client';
import { createHitReader } from './hits';

const count = (n: number) => n.toLocaleString('en-US');

/** `from + size` may not pass `index.max_result_window` (10,000 by default); with search_after, `size` alone may not. */
export const DEFAULT_MAX_RESULT_WINDOW = 10_000;

// `Result window is too large, from + size must be less than or equal to: [10000] but was [20000]. …`
const WINDOW_TOO_LARGE = /less than or equal to: \[(\d+)\]/;

export function resultWindowCap(error: unknown): number | undefined {
  if (!isDataSourceError(error) || error.status !== 400) return undefined;
  const m = WINDOW_TOO_LARGE.exec(error.message);
  return m ? Number(m[1]) : undefined;
}

/** The filter every search shares: the time range (epoch ms, both ends included) and the Lucene query, if any. */
export function searchFilter(client: EsClient, query: string, range: TimeRange, extra: readonly unknown[] = []): Record<string, unknown> {
  const filter: unknown[] = [{ range: { [client.options.timeField]: { gte: range.from, lte: range.to, format: 'epoch_millis' } } }];
  const text = query.trim();
  if (text !== '' && text !== '*') filter.push({ query_string: { query: text, analyze_wildcard: true } });
  filter.push(...extra);
  return { bool: { filter } };
}

/**
 * Time, then `_doc` as the tiebreaker (reference §8). Elasticsearch is asked for the time in the ns format so
 * `date_nanos` sort values come back as exact strings, not as numbers a double would round; OpenSearch has no
 * `format` on a sort, so its values are numbers (exact for `date`, ms rounding past 2^53 for `date_nanos`).
 */
export function sortClause(client: EsClient, order: 'asc' | 'desc'): unknown[] {
  const time: Record<string, unknown> = { order, unmapped_type: 'boolean' };
  if (client.flavour === 'elasticsearch') time.format = 'strict_date_optional_time_nanos';
  return [{ [client.options.timeField]: time }, { _doc: order }];
}

interface EsCursor {
  after: unknown[];
}

function encodeCursor(cursor: EsCursor): LogCursor {
  return JSON.stringify({ es: 1, after: cursor.after });
}

function decodeCursor(raw: LogCursor, serverName: string): EsCursor {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = undefined;
  }
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  if (record.es !== 1 || !Array.isArray(record.after)) {
    throw new DataSourceError(`This paging position was not issued by an ${serverName} datasource; run the query again from the start.`, { kind: 'query' });
  }
  return { after: record.after };
}

/** `hits.total`: `{value, relation}` (`gte` when counting stopped), or a plain number with `rest_total_hits_as_int`. */
function readTotal(client: EsClient, hits: Record<string, unknown>): { value: number; exact: boolean } | undefined {
  const { read } = client;
  if (hits.total === undefined || hits.total === null) return undefined;
  if (typeof hits.total === 'number') return { value: hits.total, exact: true };
  const total = read.asRecord(hits.total, 'hits.total');
  return { value: read.asNumber(total.value, 'hits.total.value'), exact: total.relation !== 'gte' };
}

/** Partial shard failures still answer 200, with `_shards.failed > 0`: the lines are there, but not all of them. */
export function shardWarnings(client: EsClient, body: Record<string, unknown>): string[] {
  const shards = body._shards;
  if (typeof shards !== 'object' || shards === null) return [];
  const { failed, total, failures } = shards as Record<string, unknown>;
  if (typeof failed !== 'number' || failed === 0) return [];
  const first = Array.isArray(failures) && typeof failures[0] === 'object' && failures[0] !== null ? (failures[0] as Record<string, unknown>).reason : undefined;
  const reason = typeof first === 'object' && first !== null && typeof (first as Record<string, unknown>).reason === 'string' ? `: ${(first as Record<string, unknown>).reason as string}` : '';
  return [`${failed} of ${typeof total === 'number' ? total : '?'} shards failed; some lines may be missing${reason}.`];
}

export function createSearch(client: EsClient) {
  let knownCap: number | undefined;

  async function page(body: Record<string, unknown>, size: number, signal: AbortSignal) {
    const limit = Math.min(size, knownCap ?? DEFAULT_MAX_RESULT_WINDOW);
    try {
      return { response: await client.search({ ...body, size: limit }, signal), limit };
    } catch (error) {
      const cap = resultWindowCap(error);
      if (cap === undefined || cap >= limit || cap < 1) throw error;
      knownCap = cap;
      return { response: await client.search({ ...body, size: cap }, signal), limit: cap };
    }
  }

  return async function queryLogs(query: string, ctx: LogQueryCtx, extraFilter: readonly unknown[] = []): Promise<LogPage> {
    const backward = ctx.direction === 'backward';
    const body: Record<string, unknown> = {
      track_total_hits: true,
      query: searchFilter(client, query, ctx.range, extraFilter),
      sort: sortClause(client, backward ? 'desc' : 'asc'),
      fields: [{ field: client.options.timeField, format: 'strict_date_optional_time_nanos' }],
    };
    if (ctx.cursor !== undefined) body.search_after = decodeCursor(ctx.cursor, client.serverName).after;
    const { response, limit } = await page(body, ctx.limit, ctx.signal);
    return readOrThrow(() => {
      const { read } = client;
      const hits = read.asRecord(response.hits, 'hits');
      const list = read.asArray(hits.hits, 'hits.hits');
      const reader = createHitReader(client);
      const lines: LogLine[] = list.map((hit, i) => reader.read(hit, `hits.hits[${i}]`));
      const total = readTotal(client, hits);
      const full = lines.length >= limit;
      const warnings = shardWarnings(client, response);
      const capped = limit < ctx.limit;
      const which = backward ? 'newest' : 'oldest';
      const older = backward ? 'older' : 'newer';
      if (full) {
        const of = total ? ` of ${total.exact ? '' : 'more than '}${count(total.value)}` : capped ? ' of more' : '';
        warnings.push(
          capped
            ? `${client.serverName} answers at most ${count(limit)} lines per request (index.max_result_window); asked for ${count(ctx.limit)}, showing ${which} ${count(limit)}${of}. Load ${older} for the rest.`
            : `Showing the ${which} ${count(limit)} lines${of}; ${older} lines in the range may be missing. Load ${older} for more.`,
        );
      }
      const result: LogPage = { lines, warnings, hasMore: full };
      if (full) {
        const last = read.asRecord(list[list.length - 1], `hits.hits[${list.length - 1}]`);
        result.cursor = encodeCursor({ after: read.asArray(last.sort, `hits.hits[${list.length - 1}].sort`) });
      }
      if (capped) result.serverCap = limit;
      if (total) result.total = { count: total.value, exact: total.exact };
      return result;
    }, client.serverName);
  };
}
