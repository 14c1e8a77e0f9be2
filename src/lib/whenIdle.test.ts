// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubIdleCallbacks } from './testing/idleCallbacks';
import { whenIdle } from './whenIdle';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('whenIdle', () => {
  it('runs in an idle callback with the timeout asked for, and not once cancelled', () => {
    const idle = stubIdleCallbacks();
    const run = vi.fn();
    whenIdle(run, { timeoutMs: 2000, fallbackMs: 50 });
    expect([...idle.queue.values()].map((q) => q.timeout)).toEqual([2000]);
    vi.advanceTimersByTime(100);
    expect(run).not.toHaveBeenCalled();
    idle.idle();
    expect(run).toHaveBeenCalledTimes(1);

    const cancelled = vi.fn();
    whenIdle(cancelled, { timeoutMs: 2000, fallbackMs: 50 })();
    expect(idle.queue.size).toBe(0);
    idle.idle();
    expect(cancelled).not.toHaveBeenCalled();
  });

  it('where there are no idle callbacks: runs after the fallback timer, and not once cancelled', () => {
    const run = vi.fn();
    whenIdle(run, { timeoutMs: 2000, fallbackMs: 50 });
    vi.advanceTimersByTime(49);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);

    const cancelled = vi.fn();
    whenIdle(cancelled, { timeoutMs: 2000, fallbackMs: 50 })();
    vi.advanceTimersByTime(100);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
