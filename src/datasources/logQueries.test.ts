import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { LogPage } from '../model/logs';
import { logContextQueryOptions, logLabelNamesQueryOptions, logsQueryOptions, logVolumeQueryOptions } from './logQueries';
import type { DataSource, LogQueryCtx } from './types';

const range = { from: 1_700_000_000_000, to: 1_700_003_600_000 };
const stream = { key: '{a="b"}', labels: { a: 'b' } };
const line = { key: 'k1', timeNs: '1700000000000000000', timeMs: 1_700_000_000_000, stream, line: 'x', level: 'info' as const };

function logsDataSource(pages: LogPage[]) {
  const calls: LogQueryCtx[] = [];
  const ds: DataSource = {
    uid: 'loki',
    kind: 'loki',
    name: 'Loki',
    health: async () => ({ ok: true }),
    logs: {
      language: 'logql',
      queryLogs: async (_q, ctx) => (calls.push(ctx), pages[calls.length - 1]!),
      volume: async (_q, ctx) => ({ series: [], warnings: [], stepMs: ctx.stepMs ?? 0 }),
      labelNames: async () => ['a'],
      context: async () => ({ before: [], after: [line] }),
    },
  };
  return { ds, calls };
}

describe('log query options', () => {
  it('pages with the cursor while the adapter says hasMore, passing limit, direction and signal', async () => {
    const { ds, calls } = logsDataSource([
      { lines: [line], warnings: [], hasMore: true, cursor: 'c1', serverCap: 5000 },
      { lines: [], warnings: [], hasMore: false },
    ]);
    const options = logsQueryOptions(ds, '{a="b"}', range, { limit: 1000, direction: 'backward' });
    expect(options.queryKey).toEqual(['loki', 'logs.query', '{a="b"}', range.from, range.to, 1000, 'backward']);
    const both = await new QueryClient().fetchInfiniteQuery({ ...options, pages: 2 });
    expect(both.pages).toHaveLength(2);
    expect(calls.map((c) => c.cursor)).toEqual([undefined, 'c1']);
    expect(calls[0]).toMatchObject({ limit: 1000, direction: 'backward', range });
    expect(calls[0]!.signal).toBeInstanceOf(AbortSignal);
    expect(options.getNextPageParam({ lines: [], warnings: [], hasMore: false }, [], undefined, [])).toBeUndefined();
  });

  it('keys volume by step and label names by the hour', () => {
    const { ds } = logsDataSource([]);
    expect(logVolumeQueryOptions(ds, 'q', range, 60_000).queryKey).toEqual(['loki', 'logs.volume', 'q', range.from, range.to, 60_000]);
    const shifted = { from: range.from + 5_000, to: range.to + 5_000 };
    expect(logLabelNamesQueryOptions(ds, shifted).queryKey).toEqual(logLabelNamesQueryOptions(ds, range).queryKey);
  });

  it('asks the adapter for context by line', async () => {
    const { ds } = logsDataSource([]);
    const answer = await new QueryClient().fetchQuery(logContextQueryOptions(ds, line, { before: 5, after: 5 }));
    expect(answer.after).toEqual([line]);
  });

  it('says so when the datasource has no logs', async () => {
    const ds: DataSource = { uid: 'p', kind: 'prometheus', name: 'Prom', health: async () => ({ ok: true }) };
    await expect(new QueryClient().fetchQuery(logContextQueryOptions(ds, line, { before: 1, after: 1 }))).rejects.toThrow('Prom cannot query logs');
  });
});
