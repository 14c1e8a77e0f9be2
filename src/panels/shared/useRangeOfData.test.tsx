// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { startTransition, Suspense, use, useEffect, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useRangeOfData } from './useRangeOfData';

afterEach(cleanup);

const NEVER = new Promise<never>(() => {});
const D1 = { name: 'first answer' };
const D2 = { name: 'second answer' };
type Props = { data: object; range: { from: number; to: number }; suspend: boolean };

function Probe({ data, range, suspend }: Props) {
  const shown = useRangeOfData(data, range);
  // A render that React starts and then throws away: it ran the hook, then suspended.
  if (suspend) use(NEVER);
  return <span data-testid="drawn-to">{shown.to}</span>;
}

let setProps: (p: Props) => void = () => {};
function Host() {
  const [props, set] = useState<Props>({ data: D1, range: { from: 0, to: 100 }, suspend: false });
  useEffect(() => {
    setProps = set;
  }, []);
  return (
    <Suspense fallback={<span>suspended</span>}>
      <Probe {...props} />
    </Suspense>
  );
}

describe('useRangeOfData', () => {
  it('keeps the range of the data drawn when a render that never commits saw other data', async () => {
    render(<Host />);
    expect(screen.getByTestId('drawn-to').textContent).toBe('100');
    // A transition renders new data at a new range, then suspends: nothing of it commits.
    await act(async () => startTransition(() => setProps({ data: D2, range: { from: 0, to: 200 }, suspend: true })));
    expect(screen.getByTestId('drawn-to').textContent).toBe('100');
    // The range moves (a refresh tick) while the data drawn is still the first answer.
    await act(async () => setProps({ data: D1, range: { from: 0, to: 300 }, suspend: false }));
    expect(screen.getByTestId('drawn-to').textContent).toBe('100');
  });

  it('takes the new range together with new data', () => {
    render(<Host />);
    act(() => setProps({ data: D2, range: { from: 0, to: 200 }, suspend: false }));
    expect(screen.getByTestId('drawn-to').textContent).toBe('200');
  });
});
