// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TailStatus } from '../../../model/logs';
import { TailIndicator, tailStatusText, type TailIndicatorProps } from './TailIndicator';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const props = (over: Partial<TailIndicatorProps> = {}): TailIndicatorProps => ({
  status: { state: 'live', transport: 'websocket' },
  paused: false,
  linesPerSecond: 1987.4,
  dropped: 0,
  capacity: 10_000,
  held: 10_000,
  onPause: () => undefined,
  onResume: () => undefined,
  ...over,
});

describe('tailStatusText', () => {
  it.each<[TailStatus, string]>([
    [{ state: 'connecting' }, 'Connecting…'],
    [{ state: 'live', transport: 'websocket' }, 'Live (websocket)'],
    [{ state: 'live', transport: 'polling' }, 'Live (polling)'],
    [{ state: 'reconnecting', attempt: 3, retryInMs: 4000, reason: 'connection lost (1006)' }, 'Reconnecting (attempt 3), retry in 4 s: connection lost (1006)'],
    [{ state: 'closed' }, 'Closed'],
    [{ state: 'closed', reason: 'server closed the tail' }, 'Closed: server closed the tail'],
  ])('%j', (status, text) => {
    expect(tailStatusText(status)).toBe(text);
  });
});

describe('TailIndicator', () => {
  it('shows the rate, dropped lines and the buffer fill', () => {
    render(<TailIndicator {...props({ dropped: 12_345 })} />);
    const el = screen.getByTestId('tail-indicator');
    expect(el.textContent).toContain('Live (websocket)');
    expect(el.textContent).toContain('1,987 lines/s');
    expect(el.textContent).toContain('12,345 dropped');
    expect(el.textContent).toContain('10,000 / 10,000 held');
  });

  it('pauses and resumes, and says the view is frozen while paused', () => {
    const onPause = vi.fn();
    const onResume = vi.fn();
    const { rerender } = render(<TailIndicator {...props({ onPause, onResume })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(onPause).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('tail-pending')).toBeNull();
    rerender(<TailIndicator {...props({ onPause, onResume, paused: true, pending: 4321 })} />);
    expect(screen.getByRole('status').textContent).toContain('Paused (view frozen, still receiving)');
    expect(screen.getByTestId('tail-pending').textContent).toBe('4,321 new');
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(onResume).toHaveBeenCalledTimes(1);
  });

  it('counts a reconnect down', () => {
    const status: TailStatus = { state: 'reconnecting', attempt: 2, retryInMs: 5000, reason: 'connection lost' };
    render(<TailIndicator {...props({ status })} />);
    expect(screen.getByRole('status').textContent).toBe('Reconnecting (attempt 2), retry in 5 s: connection lost');
    act(() => vi.advanceTimersByTime(2100));
    expect(screen.getByRole('status').textContent).toBe('Reconnecting (attempt 2), retry in 3 s: connection lost');
    act(() => vi.advanceTimersByTime(5000));
    expect(screen.getByRole('status').textContent).toBe('Reconnecting (attempt 2), retry in 0 s: connection lost');
  });

  it('shows the error as text, and offers no pause once closed', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    render(<TailIndicator {...props({ status: { state: 'closed', reason: hostile }, error: new Error(hostile) })} />);
    expect(screen.getByRole('alert').textContent).toBe(hostile);
    expect(document.querySelector('img')).toBeNull();
    expect((screen.getByRole('button', { name: 'Pause' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
