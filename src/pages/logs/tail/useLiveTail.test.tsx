// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogsCapability } from '../../../datasources/types';
import type { LogLine } from '../../../model/logs';
import { logLine, stream } from '../../../model/testing/logLineBuilders';
import { createFakeTailSource } from './testing/fakeTail';
import { TAIL_FLUSH_MS, useLiveTail } from './useLiveTail';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2025, 5, 4, 3, 0, 0));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const s = stream({ service: 'payments' });
let seq = 0;
const lines = (n: number): LogLine[] => Array.from({ length: n }, () => logLine(s, Date.now(), `line ${seq}`, 'info', seq++));

function setup(capacity?: number, logs?: LogsCapability) {
  const fake = createFakeTailSource();
  let renders = 0;
  const hook = renderHook(
    ({ query, enabled }: { query: string; enabled: boolean }) => {
      renders++;
      return useLiveTail(logs ?? fake.logs, query, { enabled, capacity });
    },
    { initialProps: { query: '{service="payments"}', enabled: true } },
  );
  return { ...fake, hook, renders: () => renders };
}

/** Emits `perSecond` lines a second in 20 messages a second, for `ms`. */
function stream2000(sub: ReturnType<typeof setup>['latest'], perSecond: number, ms: number): void {
  for (let t = 0; t < ms; t += 50) {
    act(() => {
      sub().handlers.onLines(lines(perSecond / 20));
      vi.advanceTimersByTime(50);
    });
  }
}

describe('useLiveTail', () => {
  it('subscribes with the query and a live signal, and reports the status', () => {
    const t = setup();
    expect(t.subscriptions).toHaveLength(1);
    expect(t.latest().query).toBe('{service="payments"}');
    expect(t.latest().signal.aborted).toBe(false);
    expect(t.hook.result.current.status).toEqual({ state: 'connecting' });
    act(() => t.latest().handlers.onStatus({ state: 'live', transport: 'websocket' }));
    expect(t.hook.result.current.status).toEqual({ state: 'live', transport: 'websocket' });
  });

  it('batches lines: 2,000 lines/s re-render about 4 times a second, not per line or per message', () => {
    const t = setup();
    const before = t.renders();
    stream2000(t.latest, 2000, 2000);
    act(() => vi.advanceTimersByTime(TAIL_FLUSH_MS));
    expect(t.hook.result.current.lines).toHaveLength(4000);
    const renders = t.renders() - before;
    expect(renders).toBeGreaterThanOrEqual(7);
    expect(renders).toBeLessThanOrEqual(10);
  });

  it('keeps the newest `capacity` lines, oldest first, and counts evicted plus server-dropped lines', () => {
    const t = setup(100);
    const sent = lines(250);
    act(() => {
      t.latest().handlers.onLines(sent.slice(0, 120));
      t.latest().handlers.onLines(sent.slice(120));
      t.latest().handlers.onDropped?.(7);
      vi.advanceTimersByTime(TAIL_FLUSH_MS);
    });
    expect(t.hook.result.current.lines.map((l) => l.key)).toEqual(sent.slice(150).map((l) => l.key));
    expect(t.hook.result.current.dropped).toBe(150 + 7);
  });

  it('measures lines/s over a sliding window, falling to 0 when the stream goes quiet', () => {
    const t = setup(50_000);
    stream2000(t.latest, 2000, 6000);
    act(() => vi.advanceTimersByTime(TAIL_FLUSH_MS));
    expect(t.hook.result.current.linesPerSecond).toBeGreaterThan(1800);
    expect(t.hook.result.current.linesPerSecond).toBeLessThan(2200);
    act(() => vi.advanceTimersByTime(6000));
    expect(t.hook.result.current.linesPerSecond).toBe(0);
  });

  it('pause freezes the lines but keeps receiving and counting; resume shows the buffer at once', () => {
    const t = setup(1000);
    act(() => {
      t.latest().handlers.onLines(lines(10));
      vi.advanceTimersByTime(TAIL_FLUSH_MS);
    });
    const frozen = t.hook.result.current.lines;
    expect(t.hook.result.current.pending).toBe(0);
    act(() => t.hook.result.current.pause());
    expect(t.hook.result.current.paused).toBe(true);
    stream2000(t.latest, 2000, 1000);
    act(() => vi.advanceTimersByTime(TAIL_FLUSH_MS));
    expect(t.hook.result.current.lines).toBe(frozen);
    // What arrived since the pause, held or already pushed out of the buffer.
    expect(t.hook.result.current.pending).toBe(2000);
    expect(t.hook.result.current.linesPerSecond).toBeGreaterThan(1000);
    expect(t.hook.result.current.dropped).toBe(2010 - 1000);
    act(() => t.hook.result.current.resume());
    expect(t.hook.result.current.paused).toBe(false);
    expect(t.hook.result.current.lines).toHaveLength(1000);
    expect(t.hook.result.current.lines.at(-1)!.line).toBe(`line ${seq - 1}`);
    expect(t.hook.result.current.pending).toBe(0);
  });

  it('ends with the error shown and the status closed', () => {
    const t = setup();
    act(() => t.latest().handlers.onError(new Error('parse error at line 1, col 3: syntax error')));
    expect(t.hook.result.current.error?.message).toBe('parse error at line 1, col 3: syntax error');
    expect(t.hook.result.current.status).toEqual({ state: 'closed', reason: 'parse error at line 1, col 3: syntax error' });
  });

  it('on a new query closes the old subscription, ignores it, and starts afresh', () => {
    const t = setup();
    const old = t.latest();
    act(() => {
      old.handlers.onLines(lines(5));
      old.handlers.onStatus({ state: 'live', transport: 'polling' });
      vi.advanceTimersByTime(TAIL_FLUSH_MS);
    });
    t.hook.rerender({ query: '{service="orders"}', enabled: true });
    expect(old.closed).toBe(true);
    expect(old.signal.aborted).toBe(true);
    expect(t.latest().query).toBe('{service="orders"}');
    expect(t.hook.result.current.lines).toEqual([]);
    expect(t.hook.result.current.status).toEqual({ state: 'connecting' });
    act(() => {
      old.handlers.onLines(lines(3));
      old.handlers.onStatus({ state: 'closed' });
      vi.advanceTimersByTime(TAIL_FLUSH_MS);
    });
    expect(t.hook.result.current.lines).toEqual([]);
    expect(t.hook.result.current.status).toEqual({ state: 'connecting' });
  });

  it('closes on unmount and leaves no timer behind', () => {
    const t = setup();
    act(() => t.latest().handlers.onLines(lines(3)));
    t.hook.unmount();
    expect(t.latest().closed).toBe(true);
    expect(t.latest().signal.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not subscribe while disabled, and says when the datasource has no tail', () => {
    const t = setup();
    t.hook.rerender({ query: '{service="payments"}', enabled: false });
    expect(t.latest().closed).toBe(true);
    expect(t.hook.result.current.status).toEqual({ state: 'closed' });
    expect(t.subscriptions).toHaveLength(1);
    const noTail = setup(undefined, { language: 'logql', queryLogs: () => Promise.reject(new Error('x')) });
    expect(noTail.hook.result.current.status).toEqual({ state: 'closed', reason: 'This datasource has no live tail' });
  });
});
