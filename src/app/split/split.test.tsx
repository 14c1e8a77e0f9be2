// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, Link, RouterProvider, useParams, type InitialEntry } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OpenBeside } from '../../pages/shared/openBeside';
import { useTimeRange } from '../../state/useTimeRange';
import { TRAIL_STATE_KEY } from '../../model/trail';
import { Layout } from '../Layout';

// The split view and the investigation path on the real Layout, over a small route table shaped like
// the app's (a layout route, eager and lazy pages, a catch-all), in a data router as the app uses.

// The side pane's chunk and the lazy page load on first use; a busy machine takes seconds for that.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const TRACE = '/traces/4bf92f3577b34da6a3ce929d0e0e4736?from=1000&to=2000';
const LOGS = `/explore/logs?q=${encodeURIComponent('{service_name="payments"}')}&from=500&to=2500`;

function Range({ name }: { name: string }) {
  const { raw } = useTimeRange();
  return <span data-testid={`range-${name}`}>{`${raw.from}..${raw.to}`}</span>;
}

function ServicePage() {
  const { service } = useParams();
  return (
    <section>
      <h1>Service {service}</h1>
      <Range name="service" />
      <Link to={TRACE}>Slow trace</Link>
      <OpenBeside href={LOGS} />
      <Link to="/services/orders?from=now-1h&to=now">Orders</Link>
    </section>
  );
}

function TracePage() {
  const { traceId } = useParams();
  return (
    <section>
      <h1>Trace {traceId}</h1>
      <Range name="trace" />
      <Link to={LOGS}>Logs for this trace</Link>
    </section>
  );
}

function LogsPage() {
  return (
    <section>
      <h1>Logs</h1>
      <Range name="logs" />
    </section>
  );
}

function Broken(): never {
  throw new Error('this view broke');
}

function renderApp(entry: InitialEntry) {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: <Layout />,
        children: [
          { path: 'services/:service', element: <ServicePage /> },
          { path: 'traces/:traceId', lazy: async () => ({ Component: TracePage }) },
          { path: 'explore/logs', element: <LogsPage /> },
          { path: 'explore', element: <Broken /> },
          { path: '*', element: <h1>Not found</h1> },
        ],
      },
    ],
    { initialEntries: [entry] },
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

const side = () => within(screen.getByRole('region', { name: 'Side pane' }));
/** The side pane once its chunk has loaded (while loading, a busy placeholder region stands in). */
const findSide = async () => {
  await waitFor(() => expect(screen.getByRole('region', { name: 'Side pane' }).getAttribute('aria-busy')).toBeNull());
  return side();
};
const topBar = () => within(document.querySelector<HTMLElement>('.top-bar')!);
const params = (router: ReturnType<typeof renderApp>) => new URLSearchParams(router.state.location.search);
const pickRange = (scope: ReturnType<typeof within>, current: RegExp, next: string) => {
  fireEvent.click(scope.getByRole('button', { name: current }));
  fireEvent.click(scope.getByRole('button', { name: next }));
};

