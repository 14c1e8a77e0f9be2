// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Alert } from '../../model/alerts';
import { createFakeDataSource } from '../testing/fakeDataSource';
import { createAlertsDataSource, createControlledDataSource, renderNoc, stubResizeObserver, tileStates } from '../testing/renderNoc';

// The bad input for the wall: hostile alert text, a datasource that answers in 30 s or more, a clock
// that jumps, an Alertmanager that is down.

beforeAll(stubResizeObserver);
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const HOSTILE = '<img src=x onerror="window.__pwned=1"><b>bold</b>';

function alert(name: string, extra: Partial<Alert> = {}): Alert {
  return {
    fingerprint: `fp-${name}`,
    labels: { alertname: name, severity: 'critical', service: HOSTILE },
    annotations: { summary: `summary ${HOSTILE}` },
    state: 'active',
    startsAt: Date.now() - 12.5 * 60_000,
    ...extra,
  };
}

describe('alert text', () => {
  it('renders labels and annotations holding HTML as text', async () => {
    const am = createAlertsDataSource('am', 'alertmanager', 'Alertmanager', () => [alert(`Disk${HOSTILE}`), alert('Quiet', { fingerprint: 'q', silencedBy: ['s1'], state: 'suppressed' })]);
    const { container } = renderNoc('/noc', [createFakeDataSource(), am]);
    const item = await screen.findByText((_, el) => el?.getAttribute('data-testid') === 'noc-alert' && el.getAttribute('data-alertname') === `Disk${HOSTILE}`);
    expect(item.textContent).toContain(`Disk${HOSTILE}`);
    expect(item.textContent).toContain(`summary ${HOSTILE}`);
    expect(item.textContent).toContain('firing for 12m');
    expect(container.querySelector('img, b')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('an Alertmanager that is down', () => {
  it('is named in the strip, which never says "no alerts" for it', async () => {
    const prom = createAlertsDataSource('prom-alerts', 'prometheus', 'Prometheus rules', () => []);
    const am = createAlertsDataSource('am', 'alertmanager', 'Alertmanager', () => new Error('Alertmanager is unreachable (connection refused)'));
    renderNoc('/noc', [createFakeDataSource(), prom, am]);
    const down = await screen.findByTestId('noc-alerts-down');
    expect(down.textContent).toContain('Alertmanager unreachable: alerts from it are unknown');
    expect(down.textContent).toContain('connection refused');
    // The source that did answer may say it has none; the strip does not speak for the one that did not.
    expect(screen.getByTestId('noc-alerts-none').textContent).toBe('● No firing alerts in Prometheus rules');
  });

  it('alone: the strip says it is down, with no "no firing alerts" line at all', async () => {
    let answer: Alert[] | Error = [alert('PaymentsDown')];
    const am = createAlertsDataSource('am', 'alertmanager', 'Alertmanager', () => answer);
    renderNoc('/noc?refresh=1s', [createFakeDataSource(), am]);
    await screen.findByTestId('noc-alert');
    answer = new Error('Alertmanager is unreachable (connection refused)');
    // The alerts it listed before are not shown as current once it stops answering.
    await waitFor(() => expect(screen.queryByTestId('noc-alerts-down')).not.toBeNull(), { timeout: 5000 });
    expect(screen.queryByTestId('noc-alert')).toBeNull();
    expect(screen.queryByTestId('noc-alerts-none')).toBeNull();
  });
});

/** Lets `ms` of fake time pass, running timers and the promises they settle. */
const pass = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe('a datasource that answers in 30 s or more', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
  });

  it('never has two requests in flight for one query, and a timeout turns the tiles STALE', async () => {
    const server = createControlledDataSource();
    const am = createAlertsDataSource('am', 'alertmanager', 'Alertmanager', () => [alert('Slow')], 45_000);
    renderNoc('/noc?refresh=2s', [server.ds, am]);
    await pass(1000);
    expect(tileStates()).toEqual({ payments: 'crit', auth: 'ok' });

    server.setMode({ kind: 'slow', delayMs: 45_000 });
    const slowFrom = performance.now();
    let staleAt: number | undefined;
    // Two minutes of refreshes every 2 s (backing off while they fail), one second at a time.
    for (let s = 0; s < 120; s++) {
      await pass(1000);
      if (staleAt === undefined && tileStates().payments === 'stale') staleAt = performance.now();
    }
    expect(server.maxInFlight.size).toBeGreaterThan(0);
    for (const [query, most] of server.maxInFlight) expect(most, query).toBe(1);
    expect(am.maxInFlight()).toBe(1);
    expect(screen.getByTestId('noc-alerts-down').textContent).toContain('Alertmanager did not answer within 30 s');
    // Stale within 2 × the refresh interval of the last answer, plus the one-second clock.
    expect(staleAt).toBeDefined();
    expect(staleAt! - slowFrom).toBeLessThanOrEqual(2 * 2000 + 2000);
    expect(tileStates()).toEqual({ payments: 'stale', auth: 'stale' });
    expect(screen.getByTestId('noc-unreachable').textContent).toMatch(/did not answer within 30 s/);

    // It comes back: fresh data, no reload.
    server.setMode({ kind: 'fast' });
    await pass(61_000);
    expect(tileStates()).toEqual({ payments: 'crit', auth: 'ok' });
  });

  it('a request slower than the refresh interval but inside the time limit is not re-sent on top of itself', async () => {
    const server = createControlledDataSource();
    renderNoc('/noc?refresh=2s', [server.ds]);
    await pass(1000);
    server.setMode({ kind: 'slow', delayMs: 5_000 });
    for (let s = 0; s < 30; s++) await pass(1000);
    for (const [query, most] of server.maxInFlight) expect(most, query).toBe(1);
    // Each answer lands: the server is slow, not silent, and the board hears it.
    expect(server.answered.count).toBeGreaterThanOrEqual(3 * 4);
  });
});

describe('a wall clock that jumps', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
  });

  const FIFTEEN_MIN = 15 * 60_000;
  const lastRange = (server: ReturnType<typeof createControlledDataSource>) => server.ranges[server.ranges.length - 1]!;

  it('forward 2 h: ranges follow the new time with the same span, and fresh data is not called STALE', async () => {
    const server = createControlledDataSource();
    renderNoc('/noc?refresh=2s', [server.ds]);
    await pass(1000);
    expect(tileStates()).toEqual({ payments: 'crit', auth: 'ok' });
    vi.setSystemTime(Date.now() + 2 * 3_600_000);
    const jumpedAt = Date.now();
    for (let s = 0; s < 6; s++) {
      await pass(1000);
      expect(Object.values(tileStates())).not.toContain('stale');
    }
    const range = lastRange(server);
    expect(range.to - range.from).toBe(FIFTEEN_MIN);
    expect(range.to).toBeGreaterThanOrEqual(jumpedAt);
  });

  it('backward 10 min: ranges stay valid, and a dead server still turns the tiles STALE in 2 × the interval', async () => {
    const server = createControlledDataSource();
    renderNoc('/noc?refresh=2s', [server.ds]);
    await pass(1000);
    const before = Date.now();
    vi.setSystemTime(before - 10 * 60_000);
    await pass(3000);
    const range = lastRange(server);
    expect(range.to - range.from).toBe(FIFTEEN_MIN);
    expect(range.to).toBeLessThan(before);
    expect(Object.values(tileStates())).not.toContain('stale');

    // A wall-clock age would be negative now (the data looks 10 min "in the future") and never reach the limit.
    server.setMode({ kind: 'down' });
    const downAt = performance.now();
    let staleAt: number | undefined;
    for (let s = 0; s < 10 && staleAt === undefined; s++) {
      await pass(1000);
      if (tileStates().payments === 'stale') staleAt = performance.now();
    }
    expect(staleAt).toBeDefined();
    expect(staleAt! - downAt).toBeLessThanOrEqual(2 * 2000 + 2000);
  });
});
