// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Layout } from './Layout';
import { appliedTheme, usePreferencesStore } from '../state/preferences';

// The theme: a preference kept in localStorage, switched from the top bar of any page; `auto` (the default)
// is high contrast on the wall board and dark elsewhere.

const STORAGE_KEY = 'watchfloor.preferences';

function renderAt(url: string) {
  const router = createMemoryRouter(
    [{ path: '/', element: <Layout />, children: [{ path: 'services', element: <div data-testid="page" /> }, { path: 'noc', element: <div data-testid="page" /> }] }],
    { initialEntries: [url] },
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

const theme = () => document.documentElement.dataset.theme;
const storedTheme = () => (JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as { state?: { theme?: string } }).state?.theme;

beforeEach(() => {
  localStorage.clear();
  act(() => usePreferencesStore.setState({ theme: 'auto' }));
});
afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.theme;
});

describe('appliedTheme', () => {
  it('is high contrast on the wall and dark elsewhere by default; a choice applies everywhere', () => {
    expect([appliedTheme('auto', true), appliedTheme('auto', false)]).toEqual(['contrast', 'dark']);
    expect([appliedTheme('dark', true), appliedTheme('contrast', false)]).toEqual(['dark', 'contrast']);
  });
});

describe('the theme switch', () => {
  it('defaults to high contrast on /noc and dark on other pages', async () => {
    const router = renderAt('/services');
    expect(theme()).toBe('dark');
    await act(() => router.navigate('/noc'));
    expect(theme()).toBe('contrast');
    await act(() => router.navigate('/services'));
    expect(theme()).toBe('dark');
  });

  it('switches any page to high contrast, keeps the choice in localStorage, and the wall can be set dark', async () => {
    const router = renderAt('/services');
    fireEvent.change(screen.getByTestId('theme-switch'), { target: { value: 'contrast' } });
    expect(theme()).toBe('contrast');
    expect(storedTheme()).toBe('contrast');
    await act(() => router.navigate('/noc'));
    expect(theme()).toBe('contrast');
    fireEvent.change(screen.getByTestId('theme-switch'), { target: { value: 'dark' } });
    expect(theme()).toBe('dark');
    expect(storedTheme()).toBe('dark');
  });

  it('reads the stored choice back after a reload, and an unknown stored value as auto', async () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ state: { theme: 'contrast', showExemplars: true }, version: 1 }));
    await act(() => usePreferencesStore.persist.rehydrate());
    renderAt('/services');
    expect(theme()).toBe('contrast');
    expect((screen.getByTestId('theme-switch') as HTMLSelectElement).value).toBe('contrast');
    cleanup();
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ state: { theme: 'neon', showExemplars: true }, version: 1 }));
    await act(() => usePreferencesStore.persist.rehydrate());
    renderAt('/services');
    expect(theme()).toBe('dark');
  });
});
