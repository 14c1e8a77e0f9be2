// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueryCtx, RangeResult } from '../../datasources/types';
import { createFakeDataSource } from '../testing/fakeDataSource';
import { useSignalResult } from './useSignalResult';

afterEach(cleanup);

/** A datasource whose answer depends only on `level`, not on the range asked for. */
function levelSource() {
  const source = { level: 1, ...createFakeDataSource() };
  source.metrics = {
    queryRange: async (_query: string, ctx: QueryCtx): Promise<RangeResult> => ({
      series: [{ labels: {}, times: Float64Array.of(0, 15_000), values: Float64Array.of(source.level, NaN) }],
      warnings: [],
      stepMs: ctx.stepMs ?? 15_000,
    }),
  };
  return source;
}

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe('useSignalResult', () => {
  it('keeps the answer it shows when a refresh brings the same samples, and takes a changed one', async () => {
    const ds = levelSource();
    const query = { query: 'rate', unit: 'reqps' as const };
    const { result, rerender } = renderHook(({ to }) => useSignalResult(ds, query, { from: 0, to }, 15_000), {
      wrapper,
      initialProps: { to: 60_000 },
    });
    await waitFor(() => expect(result.current?.data).toBeDefined());
    const first = result.current!.data;

    rerender({ to: 65_000 });
    await waitFor(() => expect(result.current?.isFetching).toBe(false));
    expect(result.current!.data).toBe(first);

    ds.level = 2;
    rerender({ to: 70_000 });
    await waitFor(() => expect(result.current?.data?.series[0]!.values[0]).toBe(2));
    expect(result.current!.data).not.toBe(first);
  });
});
