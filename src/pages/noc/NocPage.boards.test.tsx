// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WallConfig } from '../../model/board';
import { createFakeDataSource } from '../testing/fakeDataSource';
import { renderNoc, stubResizeObserver, tileStates } from '../testing/renderNoc';

// Boards from config.json on /noc: `?board=<id>` picks one, its services and signals shape the tiles, and
// thresholds (the board's, then config.json's top-level ones, then the defaults) grade them.
// The fake: payments has a 30 % error ratio and a 30 s p99, auth 0.1 % and 50 ms; both serve traffic.

beforeAll(stubResizeObserver);
afterEach(cleanup);

const WALL: WallConfig = {
  thresholds: { '*': { latencyP99: { warn: 0.01, crit: 0.04 } } },
  boards: [
    { id: 'pay', title: 'Payments only', services: ['payments'], signals: ['latencyP99'], refreshMs: 10_000 },
    { id: 'lenient', title: 'Lenient', refreshMs: 30_000, thresholds: { payments: { errorRatio: { warn: 0.5, crit: 0.9 } }, '*': { latencyP99: { warn: 60, crit: 120 } } } },
  ],
};

const tile = (service: string) => screen.getAllByTestId('noc-tile').find((el) => el.dataset.service === service);

describe('/noc boards from config.json', () => {
  it('shows every service on the built-in board, graded by config.json\'s thresholds over the defaults', async () => {
    renderNoc('/noc', [createFakeDataSource()], WALL);
    // The top-level "*" p99 band (warn 10 ms, crit 40 ms) makes auth's 50 ms critical; the default would be OK.
    await waitFor(() => expect(tileStates()).toEqual({ payments: 'crit', auth: 'crit' }));
    expect(screen.getByTestId('noc-title').textContent).toBe('All services');
  });

  it('?board=<id> shows its services and signals only, with its refresh interval', async () => {
    renderNoc('/noc?board=pay', [createFakeDataSource()], WALL);
    await waitFor(() => expect(tileStates()).toEqual({ payments: 'crit' }));
    expect(screen.getByTestId('noc-title').textContent).toBe('Payments only');
    expect(screen.getByTestId('noc-status').textContent).toContain('refresh 10s');
    // The headline is the one signal the board shows (p99), not the error ratio.
    await waitFor(() => expect(tile('payments')!.textContent).toContain('p99'));
    expect(tile('payments')!.textContent).not.toContain('Error ratio');
  });

  it("a board's own thresholds win over config.json's and the defaults", async () => {
    renderNoc('/noc?board=lenient', [createFakeDataSource()], WALL);
    await waitFor(() => expect(tileStates()).toEqual({ payments: 'ok', auth: 'ok' }));
  });

  it('an unknown board is named on screen, and the board of every service is shown', async () => {
    renderNoc('/noc?board=nope', [createFakeDataSource()], WALL);
    await waitFor(() => expect(Object.keys(tileStates()).sort()).toEqual(['auth', 'payments']));
    expect(screen.getByText(/board="nope" is not a board in config.json \(boards: pay, lenient\); showing all services/)).toBeTruthy();
  });
});
