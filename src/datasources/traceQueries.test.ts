import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../model/trace';
import { traceQueryOptions } from './queries';
import type { DataSource, QueryCtx } from './types';

const range = { from: 1_700_000_000_000, to: 1_700_000_900_000 };
const ID = '4bf92f3577b34da6a3ce929d0e0e4736';

function tracesDataSource() {
  const calls: Array<{ id: string; ctx: QueryCtx }> = [];
  const ds: DataSource = {
    uid: 'tempo',
    kind: 'tempo',
    name: 'Tempo',
    traces: { getTrace: async (id, ctx): Promise<Trace> => (calls.push({ id, ctx }), { traceId: id, spans: [], warnings: [] }) },
    health: async () => ({ ok: true }),
  };
  return { ds, calls };
}

describe('traceQueryOptions', () => {
  it('keys by datasource, trace ID and window, and hands the window and the signal to getTrace', async () => {
    const { ds, calls } = tracesDataSource();
    const options = traceQueryOptions(ds, ID, range);
    expect(options.queryKey).toEqual(['tempo', 'traces.get', ID, range.from, range.to]);
    await new QueryClient().fetchQuery(options);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.id).toBe(ID);
    expect(calls[0]!.ctx.range).toEqual(range);
    expect(calls[0]!.ctx.signal).toBeInstanceOf(AbortSignal);
  });

  it('names the datasource when it cannot look up traces', async () => {
    const ds: DataSource = { uid: 'prom', kind: 'prometheus', name: 'Prom', health: async () => ({ ok: true }) };
    await expect(new QueryClient().fetchQuery({ ...traceQueryOptions(ds, ID, range), retry: false })).rejects.toThrow('Prom cannot look up traces');
  });
});