describe('the split view', () => {
  it('opens a Shift+clicked link beside the current view, which stays', async () => {
    const router = renderApp('/services/payments?from=now-1h&to=now');
    fireEvent.click(screen.getByRole('link', { name: 'Slow trace' }), { shiftKey: true });
    const pane = await findSide();
    expect(await pane.findByRole('heading', { name: 'Trace 4bf92f3577b34da6a3ce929d0e0e4736' })).toBeDefined();
    expect(pane.getByTestId('range-trace').textContent).toBe('1000..2000');
    expect(screen.getByRole('heading', { name: 'Service payments' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/services/payments');
    expect(params(router).get('side')).toBe(TRACE);
  });

  it('leaves Ctrl+click and Cmd+click (a new tab) to the browser', () => {
    const router = renderApp('/services/payments');
    fireEvent.click(screen.getByRole('link', { name: 'Slow trace' }), { shiftKey: true, ctrlKey: true });
    fireEvent.click(screen.getByRole('link', { name: 'Slow trace' }), { metaKey: true });
    expect(router.state.location.search).toBe('');
    expect(screen.queryByRole('region', { name: 'Side pane' })).toBeNull();
  });

  it('opens beside from the "Open beside" button', async () => {
    const router = renderApp('/services/payments');
    fireEvent.click(screen.getByRole('button', { name: 'Open beside' }));
    expect(await (await findSide()).findByRole('heading', { name: 'Logs' })).toBeDefined();
    expect(params(router).get('side')).toBe(LOGS);
  });

  it('navigates the side pane from links inside it, and the main view from links in the main view', async () => {
    const router = renderApp(`/services/payments?side=${encodeURIComponent(TRACE)}`);
    const pane = await findSide();
    fireEvent.click(await pane.findByRole('link', { name: 'Logs for this trace' }));
    expect(await side().findByRole('heading', { name: 'Logs' })).toBeDefined();
    expect(screen.getByRole('heading', { name: 'Service payments' })).toBeDefined();
    expect(params(router).get('side')).toBe(LOGS);

    // A main-view link keeps the side pane open, though its own href knows nothing of it.
    fireEvent.click(screen.getByRole('link', { name: 'Orders' }));
    expect(await screen.findByRole('heading', { name: 'Service orders' })).toBeDefined();
    expect(side().getByRole('heading', { name: 'Logs' })).toBeDefined();
    expect(params(router).get('side')).toBe(LOGS);

    // Back undoes one navigation at a time, the side pane's included.
    await act(() => router.navigate(-1));
    await act(() => router.navigate(-1));
    expect(await side().findByRole('heading', { name: /^Trace / })).toBeDefined();
  });

  it('locks the two time ranges together, and unlocked lets them differ', async () => {
    const router = renderApp(`/services/payments?from=now-1h&to=now&side=${encodeURIComponent(TRACE)}`);
    const pane = await findSide();
    await pane.findByTestId('range-trace');
    fireEvent.click(pane.getByRole('checkbox', { name: 'Lock time ranges' }));
    await waitFor(() => expect(side().getByTestId('range-trace').textContent).toBe('now-1h..now'));
    expect(params(router).get('lock')).toBe('1');

    pickRange(topBar(), /Last 1 hour/, 'Last 6 hours');
    await waitFor(() => expect(side().getByTestId('range-trace').textContent).toBe('now-6h..now'));
    pickRange(side(), /Last 6 hours/, 'Last 24 hours');
    await waitFor(() => expect(screen.getByTestId('range-service').textContent).toBe('now-24h..now'));

    fireEvent.click(side().getByRole('checkbox', { name: 'Lock time ranges' }));
    await waitFor(() => expect(params(router).get('lock')).toBeNull());
    pickRange(side(), /Last 24 hours/, 'Last 15 minutes');
    await waitFor(() => expect(side().getByTestId('range-trace').textContent).toBe('now-15m..now'));
    expect(screen.getByTestId('range-service').textContent).toBe('now-24h..now');
  });

  it('swaps the panes and closes the side pane', async () => {
    const router = renderApp(`/services/payments?from=now-1h&to=now&side=${encodeURIComponent(TRACE)}`);
    const pane = await findSide();
    fireEvent.click(pane.getByRole('button', { name: 'Swap panes' }));
    expect(await screen.findByRole('heading', { name: /^Trace 4bf9/ })).toBeDefined();
    expect(await side().findByRole('heading', { name: 'Service payments' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/traces/4bf92f3577b34da6a3ce929d0e0e4736');

    fireEvent.click(side().getByRole('button', { name: 'Close side pane' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Side pane' })).toBeNull());
    expect(params(router).get('side')).toBeNull();
  });

  it('resizes the panes from the divider, by keyboard, within bounds', async () => {
    renderApp(`/services/payments?side=${encodeURIComponent(TRACE)}`);
    await findSide();
    const divider = screen.getByRole('separator', { name: 'Resize panes' });
    const area = document.querySelector<HTMLElement>('.split-area')!;
    expect(area.style.gridTemplateColumns).toBe('minmax(0, 0.5fr) auto minmax(0, 0.5fr)');
    fireEvent.keyDown(divider, { key: 'ArrowRight' });
    expect(divider.getAttribute('aria-valuenow')).toBe('55');
    for (let i = 0; i < 20; i++) fireEvent.keyDown(divider, { key: 'ArrowLeft' });
    expect(divider.getAttribute('aria-valuenow')).toBe('20');
    fireEvent.keyDown(divider, { key: 'Home' });
    expect(area.style.gridTemplateColumns).toBe('minmax(0, 0.5fr) auto minmax(0, 0.5fr)');
  });

  it('keeps one view failing in the side pane inside it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderApp(`/services/payments?side=${encodeURIComponent('/explore?q=up')}`);
    const pane = await findSide();
    expect((await pane.findByRole('alert')).textContent).toContain('this view broke');
    expect(screen.getByRole('heading', { name: 'Service payments' })).toBeDefined();
    // The pane's bar is outside the failed view: it can still be closed.
    fireEvent.click(pane.getByRole('button', { name: 'Close side pane' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Side pane' })).toBeNull());
  });
});

describe('a tampered split URL', () => {
  it.each([
    ['an off-site URL', '//evil.example', '"//evil.example" is not a path in Watchfloor'],
    ['a javascript: URL', 'javascript:alert(document.domain)', '"javascript:alert(document.domain)" is not a path in Watchfloor'],
    ['a path that is no view', '/admin/secrets', '"/admin/secrets" is not a Watchfloor view'],
    ['broken encoding', '/traces/%E0%A4%A', 'has broken percent-encoding'],
    ['an absurd length', `/explore/logs?q=${'a'.repeat(5000)}`, 'is too long'],
  ])('falls back to the clean single view with a message for %s', async (_name, value, message) => {
    const router = renderApp(`/services/payments?from=now-1h&to=now&side=${encodeURIComponent(value)}&lock=1`);
    expect(screen.getByRole('heading', { name: 'Service payments' })).toBeDefined();
    expect((await screen.findByText(/^Dropped the side pane:/)).textContent).toContain(message);
    await waitFor(() => expect(router.state.location.search).toBe('?from=now-1h&to=now'));
    expect(screen.queryByRole('region', { name: 'Side pane' })).toBeNull();
    expect(screen.queryByText('Not found')).toBeNull();
    // The message outlives the URL fix-up until dismissed.
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/^Dropped the side pane:/)).toBeNull();
  });

  it('renders a hostile value as text', async () => {
    renderApp(`/services/payments?side=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect((await screen.findByText(/^Dropped the side pane:/)).textContent).toContain('"<img src=x onerror=alert(1)>" is not a path');
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });
});

describe('the investigation path', () => {
  const crumbs = () => within(screen.getByRole('navigation', { name: 'Investigation path' })).getAllByRole('link');

  it('lists metric → trace → logs, with Back and Forward along it', async () => {
    const router = renderApp('/services/payments?from=now-1h&to=now');
    expect(screen.queryByRole('navigation', { name: 'Investigation path' })).toBeNull();
    fireEvent.click(screen.getByRole('link', { name: 'Slow trace' }));
    fireEvent.click(await screen.findByRole('link', { name: 'Logs for this trace' }));
    await screen.findByRole('heading', { name: 'Logs' });
    expect(crumbs().map((a) => a.textContent)).toEqual(['payments', 'trace 4bf92f…', 'logs {service_name="payments"}']);
    expect(crumbs()[2]!.getAttribute('aria-current')).toBe('step');

    const path = within(screen.getByRole('navigation', { name: 'Investigation path' }));
    fireEvent.click(path.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { name: /^Trace / })).toBeDefined();
    expect(crumbs()).toHaveLength(3);
    expect(crumbs()[1]!.getAttribute('aria-current')).toBe('step');
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Investigation path' })).getByRole('button', { name: 'Forward' }));
    expect(await screen.findByRole('heading', { name: 'Logs' })).toBeDefined();

    // The browser's Back lands on an entry with its own trail.
    await act(() => router.navigate(-1));
    await act(() => router.navigate(-1));
    await act(() => router.navigate(-1));
    expect(await screen.findByRole('heading', { name: /^Trace / })).toBeDefined();
    expect(crumbs().map((a) => a.textContent)).toEqual(['payments', 'trace 4bf92f…']);
  });

  it('updates the current step on a range change instead of adding one', async () => {
    renderApp('/services/payments?from=now-1h&to=now');
    fireEvent.click(screen.getByRole('link', { name: 'Slow trace' }));
    await screen.findByRole('heading', { name: /^Trace / });
    pickRange(topBar(), /to/, 'Last 6 hours');
    await waitFor(() => expect(crumbs()[1]!.getAttribute('href')).toContain('from=now-6h'));
    expect(crumbs()).toHaveLength(2);
  });

  it('drops a tampered trail in the history state, saying so', async () => {
    const state = { [TRAIL_STATE_KEY]: { steps: ['javascript:alert(1)', '/services/payments'], at: 1 } };
    const router = renderApp({ pathname: '/services/payments', state });
    expect((await screen.findByText(/^Dropped the investigation path:/)).textContent).toBe(
      'Dropped the investigation path: a step is not a path in Watchfloor.',
    );
    expect(screen.queryByRole('navigation', { name: 'Investigation path' })).toBeNull();
    await waitFor(() => expect(router.state.location.state).toEqual({ [TRAIL_STATE_KEY]: { steps: ['/services/payments'], at: 0 } }));
  });
});
