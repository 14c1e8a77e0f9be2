// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BoardSpec } from '../../model/board';
import { createFakeDataSource } from '../testing/fakeDataSource';
import { useBoardTiles } from './useBoardTiles';

afterEach(cleanup);

const board: BoardSpec = { id: 'b', title: 'B', refreshMs: 5000 };
const range = { from: 1_700_000_000_000 - 15 * 60_000, to: 1_700_000_000_000 };

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>{children}</QueryClientProvider>;
}

describe('useBoardTiles', () => {
  it('keeps the same tiles across clock ticks while fresh, so the memoized tiles do not re-render every second', async () => {
    const ds = createFakeDataSource();
    const t0 = performance.now();
    const { result, rerender } = renderHook(({ mono }) => useBoardTiles(ds, board, range, mono), { wrapper, initialProps: { mono: t0 } });
    await waitFor(() => expect(result.current.tiles.map((t) => t.dataAsOf !== undefined)).toEqual([true, true]));
    const tiles = result.current.tiles;
    expect(tiles.map((t) => t.state)).toEqual(['crit', 'ok']);
    // Three one-second ticks inside the staleness limit (2 × 5 s): nothing a tile shows has changed.
    for (const s of [1, 2, 3]) {
      rerender({ mono: t0 + s * 1000 });
      expect(result.current.tiles).toBe(tiles);
    }
    // Past the limit the tiles turn STALE, and from then on their age (in whole seconds) changes each second.
    rerender({ mono: t0 + 11_000 });
    const stale = result.current.tiles;
    expect(stale.map((t) => t.state)).toEqual(['stale', 'stale']);
    rerender({ mono: t0 + 12_000 });
    expect(result.current.tiles).not.toBe(stale);
    expect(result.current.tiles[0]!.ageMs! - stale[0]!.ageMs!).toBe(1000);
  });

  it('is not busy once every query of the board has answered', async () => {
    const ds = createFakeDataSource();
    const { result } = renderHook(() => useBoardTiles(ds, board, range, performance.now()), { wrapper });
    expect(result.current.fetching).toBe(true);
    await waitFor(() => expect(result.current.fetching).toBe(false));
    expect(result.current.tiles).toHaveLength(2);
  });

  it('asks the overview again while detection has found nothing (a Prometheus seconds old), then fills the tiles', async () => {
    const ds = createFakeDataSource();
    const detect = ds.services!.overviewQueries.bind(ds.services);
    let calls = 0;
    // The first detection finds no signal, as on a Prometheus that has not scraped twice yet.
    ds.services!.overviewQueries = async (ctx) => (++calls === 1 ? [] : detect(ctx));
    const fast: BoardSpec = { ...board, refreshMs: 200 };
    const { result } = renderHook(() => useBoardTiles(ds, fast, range, performance.now()), { wrapper });
    await waitFor(() => expect(result.current.tiles.map((t) => t.dataAsOf !== undefined)).toEqual([true, true]));
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});
