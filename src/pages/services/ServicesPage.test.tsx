// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DataSource, OverviewQuery, QueryCtx, RangeResult } from '../../datasources/types';
import { serviceFromSegment } from '../../model/links';
import { createFakeDataSource } from '../testing/fakeDataSource';
import { renderRoute } from '../testing/renderRoute';
import { OVERVIEW_ROW_CAP } from './overviewRows';
import { ServicesPage } from './ServicesPage';

/** jsdom lays nothing out: give the table's scroll box the height of a small screen, as a browser would. */
const VIEWPORT_PX = 600;
beforeEach(() => {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return this instanceof HTMLElement && this.dataset.testid === 'services-scroll' ? VIEWPORT_PX : 0;
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function settled() {
  await waitFor(() => {
    expect(screen.getAllByTestId('service-row').length).toBe(2);
    expect(screen.getAllByTestId('sparkline').filter((s) => s.dataset.state === 'loading')).toHaveLength(0);
  });
}

describe('ServicesPage', () => {
  it('lists every service, worst first, with a sparkline per signal', async () => {
    renderRoute('/services', '/services?from=now-6h&to=now', <ServicesPage />, createFakeDataSource());
    await settled();
    const rows = screen.getAllByTestId('service-row');
    expect(rows.map((r) => r.dataset.service)).toEqual(['payments', 'auth']);
    expect(rows[0]!.dataset.status).toBe('crit');

    const states = (row: HTMLElement) => [...row.querySelectorAll<HTMLElement>('[data-testid="sparkline"]')].map((s) => s.dataset.state);
    // Request rate, error ratio and p99 have data; the fake has no p50, p95 or saturation queries.
    expect(states(rows[0]!)).toEqual(['ready', 'ready', 'empty', 'empty', 'ready', 'empty']);
    expect(rows[0]!.textContent).toContain('30%');
    expect(rows[0]!.textContent).toContain('30 s');
  });

  it('asks for sparkline-sized steps, one request per overview query', async () => {
    const ds = createFakeDataSource();
    renderRoute('/services', '/services?from=now-24h&to=now', <ServicesPage />, ds);
    await settled();
    expect(ds.calls.filter((c) => c.startsWith('overview:')).sort()).toEqual(['overview:errors', 'overview:p99', 'overview:rate']);
  });

  it('opens the dashboard of a clicked row, keeping the time range', async () => {
    const { router } = renderRoute('/services', '/services?from=now-6h&to=now&refresh=30s', <ServicesPage />, createFakeDataSource());
    await settled();
    fireEvent.click(screen.getAllByTestId('service-row')[1]!);
    await waitFor(() => expect(router.state.location.pathname).toBe('/services/auth'));
    expect(router.state.location.search).toBe('?from=now-6h&to=now&refresh=30s');
  });

  it('filters to the services named by var-service', async () => {
    renderRoute('/services', '/services?var-service=auth', <ServicesPage />, createFakeDataSource());
    await waitFor(() => expect(screen.getAllByTestId('service-row').map((r) => r.dataset.service)).toEqual(['auth']));
  });

  it('keeps sparklines drawn while a refresh loads', async () => {
    const ds = createFakeDataSource();
    const { refreshNow } = renderRoute('/services', '/services?from=now-1h&to=now', <ServicesPage />, ds);
    await settled();
    const readyBefore = screen.getAllByTestId('sparkline').filter((s) => s.dataset.state === 'ready').length;
    const callsBefore = ds.calls.length;
    // The next tick must resolve `now-1h` to a new range (hence new query keys) however fast the machine is.
    const later = Date.now() + 60_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    act(() => refreshNow());
    expect(screen.getAllByTestId('sparkline').filter((s) => s.dataset.state === 'ready')).toHaveLength(readyBefore);
    await waitFor(() => expect(ds.calls.length).toBeGreaterThan(callsBefore));
    expect(screen.getAllByTestId('sparkline').filter((s) => s.dataset.state === 'ready')).toHaveLength(readyBefore);
  });
});

const ERRORS_BY_SERVICE: OverviewQuery = { signal: 'errorRatio', query: 'fleet:errors', unit: 'percentunit', serviceLabel: 'service_name' };

/** A datasource whose one overview query answers a series per name, with `errorOf(name)` as its value. */
function fleet(names: readonly string[], errorOf: (name: string, i: number) => number = () => 0): DataSource & { calls: string[] } {
  const calls: string[] = [];
  return {
    uid: 'fleet',
    kind: 'prometheus',
    name: 'Fleet',
    calls,
    metrics: {
      queryRange: async (query: string, ctx: QueryCtx): Promise<RangeResult> => {
        calls.push(query);
        const t = ctx.range.to;
        const series = names.map((name, i) => ({ labels: { service_name: name }, times: Float64Array.of(t), values: Float64Array.of(errorOf(name, i)) }));
        return { series, warnings: [], stepMs: ctx.stepMs ?? 15_000 };
      },
    },
    services: {
      listServices: async () => [...names],
      signals: async () => {
        throw new Error('not used by the overview');
      },
      overviewQueries: async () => [ERRORS_BY_SERVICE],
    },
    health: async () => ({ ok: true }),
  };
}

const rowsShown = () => screen.queryAllByTestId('service-row');

describe('ServicesPage at scale (issue 5 #12)', () => {
  it('draws only the rows in view of 1,000 services, with sparklines only for those', async () => {
    const names = Array.from({ length: 1000 }, (_, i) => `svc-${String(i).padStart(4, '0')}`);
    renderRoute('/services', '/services', <ServicesPage />, fleet(names));
    await waitFor(() => expect(rowsShown().length).toBeGreaterThan(0));
    const shown = rowsShown().length;
    expect(shown).toBeLessThanOrEqual(Math.ceil(VIEWPORT_PX / 44) + 2 * 6);
    expect(screen.getAllByTestId('sparkline')).toHaveLength(shown * 6);
    expect(screen.getByTestId('services-scroll').querySelector('table')?.getAttribute('aria-rowcount')).toBe('1001');
    expect(screen.queryByTestId('overview-capped')).toBeNull();
  });

  it('scrolls to further rows', async () => {
    const names = Array.from({ length: 1000 }, (_, i) => `svc-${String(i).padStart(4, '0')}`);
    renderRoute('/services', '/services', <ServicesPage />, fleet(names));
    await waitFor(() => expect(rowsShown()[0]?.dataset.service).toBe('svc-0000'));
    const box = screen.getByTestId('services-scroll');
    box.scrollTop = 500 * 44;
    fireEvent.scroll(box);
    await waitFor(() => expect(rowsShown().some((r) => r.dataset.service === 'svc-0505')).toBe(true));
    expect(rowsShown().some((r) => r.dataset.service === 'svc-0000')).toBe(false);
  });

  it('caps a 50,000-series answer, keeping the worst, and says so', async () => {
    const names = Array.from({ length: 50_000 }, (_, i) => `svc-${i}`);
    renderRoute('/services', '/services', <ServicesPage />, fleet(names, (_n, i) => (i === 31_337 ? 0.5 : 0)));
    const notice = await screen.findByTestId('overview-capped', {}, { timeout: 10_000 });
    expect(notice.textContent).toContain(`Showing the ${OVERVIEW_ROW_CAP.toLocaleString('en-US')} worst of 50,000 services`);
    await waitFor(() => expect(rowsShown()[0]?.dataset.service).toBe('svc-31337'), { timeout: 10_000 });
    expect(screen.getByTestId('services-scroll').querySelector('table')?.getAttribute('aria-rowcount')).toBe(String(OVERVIEW_ROW_CAP + 1));
    expect(rowsShown().length).toBeLessThan(40);
  }, 20_000);
});

const HOSTILE = ['.', '..', 'pay\uD800ments', '\u202Eevil', '\u200B', 'x'.repeat(100_000), 'a/b?c#d%2F'];

describe('ServicesPage with hostile service names (issue 5 #13, #16)', () => {
  it('shows every service when one name holds a lone surrogate', async () => {
    renderRoute('/services', '/services', <ServicesPage />, fleet(['auth', 'pay\uD800ments', 'users']));
    await waitFor(() => expect(rowsShown()).toHaveLength(3));
    expect(screen.queryByText(/failed to draw/)).toBeNull();
    expect(rowsShown()[1]!.textContent).toContain('pay⟨U+D800⟩ments');
  });

  it('draws names visibly: markers for invisible characters, long names cut with the full name on hover', async () => {
    renderRoute('/services', '/services', <ServicesPage />, fleet(HOSTILE));
    await waitFor(() => expect(rowsShown()).toHaveLength(HOSTILE.length));
    const nameCell = (service: string) => rowsShown().find((r) => r.dataset.service === service)!.querySelector<HTMLElement>('.service-name-col')!;
    expect(nameCell('\u202Eevil').textContent).toBe('⟨U+202E⟩evil');
    expect(nameCell('\u200B').textContent).toBe('⟨U+200B⟩');
    const long = nameCell('x'.repeat(100_000));
    expect(long.textContent!.length).toBeLessThan(100);
    expect(long.title).toBe('x'.repeat(100_000));
  });

  it('links every hostile name to a dashboard that opens that very service', async () => {
    const { router } = renderRoute('/services', '/services?from=now-6h&to=now', <ServicesPage />, fleet(HOSTILE));
    await waitFor(() => expect(rowsShown()).toHaveLength(HOSTILE.length));
    for (const name of HOSTILE) {
      const link = rowsShown().find((r) => r.dataset.service === name)!.querySelector('a')!;
      const url = new URL(link.getAttribute('href')!, 'http://watchfloor.test');
      const segment = url.pathname.slice('/services/'.length);
      expect(url.pathname.startsWith('/services/') && !segment.includes('/')).toBe(true);
      expect(serviceFromSegment(decodeURIComponent(segment))).toBe(name);
    }
    fireEvent.click(rowsShown().find((r) => r.dataset.service === '..')!);
    await waitFor(() => expect(router.state.location.pathname).toBe('/services/~.~.'));
  });
});
