// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueryCtx, RangeResult } from '../../datasources/types';
import { DataSourceError } from '../../lib/errors';
import type { PanelSpec } from '../../model/panelSpec';
import { createFakeDataSource } from '../testing/fakeDataSource';
import { usePanelData } from './usePanelData';

afterEach(cleanup);

/** A datasource whose answer to each query depends only on its `level`, not on the range asked for. */
function levelSource() {
  const source = { levels: { a: 1, b: 10 } as Record<string, number>, failing: false, ...createFakeDataSource() };
  source.metrics = {
    queryRange: async (query: string, ctx: QueryCtx): Promise<RangeResult> => {
      if (source.failing) throw new DataSourceError('server down', { kind: 'query' });
      return {
        series: [{ labels: { q: query }, times: Float64Array.of(0, 15_000), values: Float64Array.of(source.levels[query]!, NaN) }],
        warnings: [],
        stepMs: ctx.stepMs ?? 15_000,
      };
    },
  };
  return source;
}

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

const spec = (exprs: string[]): PanelSpec => ({
  id: 'p',
  kind: 'timeseries',
  title: 'P',
  unit: 'short',
  queries: exprs.map((expr) => ({ ref: expr.toUpperCase(), expr })),
});

function run(ds: ReturnType<typeof levelSource>, panel: PanelSpec) {
  return renderHook(({ to }) => usePanelData(panel, { ds, range: { from: 0, to }, stepMs: 15_000 }), { wrapper, initialProps: { to: 60_000 } });
}

describe('usePanelData', () => {
  it('keeps the series it shows when a refresh brings the same samples, and takes a changed answer', async () => {
    const ds = levelSource();
    const { result, rerender } = run(ds, spec(['a']));
    await waitFor(() => expect(result.current.series).toHaveLength(1));
    const first = result.current.series;
    expect(first[0]!.key).toBe('A\u0000{q="a"}');

    rerender({ to: 65_000 });
    // While the new key loads, the last answer of the same query stands in (keepPreviousData).
    expect(result.current.series).toBe(first);
    expect(result.current.query.loading).toBe(false);
    await waitFor(() => expect(result.current.query.fetching).toBe(false));
    expect(result.current.series).toBe(first);

    ds.levels.a = 2;
    rerender({ to: 70_000 });
    await waitFor(() => expect(result.current.series[0]!.values[0]).toBe(2));
  });

  it('redraws a panel of several queries once, when the last of them has landed', async () => {
    const ds = levelSource();
    const { result, rerender } = run(ds, spec(['a', 'b']));
    await waitFor(() => expect(result.current.series).toHaveLength(2));
    const answer = ds.metrics!.queryRange;
    let releaseB = () => {};
    const bHeld = new Promise<void>((resolve) => (releaseB = resolve));
    let aAnswered = false;
    ds.metrics = {
      queryRange: async (query, ctx) => {
        if (query === 'b') await bHeld;
        const out = await answer(query, ctx);
        if (query === 'a') aAnswered = true;
        return out;
      },
    };
    ds.levels = { a: 2, b: 20 };
    rerender({ to: 65_000 });
    await waitFor(() => expect(aAnswered).toBe(true));
    await new Promise((r) => setTimeout(r, 20));
    // `a` has its new answer, `b` not yet: the chart still shows the old pair, never a mix.
    expect(result.current.series.map((s) => s.values[0])).toEqual([1, 10]);
    expect(result.current.query.fetching).toBe(true);
    releaseB();
    await waitFor(() => expect(result.current.series.map((s) => s.values[0])).toEqual([2, 20]));
  });

  it('holds a failing query’s error while the same query is asked again, instead of a spinner', async () => {
    const ds = levelSource();
    ds.failing = true;
    const { result, rerender } = run(ds, spec(['a']));
    await waitFor(() => expect(result.current.query.error).toBe('server down'));
    rerender({ to: 65_000 });
    expect(result.current.query.error).toBe('server down');
    expect(result.current.query.loading).toBe(false);
    ds.failing = false;
    rerender({ to: 70_000 });
    await waitFor(() => expect(result.current.query.error).toBeUndefined());
    expect(result.current.series).toHaveLength(1);
  });

  it('runs nothing and shows nothing for a spec without queries', () => {
    const ds = levelSource();
    const { result } = run(ds, spec([]));
    expect(result.current.series).toEqual([]);
    expect(result.current.query).toEqual({ loading: false, error: undefined, warnings: [], fetching: false });
  });

  describe('exemplars', () => {
    /** Records each exemplar request and its signal, holding answers until released. */
    function exemplarSource() {
      const ds = levelSource();
      const asked: Array<{ query: string; to: number; signal: AbortSignal }> = [];
      let release = () => {};
      let held = new Promise<void>((resolve) => (release = resolve));
      ds.metrics = {
        ...ds.metrics!,
        exemplars: async (query, ctx) => {
          asked.push({ query, to: ctx.range.to, signal: ctx.signal });
          await held;
          ctx.signal.throwIfAborted();
          return [{ seriesLabels: {}, labels: { trace_id: 'ab'.repeat(16) }, time: ctx.range.to - 1000, value: 1 }];
        },
      };
      const releaseAll = () => {
        release();
        held = new Promise<void>((resolve) => (release = resolve));
      };
      return { ds, asked, releaseAll };
    }

    const runWithExemplars = (ds: ReturnType<typeof levelSource>, panel: PanelSpec) =>
      renderHook(({ to }) => usePanelData(panel, { ds, range: { from: 0, to }, stepMs: 15_000, showExemplars: true }), {
        wrapper,
        initialProps: { to: 60_000 },
      });

    it('asks once per refresh for the panel’s queries, and a refresh aborts the request it supersedes', async () => {
      const { ds, asked, releaseAll } = exemplarSource();
      const { result, rerender } = runWithExemplars(ds, spec(['a']));
      await waitFor(() => expect(asked).toHaveLength(1));
      expect(asked[0]!.query).toBe('a');
      rerender({ to: 65_000 });
      await waitFor(() => expect(asked).toHaveLength(2));
      // The first refresh's request is cancelled on the wire, as a superseded series request is.
      await waitFor(() => expect(asked[0]!.signal.aborted).toBe(true));
      expect(asked[1]!.signal.aborted).toBe(false);
      expect(asked[1]!.to).toBe(65_000);
      releaseAll();
      await waitFor(() => expect(result.current.exemplars).toHaveLength(1));
      expect(result.current.exemplars[0]!.time).toBe(64_000);
      // A re-render without a refresh asks nothing more.
      rerender({ to: 65_000 });
      await new Promise((r) => setTimeout(r, 20));
      expect(asked).toHaveLength(2);
    });

    it('asks one request per refresh for a panel of several queries sharing one expression, the spec’s own exemplar query first', async () => {
      const { ds, asked, releaseAll } = exemplarSource();
      releaseAll();
      runWithExemplars(ds, spec(['a', 'a ']));
      await waitFor(() => expect(asked).toHaveLength(1));
      const own: PanelSpec = { ...spec(['a', 'b']), options: { exemplarsExpr: 'buckets' } };
      runWithExemplars(ds, own);
      await waitFor(() => expect(asked).toHaveLength(2));
      expect(asked[1]!.query).toBe('buckets');
    });

    it('asks nothing while exemplars are switched off, nor for panels that draw no markers', async () => {
      const { ds, asked } = exemplarSource();
      run(ds, spec(['a']));
      runWithExemplars(ds, { ...spec(['a']), kind: 'stat' });
      await new Promise((r) => setTimeout(r, 20));
      expect(asked).toHaveLength(0);
    });
  });
});
