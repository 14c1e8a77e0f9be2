// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createCrosshairHub, useCrosshairTime, useSetCrosshairTime } from './crosshair';
import { TimeScopeProvider } from './TimeScopeProvider';

afterEach(cleanup);

describe('createCrosshairHub', () => {
  it('gives one group per key and drops it when the last scope leaves', () => {
    const hub = createCrosshairHub();
    const a = hub.group('a');
    expect(hub.group('a')).toBe(a);
    expect(hub.group('b')).not.toBe(a);
    const leaveA1 = hub.join('a', a);
    const leaveA2 = hub.join('a', a);
    leaveA1();
    expect(hub.group('a')).toBe(a);
    leaveA2();
    hub.join('b', hub.group('b'))();
    expect(hub.size()).toBe(0);
  });

  it('takes back a group dropped between render and effect, as StrictMode does', () => {
    const hub = createCrosshairHub();
    const rendered = hub.group('k');
    hub.join('k', rendered)();
    hub.join('k', rendered);
    expect(hub.group('k')).toBe(rendered);
  });
});

function Reader({ name, at }: { name: string; at: number | null }) {
  const time = useCrosshairTime();
  const setTime = useSetCrosshairTime();
  return (
    <button type="button" data-testid={name} onClick={() => setTime(at)}>
      {time ?? 'none'}
    </button>
  );
}

const press = (name: string) => fireEvent.click(screen.getByTestId(name));

const RANGE = { from: 'now-1h', to: 'now' };

function Page() {
  return (
    <TimeScopeProvider initialRange={RANGE}>
      <Reader name="a" at={1234} />
      <Reader name="b" at={null} />
      <TimeScopeProvider initialRange={RANGE}>
        <Reader name="inner" at={99} />
      </TimeScopeProvider>
    </TimeScopeProvider>
  );
}

describe('crosshair hooks in time scopes', () => {
  it('sync the charts of one scope and not a nested one, under StrictMode too', () => {
    render(
      <StrictMode>
        <Page />
      </StrictMode>,
    );
    press('a');
    expect(screen.getByTestId('b').textContent).toBe('1234');
    expect(screen.getByTestId('inner').textContent).toBe('none');
    press('inner');
    expect(screen.getByTestId('inner').textContent).toBe('99');
    expect(screen.getByTestId('a').textContent).toBe('1234');
  });

  it('work outside any scope, for a panel drawn alone', () => {
    render(<Reader name="alone" at={5} />);
    press('alone');
    expect(screen.getByTestId('alone').textContent).toBe('5');
    render(<Reader name="alone-reset" at={null} />);
    press('alone-reset');
  });
});
