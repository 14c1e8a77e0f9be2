// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from './afterNextPaint';
import { stubIdleCallbacks } from './testing/idleCallbacks';

beforeEach(() => vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout'] }));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('afterNextPaint', () => {
  it('where there are idle callbacks: asks for one from the next frame callback, with a timeout, and runs in it', () => {
    const idle = stubIdleCallbacks();
    const run = vi.fn();
    afterNextPaint(run, 300);
    expect(idle.queue.size).toBe(0);
    vi.advanceTimersToNextFrame();
    expect(run).not.toHaveBeenCalled();
    expect([...idle.queue.values()].map((q) => q.timeout)).toEqual([300]);
    // A task queued meanwhile is not what runs it.
    vi.runOnlyPendingTimers();
    expect(run).not.toHaveBeenCalled();
    idle.idle();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('where there are none: runs in a task after the next frame callback, not in it', () => {
    const run = vi.fn();
    afterNextPaint(run);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersToNextFrame();
    // The frame callback has run; the frame's paint comes before the task it queued.
    expect(run).not.toHaveBeenCalled();
    vi.runOnlyPendingTimers();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('never runs once cancelled, before or after the frame, with or without idle callbacks', () => {
    const early = vi.fn();
    afterNextPaint(early)();
    const late = vi.fn();
    const cancelLate = afterNextPaint(late);
    vi.advanceTimersToNextFrame();
    cancelLate();
    vi.advanceTimersByTime(100);
    expect(early).not.toHaveBeenCalled();
    expect(late).not.toHaveBeenCalled();

    const idle = stubIdleCallbacks();
    const idleLate = vi.fn();
    const cancelIdleLate = afterNextPaint(idleLate);
    vi.advanceTimersToNextFrame();
    expect(idle.queue.size).toBe(1);
    cancelIdleLate();
    expect(idle.queue.size).toBe(0);
    idle.idle();
    expect(idleLate).not.toHaveBeenCalled();
  });
});
