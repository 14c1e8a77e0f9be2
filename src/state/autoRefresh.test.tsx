// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAutoRefresh } from './autoRefresh';

let ticks = 0;
const onTick = () => {
  ticks += 1;
};

function Ticker({ ms }: { ms: number }) {
  useAutoRefresh(ms, onTick);
  return null;
}

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('useAutoRefresh', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    ticks = 0;
    setHidden(false);
  });
  afterEach(() => vi.useRealTimers());

  it('bumps the tick on every interval and stops after unmount', () => {
    const view = render(<Ticker ms={5000} />);
    vi.advanceTimersByTime(15_000);
    expect(ticks).toBe(3);
    view.unmount();
    vi.advanceTimersByTime(60_000);
    expect(ticks).toBe(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does nothing when refresh is off', () => {
    render(<Ticker ms={0} />);
    vi.advanceTimersByTime(60_000);
    expect(ticks).toBe(0);
  });

  it('skips ticks while hidden and makes one up when visible again', () => {
    render(<Ticker ms={1000} />);
    setHidden(true);
    vi.advanceTimersByTime(10_000);
    expect(ticks).toBe(0);
    setHidden(false);
    expect(ticks).toBe(1);
  });
});
