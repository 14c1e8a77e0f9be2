import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { DataSource, QueryCtx, RangeResult } from '../../datasources/types';
import { DataSourceError } from '../../lib/errors';
import type { Alert } from '../../model/alerts';
import type { WallConfig } from '../../model/board';
import { NocPage } from '../noc/NocPage';
import { DataSourcesProvider } from '../shared/dataSources';
import { TimeScopeProvider } from '../../state/TimeScopeProvider';
import { createFakeDataSource, fakeDirectoryOf } from './fakeDataSource';

/** jsdom has no ResizeObserver; the board's grid only needs one to exist (it lays out nothing anyway). */
export function stubResizeObserver(): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

/** /noc at `url` over these datasources and config.json's wall settings, inside the app's providers. */
export function renderNoc(url: string, sources: readonly DataSource[], wall?: WallConfig) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: 60_000 } } });
  const router = createMemoryRouter([{ path: '/noc', element: <TimeScopeProvider><NocPage /></TimeScopeProvider> }, { path: '*', element: <div data-testid="elsewhere" /> }], { initialEntries: [url] });
  const directory = { ...fakeDirectoryOf(sources), ...(wall ? { wall } : {}) };
  const view = render(
    <QueryClientProvider client={client}>
      <DataSourcesProvider value={directory}>
        <RouterProvider router={router} />
      </DataSourcesProvider>
    </QueryClientProvider>,
  );
  return { ...view, router, client };
}

export const tileStates = (): Record<string, string> =>
  Object.fromEntries(screen.queryAllByTestId('noc-tile').map((el) => [el.dataset.service!, el.dataset.state!]));

export type ServerMode = { kind: 'fast' } | { kind: 'slow'; delayMs: number } | { kind: 'down' };

/** The kit's default time limit (httpOptions.ts): a request still unanswered then fails as a timeout. */
export const TIMEOUT_MS = 30_000;

/**
 * The fake Prometheus of createFakeDataSource behind a switchable "server": fast, slow (answers after
 * `delayMs`, failing as a timeout past 30 s, as the adapters' deadline does) or down (connection refused).
 * Counts the requests in flight per query text, and the most seen at once.
 */
export function createControlledDataSource() {
  const base = createFakeDataSource();
  let mode: ServerMode = { kind: 'fast' };
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const ranges: QueryCtx['range'][] = [];
  const answered = { count: 0 };
  const queryRange = (query: string, ctx: QueryCtx): Promise<RangeResult> => {
    ranges.push(ctx.range);
    if (mode.kind === 'down') return Promise.reject(new DataSourceError('Fake Prometheus is unreachable (connection refused)', { kind: 'network' }));
    if (mode.kind === 'fast') return base.metrics!.queryRange(query, ctx);
    const delayMs = mode.delayMs;
    const n = (inFlight.get(query) ?? 0) + 1;
    inFlight.set(query, n);
    maxInFlight.set(query, Math.max(maxInFlight.get(query) ?? 0, n));
    return new Promise<RangeResult>((resolve, reject) => {
      const done = () => {
        inFlight.set(query, (inFlight.get(query) ?? 1) - 1);
        ctx.signal.removeEventListener('abort', onAbort);
        clearTimeout(timer);
      };
      const onAbort = () => {
        done();
        reject(new DataSourceError('Request was cancelled', { kind: 'aborted' }));
      };
      const timer = setTimeout(() => {
        done();
        if (delayMs > TIMEOUT_MS) reject(new DataSourceError(`Fake Prometheus did not answer within ${TIMEOUT_MS / 1000} s`, { kind: 'timeout' }));
        else {
          answered.count++;
          void base.metrics!.queryRange(query, ctx).then(resolve, reject);
        }
      }, Math.min(delayMs, TIMEOUT_MS));
      ctx.signal.addEventListener('abort', onAbort, { once: true });
    });
  };
  const ds: DataSource = { ...base, metrics: { ...base.metrics!, queryRange } };
  return {
    ds,
    ranges,
    maxInFlight,
    /** Slow answers delivered. */
    answered,
    setMode: (next: ServerMode) => {
      mode = next;
    },
  };
}

/**
 * An alerts datasource answering `alerts()`, or failing as unreachable when it returns an Error; with
 * `delayMs`, each answer takes that long (past 30 s: a timeout), and `maxInFlight` counts requests at once.
 */
export function createAlertsDataSource(uid: string, kind: 'alertmanager' | 'prometheus', name: string, alerts: () => Alert[] | Error, delayMs = 0): DataSource & { maxInFlight: () => number } {
  let inFlight = 0;
  let most = 0;
  const answer = async (): Promise<Alert[]> => {
    const result = alerts();
    if (result instanceof Error) throw new DataSourceError(result.message, { kind: 'network' });
    return result;
  };
  return {
    uid,
    kind,
    name,
    maxInFlight: () => most,
    alerts: {
      listAlerts: (signal) => {
        if (delayMs === 0) return answer();
        most = Math.max(most, ++inFlight);
        return new Promise<Alert[]>((resolve, reject) => {
          const timer = setTimeout(() => {
            inFlight--;
            signal.removeEventListener('abort', onAbort);
            if (delayMs > TIMEOUT_MS) reject(new DataSourceError(`${name} did not answer within ${TIMEOUT_MS / 1000} s`, { kind: 'timeout' }));
            else answer().then(resolve, reject);
          }, Math.min(delayMs, TIMEOUT_MS));
          const onAbort = () => {
            inFlight--;
            clearTimeout(timer);
            reject(new DataSourceError('Request was cancelled', { kind: 'aborted' }));
          };
          signal.addEventListener('abort', onAbort, { once: true });
        });
      },
    },
    health: async () => ({ ok: true }),
  };
}
