// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../model/alerts';
import { createAlertsDataSource } from '../testing/renderNoc';
import { useBoardAlerts } from './useBoardAlerts';

afterEach(cleanup);

const firing: Alert = { fingerprint: 'f1', labels: { alertname: 'PaymentsDown', severity: 'critical' }, annotations: {}, state: 'active', startsAt: 1_700_000_000_000 };

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>{children}</QueryClientProvider>;
}

describe('useBoardAlerts', () => {
  it('hands back the same strip while nothing changed, so the board does not rebuild it on every render', async () => {
    const sources = [createAlertsDataSource('am', 'alertmanager', 'Alertmanager', () => [firing])];
    const { result, rerender } = renderHook(() => useBoardAlerts(sources, 5000, 0), { wrapper });
    await waitFor(() => expect(result.current.paging.map((a) => a.name)).toEqual(['PaymentsDown']));
    const shown = result.current;
    rerender();
    rerender();
    expect(result.current).toBe(shown);
  });
});
