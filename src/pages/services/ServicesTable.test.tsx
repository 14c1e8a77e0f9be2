// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildOverviewRows } from './overviewRows';
import { ServicesTable } from './ServicesTable';

beforeEach(() => {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return this instanceof HTMLElement && this.dataset.testid === 'services-scroll' ? 600 : 0;
  });
  // React reports a caught render error on the console; the test is that it stays in its row.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ServicesTable (issue 5 #13)', () => {
  it('keeps one row’s failure in that row', () => {
    const rows = buildOverviewRows(['auth', 'broken', 'users'], [], []);
    const hrefFor = (service: string) => {
      if (service === 'broken') throw new URIError('URI malformed');
      return `/services/${service}`;
    };
    render(<ServicesTable rows={rows} range={{ from: 0, to: 3_600_000 }} onOpen={() => {}} hrefFor={hrefFor} />);
    const shown = screen.getAllByTestId('service-row');
    expect(shown.map((r) => r.dataset.service)).toEqual(['auth', 'broken', 'users']);
    expect(shown[1]!.textContent).toContain('This row failed to draw: URI malformed');
    expect(shown[0]!.querySelector('a')?.getAttribute('href')).toBe('/services/auth');
    expect(shown[2]!.querySelector('a')?.getAttribute('href')).toBe('/services/users');
  });
});
