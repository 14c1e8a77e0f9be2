// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Profiler } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RawTimeRange } from '../model/time';
import { ChartOverlay } from '../panels/timeseries/ChartOverlay';
import { TimeScopeProvider } from '../state/TimeScopeProvider';
import { useTimeScope } from '../state/timeScopeContext';
import type { RefreshOption } from '../state/timeUrl';
import { Layout } from './Layout';
import { RefreshPicker } from './RefreshPicker';
import { TimeRangePicker } from './TimeRangePicker';

// Issue 6 #5: two time scopes on one page (a split view's halves, say), each with its own range and
// now, refresh tick, auto-refresh timer and crosshair, inside the page's main scope, which is the URL's.

const AT_0800 = Date.UTC(2026, 11, 1, 8, 0, 0);
const AREA = { left: 0, top: 0, width: 100, height: 50 };

/** Renders per probe name, to show that crosshair moves re-render no range consumer. */
let renders: Record<string, number> = {};

const countRender = (name: string) => {
  renders[name] = (renders[name] ?? 0) + 1;
};

function Probe({ name }: { name: string }) {
  return (
    <Profiler id={name} onRender={countRender}>
      <ProbeBody name={name} />
    </Profiler>
  );
}

function ProbeBody({ name }: { name: string }) {
  const { raw, range, tick, syncKey } = useTimeScope();
  return <div data-testid={`probe-${name}`} data-from={raw.from} data-to={range.to} data-span={range.to - range.from} data-tick={tick} data-sync={syncKey} />;
}

/** Two real chart overlays, the crosshair consumers the time-series panel draws. */
function Charts({ name }: { name: string }) {
  const { range } = useTimeScope();
  return (
    <>
      {['one', 'two'].map((chart) => (
        <div key={chart} data-testid={`${name}-${chart}`}>
          <ChartOverlay area={AREA} range={range} lines={[]} unit="short">
            <svg />
          </ChartOverlay>
        </div>
      ))}
    </>
  );
}

function Half({ name, range, refresh, syncKey }: { name: string; range: RawTimeRange; refresh: RefreshOption; syncKey?: string }) {
  return (
    <section data-testid={name}>
      <TimeScopeProvider initialRange={range} initialRefresh={refresh} syncKey={syncKey}>
        <TimeRangePicker />
        <RefreshPicker />
        <Probe name={name} />
        <Charts name={name} />
      </TimeScopeProvider>
    </section>
  );
}

function SplitView({ syncKey }: { syncKey?: string }) {
  return (
    <>
      <Probe name="main" />
      <Half name="left" range={{ from: 'now-1h', to: 'now' }} refresh="off" syncKey={syncKey} />
      <Half name="right" range={{ from: 'now-15m', to: 'now' }} refresh="5s" syncKey={syncKey} />
    </>
  );
}

