// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimeScopeProvider } from './TimeScopeProvider';
import { useTimeScope, type TimeScopeHandle } from './timeScopeContext';
import { useTimeRange } from './useTimeRange';

const AT_0800 = Date.UTC(2026, 11, 1, 8, 0, 0);
const MINUTE = 60_000;

// An injected clock, read only when the scope asks: the scope must not depend on Date at all.
let clockNow = AT_0800;
const clock = () => clockNow;

function Probe() {
  const { raw, range, now } = useTimeScope();
  return <div data-testid="probe" data-from={raw.from} data-to={range.to} data-now={now} />;
}

const probe = () => screen.getByTestId('probe').dataset;

beforeEach(() => {
  clockNow = AT_0800;
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
});
afterEach(cleanup);

describe('TimeScopeProvider in memory', () => {
  it('starts at its initial range, read against the injected clock', () => {
    render(
      <TimeScopeProvider initialRange={{ from: 'now-1h', to: 'now' }} clock={clock}>
        <Probe />
      </TimeScopeProvider>,
    );
    expect(probe().from).toBe('now-1h');
    expect(Number(probe().to)).toBe(AT_0800);
  });

  it('reads the clock again for a new range, and keeps the current one when given a bad range', () => {
    const handle = createRef<TimeScopeHandle>();
    render(
      <TimeScopeProvider ref={handle} initialRange={{ from: 'now-1h', to: 'now' }} clock={clock}>
        <Probe />
      </TimeScopeProvider>,
    );
    clockNow = AT_0800 + 30 * MINUTE;
    act(() => handle.current!.setRange({ from: 'now-6h', to: 'now' }));
    expect(probe().from).toBe('now-6h');
    expect(Number(probe().to)).toBe(AT_0800 + 30 * MINUTE);

    act(() => handle.current!.setRange({ from: 'now', to: 'now-1h' }));
    act(() => handle.current!.setRange({ from: 'soon', to: 'now' }));
    expect(probe().from).toBe('now-6h');
  });

  it('falls back to the last hour for an unusable initial range', () => {
    render(
      <TimeScopeProvider initialRange={{ from: 'yesterday', to: 'now' }} clock={clock}>
        <Probe />
      </TimeScopeProvider>,
    );
    expect(probe().from).toBe('now-1h');
  });

  it('reads the clock again when the tab comes back', () => {
    render(
      <TimeScopeProvider initialRange={{ from: 'now-1h', to: 'now' }} clock={clock}>
        <Probe />
      </TimeScopeProvider>,
    );
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    clockNow = AT_0800 + 9 * MINUTE;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(Number(probe().now)).toBe(AT_0800 + 9 * MINUTE);
  });
});

describe('useTimeRange outside a scope', () => {
  it('says what is missing instead of inventing a scope of its own', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Lonely() {
      useTimeRange();
      return null;
    }
    expect(() => render(<Lonely />)).toThrow('need a <TimeScopeProvider> above them');
    vi.restoreAllMocks();
  });
});
