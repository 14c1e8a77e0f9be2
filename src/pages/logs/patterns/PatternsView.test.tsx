// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PatternSelection } from '../../../model/logPatterns';
import type { LogLine } from '../../../model/logs';
import { pinoLine, stream } from '../../../model/testing/logLineBuilders';
import { createInThreadPatternsEngine, type PatternsEngine } from './patternsEngine';
import { PatternsView } from './PatternsView';

afterEach(cleanup);

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 5, 4, 3, 0, 0);
const RANGE = { from: T0, to: T0 + HOUR };
const s = stream({ service: 'payments' });
const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

/** An hour of steady request lines; from 03:45 the payment provider times out. */
function hour(): LogLine[] {
  const lines: LogLine[] = [];
  for (let i = 0; i < 240; i++) {
    const t = T0 + i * 15_000;
    lines.push(pinoLine(s, t, 'info', `GET /orders/${1000 + i} 200 in ${i % 50}ms`, {}, i));
    if (i % 4 === 0) lines.push(pinoLine(s, t, 'warn', `${HOSTILE} seen ${i} times`, {}, 1000 + i));
    if (t >= T0 + 0.75 * HOUR) lines.push(pinoLine(s, t + 1, 'error', 'payment provider timeout after 30000ms', {}, 2000 + i));
  }
  return lines;
}

const inThread = () => createInThreadPatternsEngine();

async function rows(): Promise<HTMLElement[]> {
  await waitFor(() => expect(screen.getByTestId('log-patterns').dataset.state).toBe('ready'));
  return within(screen.getByRole('table')).getAllByRole('row').slice(1);
}

describe('PatternsView', () => {
  it('lists the patterns, the new one first and marked, with counts, shares and sparklines', async () => {
    render(<PatternsView lines={hour()} range={RANGE} onSelect={() => undefined} createEngine={inThread} />);
    const [first, ...rest] = await rows();
    expect(first!.textContent).toContain('new');
    expect(first!.textContent).toContain('payment provider timeout after <*>');
    expect(within(first!).getByText('60')).toBeTruthy();
    expect(first!.querySelector('.pattern-var')!.textContent).toBe('<*>');
    expect(first!.querySelector('svg.pattern-sparkline.is-new')).not.toBeNull();
    expect(rest.map((r) => r.textContent).join('|')).not.toContain('new');
    expect(within(rest[0]!).getByText('240')).toBeTruthy();
    expect(screen.getByText(/3 patterns in 360 lines/)).toBeTruthy();
  });

  it('renders hostile templates as text', async () => {
    render(<PatternsView lines={hour()} range={RANGE} onSelect={() => undefined} createEngine={inThread} />);
    await rows();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText((_, el) => el?.classList.contains('pattern-template') === true && el.textContent === '<img src=x onerror=<*>><script>alert(<*>)</script> seen <*> times')).toBeTruthy();
  });

  it('selects a pattern with the keys of its lines, and clears it on a second click', async () => {
    const lines = hour();
    const onSelect = vi.fn<(s: PatternSelection | null) => void>();
    const { rerender } = render(<PatternsView lines={lines} range={RANGE} onSelect={onSelect} createEngine={inThread} />);
    const [first] = await rows();
    fireEvent.click(within(first!).getByRole('button'));
    const selection = onSelect.mock.calls[0]![0]!;
    expect(selection.template).toBe('payment provider timeout after <*>');
    expect([...selection.lineKeys].sort()).toEqual(lines.filter((l) => l.line.includes('timeout')).map((l) => l.key).sort());

    rerender(<PatternsView lines={lines} range={RANGE} selectedId={selection.id} onSelect={onSelect} createEngine={inThread} />);
    const button = within(screen.getAllByRole('row')[1]!).getByRole('button');
    expect(button.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(button);
    expect(onSelect).toHaveBeenLastCalledWith(null);
  });

  it('hands the selection on again when new lines bring a new result', async () => {
    const lines = hour();
    const onSelect = vi.fn<(s: PatternSelection | null) => void>();
    const { rerender } = render(<PatternsView lines={lines} range={RANGE} onSelect={onSelect} createEngine={inThread} />);
    const [first] = await rows();
    fireEvent.click(within(first!).getByRole('button'));
    const id = onSelect.mock.calls[0]![0]!.id;
    const more = [...lines, pinoLine(s, T0 + HOUR - 5, 'error', 'payment provider timeout after 30000ms', {}, 9999)];
    rerender(<PatternsView lines={more} range={RANGE} selectedId={id} onSelect={onSelect} createEngine={inThread} />);
    await waitFor(() => expect(onSelect.mock.calls.at(-1)![0]!.lineKeys.size).toBe(61));
  });

  it('keeps the last result while a new one computes, aborts the stale request, and disposes the engine on unmount', async () => {
    const signals: AbortSignal[] = [];
    const inner = createInThreadPatternsEngine();
    let release: () => void = () => undefined;
    const dispose = vi.fn();
    const engine: PatternsEngine = {
      find: (lines, range, signal) => {
        signals.push(signal);
        if (signals.length === 1) return inner.find(lines, range, signal);
        return new Promise((resolve, reject) => {
          release = () => void inner.find(lines, range, signal).then(resolve, reject);
        });
      },
      dispose,
    };
    const create = () => engine;
    const lines = hour();
    const { rerender, unmount } = render(<PatternsView lines={lines} range={RANGE} onSelect={() => undefined} createEngine={create} />);
    await rows();
    rerender(<PatternsView lines={lines.slice(0, 100)} range={RANGE} onSelect={() => undefined} createEngine={create} />);
    expect(screen.getByTestId('log-patterns').getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText(/Finding patterns in 100 lines/)).toBeTruthy();
    expect(screen.getByText(/3 patterns in 360 lines/)).toBeTruthy();
    rerender(<PatternsView lines={lines.slice(0, 50)} range={RANGE} onSelect={() => undefined} createEngine={create} />);
    expect(signals[1]!.aborted).toBe(true);
    await act(async () => release());
    await waitFor(() => expect(screen.getByText(/in 50 lines/)).toBeTruthy());
    unmount();
    expect(dispose).toHaveBeenCalledTimes(1);
    expect(signals[2]!.aborted).toBe(true);
  });

  it('shows the engine error', async () => {
    const failing = () => ({ find: () => Promise.reject(new Error('The patterns worker failed: boom')), dispose: () => undefined });
    render(<PatternsView lines={hour()} range={RANGE} onSelect={() => undefined} createEngine={failing} />);
    expect((await screen.findByRole('alert')).textContent).toBe('The patterns worker failed: boom');
    expect(screen.getByTestId('log-patterns').dataset.state).toBe('error');
  });

  it('says so when there are no lines', async () => {
    render(<PatternsView lines={[]} range={RANGE} onSelect={() => undefined} createEngine={inThread} />);
    expect(await screen.findByText('No lines to find patterns in.')).toBeTruthy();
  });
});
