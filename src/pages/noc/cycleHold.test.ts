// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCycleHold } from './cycleHold';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const hook = () => renderHook(({ value, busy }: { value: string; busy: boolean }) => useCycleHold(value, busy, 1500), { initialProps: { value: 'before', busy: false } });

describe('useCycleHold', () => {
  it('shows a cycle\'s answers together: nothing changes while its queries are out, then the last answer at once', () => {
    const { result, rerender } = hook();
    rerender({ value: 'before', busy: true });
    rerender({ value: 'first answer', busy: true });
    rerender({ value: 'second answer', busy: true });
    expect(result.current).toBe('before');
    rerender({ value: 'all answers', busy: false });
    expect(result.current).toBe('all answers');
  });

  it('lets answers through as they come once a cycle has been held for its limit (one slow query)', () => {
    const { result, rerender } = hook();
    rerender({ value: 'fast answers', busy: true });
    act(() => vi.advanceTimersByTime(1400));
    expect(result.current).toBe('before');
    act(() => vi.advanceTimersByTime(100));
    expect(result.current).toBe('fast answers');
    rerender({ value: 'one more', busy: true });
    expect(result.current).toBe('one more');
  });

  it('holds the next cycle afresh after a slow one ended', () => {
    const { result, rerender } = hook();
    rerender({ value: 'slow', busy: true });
    act(() => vi.advanceTimersByTime(2000));
    rerender({ value: 'slow done', busy: false });
    rerender({ value: 'next partial', busy: true });
    expect(result.current).toBe('slow done');
    rerender({ value: 'next done', busy: false });
    expect(result.current).toBe('next done');
  });
});
