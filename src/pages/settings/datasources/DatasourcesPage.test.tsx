// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeDataSource } from '../../testing/fakeDataSource';
import { renderRoute } from '../../testing/renderRoute';
import { DatasourcesPage } from './DatasourcesPage';

afterEach(cleanup);

describe('DatasourcesPage', () => {
  it('lists each datasource with its health', async () => {
    renderRoute('/settings/datasources', '/settings/datasources', <DatasourcesPage />, createFakeDataSource());
    const row = screen.getByTestId('datasource-row');
    expect(row.textContent).toContain('Fake Prometheus');
    expect(row.textContent).toContain('http://127.0.0.1:9090');
    await waitFor(() => expect(screen.getByTestId('datasource-health').dataset.health).toBe('ok'));
    expect(screen.getByTestId('datasource-health').textContent).toContain('Prometheus 3.0.0');
  });

  it('shows a failed health check with the server’s message', async () => {
    const ds = { ...createFakeDataSource(), health: async () => ({ ok: false, message: 'connection refused' }) };
    renderRoute('/settings/datasources', '/settings/datasources', <DatasourcesPage />, ds);
    await waitFor(() => expect(screen.getByTestId('datasource-health').dataset.health).toBe('failed'));
    expect(screen.getByTestId('datasource-health').textContent).toContain('connection refused');
  });

  it('says the demo runs on simulated data when there is no config.json, and not otherwise', () => {
    const demo = renderRoute('/settings/datasources', '/settings/datasources', <DatasourcesPage />, { ...createFakeDataSource(), simulated: true });
    expect(screen.getByTestId('datasource-row').textContent).toContain('simulated');
    expect(screen.getByTestId('datasources-hint').textContent).toMatch(/No config\.json was found, so the built-in demo runs/);
    demo.unmount();
    renderRoute('/settings/datasources', '/settings/datasources', <DatasourcesPage />, createFakeDataSource());
    expect(screen.getByTestId('datasource-row').textContent).not.toContain('simulated');
    expect(screen.getByTestId('datasources-hint').textContent).toMatch(/Datasources come from config\.json/);
  });
});
