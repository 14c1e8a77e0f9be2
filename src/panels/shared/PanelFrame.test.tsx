// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelFrame, REFRESH_SPINNER_DELAY_MS } from './PanelFrame';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const frame = (fetching: boolean) => (
  <PanelFrame title="Latency" state="ready" fetching={fetching}>
    <div>chart</div>
  </PanelFrame>
);

describe('PanelFrame', () => {
  it('marks a refresh at once but shows its spinner only when the refresh is slow', () => {
    const view = render(frame(true));
    expect(screen.getByTestId('panel').getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByLabelText('Refreshing')).toBeNull();
    act(() => vi.advanceTimersByTime(REFRESH_SPINNER_DELAY_MS + 1));
    expect(screen.getByLabelText('Refreshing')).toBeTruthy();
    view.rerender(frame(false));
    expect(screen.queryByLabelText('Refreshing')).toBeNull();
    expect(screen.getByTestId('panel').getAttribute('aria-busy')).toBeNull();
  });

  it('never flashes a spinner for a quick refresh', () => {
    const view = render(frame(true));
    act(() => vi.advanceTimersByTime(REFRESH_SPINNER_DELAY_MS / 2));
    view.rerender(frame(false));
    act(() => vi.advanceTimersByTime(REFRESH_SPINNER_DELAY_MS * 2));
    expect(screen.queryByLabelText('Refreshing')).toBeNull();
    expect(screen.getByText('chart')).toBeTruthy();
  });
});
