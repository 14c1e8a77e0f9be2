// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serviceDashboardUrl } from '../../model/links';
import { createFakeDataSource } from '../testing/fakeDataSource';
import { renderRoute } from '../testing/renderRoute';
import { ServiceDashboardPage } from './ServiceDashboardPage';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A fake datasource that remembers which services the page asked signals for. */
function recordingSource(...args: Parameters<typeof createFakeDataSource>) {
  const ds = createFakeDataSource(...args);
  const asked: string[] = [];
  const signals = ds.services!.signals;
  ds.services!.signals = (service, ctx) => {
    asked.push(service);
    return signals(service, ctx);
  };
  return { ds, asked };
}

const HOSTILE = ['.', '..', '%2F', 'a/b?c#d', 'pay\uD800ments', '\u202Eevil', '\u200B', 'x'.repeat(100_000)];

describe('the dashboard route carries any service name (issue 5 #16)', () => {
  it.each(HOSTILE.map((n) => [JSON.stringify(n).slice(0, 24), n]))('opens %s as itself', async (_what, name) => {
    const { ds, asked } = recordingSource();
    renderRoute('/services/:service', serviceDashboardUrl(name, { from: 'now-1h', to: 'now' }), <ServiceDashboardPage />, ds);
    await waitFor(() => expect(asked).toContain(name));
    expect(asked.every((s) => s === name)).toBe(true);
  });

  it('shows the name with visible markers, cut short, the whole name on hover', async () => {
    const { ds } = recordingSource();
    renderRoute('/services/:service', serviceDashboardUrl('\u202Eevil', { from: 'now-1h', to: 'now' }), <ServiceDashboardPage />, ds);
    expect((await screen.findByTestId('service-title')).textContent).toBe('⟨U+202E⟩evil');
    cleanup();
    renderRoute('/services/:service', serviceDashboardUrl('y'.repeat(100_000), { from: 'now-1h', to: 'now' }), <ServiceDashboardPage />, ds);
    const title = await screen.findByTestId('service-title');
    expect(title.textContent!.length).toBeLessThan(100);
    expect(title.title).toBe('y'.repeat(100_000));
  });
});

function statPanel(title: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-testid="panel"][data-panel-title="${title}"]`);
  if (!el) throw new Error(`no panel titled ${title}`);
  return el;
}

describe('the saturation stat is graded only as a ratio (issue 5 #3)', () => {
  it('shows raw cores grey, not red', async () => {
    // The fake's `p99` answer is 28: read as cores, far above 0.9, and still no ratio of anything.
    const ds = createFakeDataSource({ signals: { saturation: { query: 'p99', unit: 'cores' } } });
    renderRoute('/services/:service', '/services/payments', <ServiceDashboardPage />, ds);
    // Every chart now also draws the exemplars landing after its series: on a loaded machine the first stat takes seconds.
    await waitFor(() => expect(within(statPanel('Saturation')).getByTestId('stat-value')).toBeTruthy(), { timeout: 15_000 });
    expect(within(statPanel('Saturation')).getByTestId('stat-value').style.color).toBe('rgb(142, 142, 142)');
  });

  it('still colours a ratio by its thresholds', async () => {
    const ds = createFakeDataSource({ signals: { saturation: { query: 'errors', unit: 'percentunit' } } });
    renderRoute('/services/:service', '/services/payments', <ServiceDashboardPage />, ds);
    // Every chart now also draws the exemplars landing after its series: on a loaded machine the first stat takes seconds.
    await waitFor(() => expect(within(statPanel('Saturation')).getByTestId('stat-value')).toBeTruthy(), { timeout: 15_000 });
    // 0.2 of the limit: healthy.
    expect(within(statPanel('Saturation')).getByTestId('stat-value').style.color).toBe('rgb(115, 191, 105)');
  });
});
