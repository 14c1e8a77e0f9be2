// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { TimeScopeProvider } from '../state/TimeScopeProvider';
import { TraceIdBox } from './TraceIdBox';

afterEach(cleanup);

function Where() {
  const { pathname, search } = useLocation();
  return <div data-testid="where">{pathname + search}</div>;
}

function renderBox(url = '/services?from=now-6h&to=now') {
  const element = (
    <TimeScopeProvider>
      <TraceIdBox />
      <Where />
    </TimeScopeProvider>
  );
  const router = createMemoryRouter([{ path: '*', element }], { initialEntries: [url] });
  render(<RouterProvider router={router} />);
  const input = screen.getByRole('textbox', { name: 'Trace ID' });
  const enter = (text: string) => {
    fireEvent.change(input, { target: { value: text } });
    fireEvent.submit(input.closest('form')!);
  };
  return { input, enter, where: () => screen.getByTestId('where').textContent };
}

describe('TraceIdBox', () => {
  it('opens a 16-hex ID at its canonical 32-hex form, over the page’s time range', () => {
    const box = renderBox();
    box.enter('A3CE929D0E0E4736');
    expect(box.where()).toBe('/traces/0000000000000000a3ce929d0e0e4736?from=now-6h&to=now');
    expect(box.input).toHaveProperty('value', '');
  });

  it('opens an ID without its leading zeros', () => {
    const box = renderBox();
    box.enter('abcd');
    expect(box.where()).toMatch(/^\/traces\/0000000000000000000000000000abcd\?/);
  });

  it('opens a traceparent’s trace with its parent span selected', () => {
    const box = renderBox();
    box.enter('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    expect(box.where()).toBe('/traces/4bf92f3577b34da6a3ce929d0e0e4736?from=now-6h&to=now&span=00f067aa0ba902b7');
  });

  it('says why bad input is not an ID, keeps it to fix, and stays on the page', () => {
    const box = renderBox();
    box.enter('4bf92f35z7');
    expect(screen.getByRole('alert').textContent).toBe('"z" at position 9 is not a hex digit (0-9, a-f).');
    expect(box.input.getAttribute('aria-invalid')).toBe('true');
    expect(box.input).toHaveProperty('value', '4bf92f35z7');
    expect(box.where()).toBe('/services?from=now-6h&to=now');
    fireEvent.change(box.input, { target: { value: '4bf92f35' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows hostile input in its reason as text', () => {
    const box = renderBox();
    box.enter('<img src=x onerror=alert(1)>');
    expect(screen.getByRole('alert').textContent).toContain('"<" at position 1');
    expect(document.querySelector('img')).toBeNull();
  });
});
