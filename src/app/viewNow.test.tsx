// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { act, useEffect } from 'react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TimeRange } from '../model/time';
import { useTimeRange } from '../state/useTimeRange';
import { Layout } from './Layout';

// Issue 5 #1: a relative range resolves against the clock when a view is entered, not only when the
// range or the tick changes. Only `Date` is faked, so React's and the router's timers run as usual.

const AT_0800 = Date.UTC(2026, 11, 1, 8, 0, 0);
const MINUTE = 60_000;

/** Every range object each probe rendered with, by probe name, so tests can check identity. */
let seen: Record<string, TimeRange[]> = {};

function Probe({ name }: { name: string }) {
  const { range } = useTimeRange();
  useEffect(() => {
    (seen[name] ??= []).push(range);
  });
  return <div data-testid={name} data-from={range.from} data-to={range.to} />;
}

function ServicesView() {
  return (
    <>
      <Probe name="overview-a" />
      <Probe name="overview-b" />
      <Link to="/services/payments?from=now-1h&to=now">payments</Link>
    </>
  );
}

function renderApp(url: string) {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: <Layout />,
        children: [
          { path: 'services', element: <ServicesView /> },
          { path: 'services/:service', element: <Probe name="dashboard" /> },
        ],
      },
    ],
    { initialEntries: [url] },
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

const endOf = (testId: string) => Number(screen.getByTestId(testId).dataset.to);
const last = (name: string) => seen[name]!.at(-1)!;

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

beforeEach(() => {
  seen = {};
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(AT_0800);
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the "now" of a relative range', () => {
  it('is read again when another view is entered, with auto-refresh off', async () => {
    renderApp('/services?from=now-1h&to=now');
    expect(endOf('overview-a')).toBe(AT_0800);

    vi.setSystemTime(AT_0800 + 30 * MINUTE);
    fireEvent.click(screen.getByRole('link', { name: 'payments' }));
    await screen.findByTestId('dashboard');
    expect(endOf('dashboard')).toBe(AT_0800 + 30 * MINUTE);
    expect(screen.getByRole('button', { name: /Last 1 hour/ })).toBeTruthy();
  });

  it('is read again on Back and on Forward', async () => {
    const router = renderApp('/services?from=now-1h&to=now');
    vi.setSystemTime(AT_0800 + 10 * MINUTE);
    await act(() => router.navigate('/services/payments?from=now-1h&to=now'));
    expect(endOf('dashboard')).toBe(AT_0800 + 10 * MINUTE);

    vi.setSystemTime(AT_0800 + 20 * MINUTE);
    await act(() => router.navigate(-1));
    expect(endOf('overview-a')).toBe(AT_0800 + 20 * MINUTE);

    vi.setSystemTime(AT_0800 + 25 * MINUTE);
    await act(() => router.navigate(1));
    expect(endOf('dashboard')).toBe(AT_0800 + 25 * MINUTE);
  });

  it('is not read again for a replace navigation: what changes within a view (a line selected, a setting)', async () => {
    const router = renderApp('/services?from=now-1h&to=now');
    const first = last('overview-a');
    vi.setSystemTime(AT_0800 + 12 * MINUTE);
    await act(() => router.navigate('/services?from=now-1h&to=now&line=abc', { replace: true }));
    expect(endOf('overview-a')).toBe(AT_0800);
    expect(last('overview-a')).toBe(first);
    // The next view entered reads it again.
    await act(() => router.navigate('/services?from=now-1h&to=now&q=x'));
    expect(endOf('overview-a')).toBe(AT_0800 + 12 * MINUTE);
  });

  it('is read again when the tab becomes visible after being hidden, not while hidden', () => {
    renderApp('/services?from=now-1h&to=now');
    setHidden(true);
    vi.setSystemTime(AT_0800 + 45 * MINUTE);
    expect(endOf('overview-a')).toBe(AT_0800);
    setHidden(false);
    expect(endOf('overview-a')).toBe(AT_0800 + 45 * MINUTE);
  });

  it('is read again on "Refresh now", and not on a re-render alone', () => {
    renderApp('/services?from=now-1h&to=now');
    vi.setSystemTime(AT_0800 + 5 * MINUTE);
    // Opening the picker re-renders the top bar, but it enters no view.
    fireEvent.click(screen.getByRole('button', { name: /Last 1 hour/ }));
    expect(endOf('overview-a')).toBe(AT_0800);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh now' }));
    expect(endOf('overview-a')).toBe(AT_0800 + 5 * MINUTE);
  });

  it('is one reading for every panel of a view: the same range object', async () => {
    const router = renderApp('/services?from=now-1h&to=now');
    expect(last('overview-a')).toBe(last('overview-b'));
    vi.setSystemTime(AT_0800 + 7 * MINUTE);
    await act(() => router.navigate('/services?from=now-1h&to=now&x=1'));
    expect(last('overview-a').to).toBe(AT_0800 + 7 * MINUTE);
    expect(last('overview-a')).toBe(last('overview-b'));
  });

  it('never moves an absolute range, and keeps its object across navigation, visibility and refresh', async () => {
    const from = AT_0800 - 3 * 60 * MINUTE;
    const to = AT_0800 - 2 * 60 * MINUTE;
    const router = renderApp(`/services?from=${from}&to=${to}`);
    const first = last('overview-a');
    vi.setSystemTime(AT_0800 + 30 * MINUTE);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh now' }));
    setHidden(true);
    setHidden(false);
    await act(() => router.navigate(`/services?from=${from}&to=${to}&x=1`));
    expect(last('overview-a')).toEqual({ from, to });
    expect(last('overview-a')).toBe(first);
  });
});