function renderSplit(syncKey?: string) {
  const router = createMemoryRouter([{ path: '/', element: <Layout />, children: [{ path: 'split', element: <SplitView syncKey={syncKey} /> }] }], {
    initialEntries: ['/split?from=now-3h&to=now'],
  });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

const probe = (name: string) => screen.getByTestId(`probe-${name}`).dataset;
const hasCrosshair = (chart: string) => screen.getByTestId(chart).querySelector('.crosshair') !== null;
const hover = (chart: string, x: number) => fireEvent.mouseMove(screen.getByTestId(chart).querySelector('.chart-area')!, { clientX: x });
const half = (name: string) => within(screen.getByTestId(name));

beforeEach(() => {
  renders = {};
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(AT_0800);
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('two time scopes on one page', () => {
  it('each holds its own range, set by its own picker, and the URL keeps only the main one', () => {
    const router = renderSplit();
    expect([probe('main').from, probe('left').from, probe('right').from]).toEqual(['now-3h', 'now-1h', 'now-15m']);

    fireEvent.click(half('left').getByRole('button', { name: /Last 1 hour/ }));
    fireEvent.click(half('left').getByRole('button', { name: 'Last 6 hours' }));
    expect(probe('left').from).toBe('now-6h');
    expect(probe('left').span).toBe(String(6 * 3_600_000));
    expect(probe('right').from).toBe('now-15m');
    expect(probe('main').from).toBe('now-3h');
    expect(router.state.location.search).toBe('?from=now-3h&to=now');
  });

  it('refreshes each on its own: the button and the auto-refresh timer tick one scope only', () => {
    renderSplit();
    vi.setSystemTime(AT_0800 + 60_000);
    fireEvent.click(half('left').getByRole('button', { name: 'Refresh now' }));
    expect([probe('left').tick, probe('right').tick, probe('main').tick]).toEqual(['1', '0', '0']);
    expect(Number(probe('left').to)).toBe(AT_0800 + 60_000);
    expect(Number(probe('right').to)).toBe(AT_0800);

    // The right half refreshes every 5 s by itself; the left (off) and the main scope do not.
    act(() => vi.advanceTimersByTime(15_000));
    expect([probe('left').tick, probe('right').tick, probe('main').tick]).toEqual(['1', '3', '0']);
    expect(Number(probe('right').to)).toBe(AT_0800 + 75_000);

    fireEvent.change(half('right').getByLabelText('Auto-refresh interval'), { target: { value: 'off' } });
    act(() => vi.advanceTimersByTime(60_000));
    expect(probe('right').tick).toBe('3');
  });

  it('draws a crosshair across the charts of its own scope only, re-rendering no range consumer', () => {
    renderSplit();
    const rendersBefore = { ...renders };
    hover('left-one', 50);
    expect(hasCrosshair('left-one')).toBe(true);
    expect(hasCrosshair('left-two')).toBe(true);
    expect(hasCrosshair('right-one')).toBe(false);
    expect(hasCrosshair('right-two')).toBe(false);
    expect(renders).toEqual(rendersBefore);

    fireEvent.mouseLeave(screen.getByTestId('left-one').querySelector('.chart-area')!);
    expect(hasCrosshair('left-two')).toBe(false);
    hover('right-two', 10);
    expect(hasCrosshair('right-one')).toBe(true);
    expect(hasCrosshair('left-one')).toBe(false);
  });

  it('gives each scope its own sync key unless told to share one', () => {
    renderSplit();
    expect(new Set([probe('main').sync, probe('left').sync, probe('right').sync]).size).toBe(3);
  });

  it('shares one crosshair between scopes given the same sync key, still with separate ranges', () => {
    renderSplit('compare');
    expect([probe('left').sync, probe('right').sync]).toEqual(['compare', 'compare']);
    // Both halves end at now, so a time in the last 15 minutes is on both charts.
    hover('left-one', 99);
    expect(hasCrosshair('right-one')).toBe(true);
    expect(probe('left').span).not.toBe(probe('right').span);
  });

  it('keeps the main scope in the URL, driven by the top bar, without touching the halves', async () => {
    const router = renderSplit();
    const topBar = within(document.querySelector<HTMLElement>('.top-bar')!);
    fireEvent.click(topBar.getByRole('button', { name: /Last 3 hours/ }));
    fireEvent.click(topBar.getByRole('button', { name: 'Last 24 hours' }));
    await act(async () => {});
    expect(router.state.location.search).toBe('?from=now-24h&to=now');
    expect([probe('main').from, probe('left').from, probe('right').from]).toEqual(['now-24h', 'now-1h', 'now-15m']);
  });

  it('reads the clock again in every scope when the page is navigated, Back included', async () => {
    const router = renderSplit();
    vi.setSystemTime(AT_0800 + 20 * 60_000);
    await act(() => router.navigate('/split?from=now-6h&to=now'));
    vi.setSystemTime(AT_0800 + 30 * 60_000);
    await act(() => router.navigate(-1));
    expect(probe('main').from).toBe('now-3h');
    expect([probe('main').to, probe('left').to, probe('right').to]).toEqual(Array(3).fill(String(AT_0800 + 30 * 60_000)));
  });
});
