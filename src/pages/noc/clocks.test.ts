// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useMonotonicWake, usePlaylistIndex, useSecondClock } from './clocks';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('usePlaylistIndex', () => {
  it('switches screens at each interval and renders only then, not every second', () => {
    let renders = 0;
    const { result } = renderHook(() => {
      renders++;
      return usePlaylistIndex(3, 5000);
    });
    expect(result.current).toBe(0);
    act(() => vi.advanceTimersByTime(4900));
    expect(result.current).toBe(0);
    expect(renders).toBe(1);
    act(() => vi.advanceTimersByTime(200));
    expect(result.current).toBe(1);
    act(() => vi.advanceTimersByTime(10_000));
    expect(result.current).toBe(0);
    expect(renders).toBe(3);
  });

  it('holds one timer while running and none after unmount', () => {
    const { unmount } = renderHook(() => usePlaylistIndex(2, 5000));
    act(() => vi.advanceTimersByTime(60_000));
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sets no timer for a playlist of one screen', () => {
    const { result } = renderHook(() => usePlaylistIndex(1, 5000));
    expect(result.current).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('useSecondClock', () => {
  it('ticks once a second and leaves no timer after unmount', () => {
    const { result, unmount } = renderHook(() => useSecondClock());
    const first = result.current.wall;
    act(() => vi.advanceTimersByTime(1000));
    expect(result.current.wall - first).toBe(1000);
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('useMonotonicWake', () => {
  it('moves only at the moment asked for, and not at all when nothing is due', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    let renders = 0;
    const t0 = performance.now();
    const { result, rerender } = renderHook(({ at }: { at: number | undefined }) => {
      renders++;
      return useMonotonicWake(at);
    }, { initialProps: { at: undefined as number | undefined } });
    act(() => vi.advanceTimersByTime(60_000));
    expect(renders).toBe(1);
    rerender({ at: t0 + 70_000 });
    act(() => vi.advanceTimersByTime(9_000));
    expect(result.current).toBe(t0);
    act(() => vi.advanceTimersByTime(1_000));
    // Never short of the moment asked for, so whatever was due at it is due now.
    expect(result.current).toBeGreaterThanOrEqual(t0 + 70_000);
    expect(renders).toBe(3);
  });
});
