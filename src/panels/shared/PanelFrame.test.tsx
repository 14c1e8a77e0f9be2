// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelFrame, REFRESH_SPINNER_DELAY_MS, STILL_WAITING_AFTER_MS } from './PanelFrame';

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

describe('PanelFrame while a query hangs', () => {
  it('says how long a first load has waited, counting up, instead of a bare spinner', () => {
    const view = render(<PanelFrame title="Latency" state="loading" />);
    act(() => vi.advanceTimersByTime(STILL_WAITING_AFTER_MS - 100));
    expect(screen.queryByTestId('panel-waiting')).toBeNull();
    expect(screen.getByLabelText('Loading')).toBeTruthy();
    act(() => vi.advanceTimersByTime(100));
    expect(screen.getByTestId('panel-waiting').textContent).toBe(`still waiting, ${STILL_WAITING_AFTER_MS / 1000} s`);
    expect(screen.queryByLabelText('Loading')).toBeNull();
    act(() => vi.advanceTimersByTime(5000));
    expect(screen.getByTestId('panel-waiting').textContent).toBe(`still waiting, ${STILL_WAITING_AFTER_MS / 1000 + 5} s`);
    view.rerender(<PanelFrame title="Latency" state="ready">drawn</PanelFrame>);
    expect(screen.queryByTestId('panel-waiting')).toBeNull();
  });

  it('says it in the title bar when a refresh behind drawn data hangs, and starts again from zero next time', () => {
    const view = render(frame(true));
    act(() => vi.advanceTimersByTime(STILL_WAITING_AFTER_MS + 2000));
    expect(screen.getByTestId('panel-waiting').textContent).toBe(`still waiting, ${STILL_WAITING_AFTER_MS / 1000 + 2} s`);
    expect(screen.getByText('chart')).toBeTruthy();
    view.rerender(frame(false));
    expect(screen.queryByTestId('panel-waiting')).toBeNull();
    view.rerender(frame(true));
    act(() => vi.advanceTimersByTime(STILL_WAITING_AFTER_MS));
    expect(screen.getByTestId('panel-waiting').textContent).toBe(`still waiting, ${STILL_WAITING_AFTER_MS / 1000} s`);
  });
});
