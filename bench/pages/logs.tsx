/**
 * The logs benchmarks' page (bench only: built by bench/pages/vite.config.ts, never part of the app's bundle).
 * `patterns`: Drain over 100,000 lines through the real patterns worker, timed from the request to the result
 * back on the main thread, watching the main thread meanwhile. `tail`: 2,000 lines/s from a fake tail source
 * into useLiveTail and the log explorer's own list, as the page shows a live tail, counting long frames. The
 * driver is bench/metrics/logsBench.ts.
 */
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import '../../src/app/theme.css';
import type { LogsCapability } from '../../src/datasources/types';
import type { LogLine } from '../../src/model/logs';
import { LogList } from '../../src/pages/logs/LogList';
import '../../src/pages/logs/logs.css';
import { createDefaultPatternsEngine } from '../../src/pages/logs/patterns/patternsEngine';
import { TailIndicator } from '../../src/pages/logs/tail/TailIndicator';
import { DEFAULT_TAIL_CAPACITY, useLiveTail } from '../../src/pages/logs/tail/useLiveTail';
import { useLogView } from '../../src/pages/logs/useLogView';
import { seededRandom, syntheticLine, syntheticLines } from './logsData';

const RANGE = { from: Date.UTC(2026, 0, 1, 3), to: Date.UTC(2026, 0, 1, 4) };
/** Frames longer than this count as long (the threshold). */
const LONG_FRAME_MS = 50;

let lines: LogLine[] | undefined;
const engine = createDefaultPatternsEngine();

export interface PatternsSample {
  /** Request (engine.find called) to the result back on the main thread. */
  ms: number;
  /** The synchronous part of the request on the main thread: packing the lines and posting them. */
  syncMs: number;
  /** The longest main-thread long task (>= 50 ms, PerformanceObserver 'longtask') overlapping the request; 0 if none. */
  longestTaskMs: number;
  /** The longest gap between animation frames during the request. */
  maxFrameGapMs: number;
  total: number;
  patterns: number;
  newTemplates: string[];
}

/** Watches the main thread: long tasks and frame gaps, until stopped. */
function watchMainThread(): () => Promise<{ longTasks: PerformanceEntry[]; maxFrameGapMs: number }> {
  const longTasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  let maxFrameGapMs = 0;
  let last = performance.now();
  let running = true;
  const frame = (t: number): void => {
    maxFrameGapMs = Math.max(maxFrameGapMs, t - last);
    last = t;
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return async () => {
    running = false;
    // Long-task entries are delivered after the task; give them a moment.
    await new Promise((r) => setTimeout(r, 100));
    longTasks.push(...observer.takeRecords());
    observer.disconnect();
    return { longTasks, maxFrameGapMs };
  };
}

async function patterns(count: number): Promise<PatternsSample> {
  lines ??= syntheticLines(count, RANGE);
  await new Promise((r) => setTimeout(r, 50));
  const stop = watchMainThread();
  const t0 = performance.now();
  const found = engine.find(lines, RANGE, new AbortController().signal);
  const syncMs = performance.now() - t0;
  const result = await found;
  const t1 = performance.now();
  const { longTasks, maxFrameGapMs } = await stop();
  const overlapping = longTasks.filter((e) => e.startTime + e.duration >= t0 && e.startTime <= t1);
  return {
    ms: t1 - t0,
    syncMs,
    longestTaskMs: Math.max(0, ...overlapping.map((e) => e.duration)),
    maxFrameGapMs,
    total: result.total,
    patterns: result.patterns.length,
    newTemplates: result.patterns.filter((p) => p.isNew).map((p) => p.template),
  };
}

/** A tail source at `perSecond` lines/s: every 50 ms, the lines due since the start (so a late timer catches up). */
function fakeTail(perSecond: number): LogsCapability & { received: () => number } {
  let sent = 0;
  return {
    language: 'logql',
    queryLogs: () => Promise.reject(new Error('bench: tail only')),
    received: () => sent,
    tail(_query, handlers, signal) {
      const r = seededRandom(7);
      const start = performance.now();
      const live = setTimeout(() => handlers.onStatus({ state: 'live', transport: 'websocket' }), 0);
      const timer = setInterval(() => {
        const due = Math.floor(((performance.now() - start) * perSecond) / 1000);
        const batch: LogLine[] = [];
        const now = Date.now();
        for (; sent < due; sent++) batch.push(syntheticLine(r, now, false));
        if (batch.length > 0) handlers.onLines(batch);
      }, 50);
      const close = (): void => {
        clearTimeout(live);
        clearInterval(timer);
      };
      signal.addEventListener('abort', close, { once: true });
      return { close };
    },
  };
}

const TAIL_QUERY = '{namespace="shop"}';
const NO_LINES: readonly LogLine[] = [];

/**
 * useLiveTail into the log explorer's list as LogsExplorer draws it with live tail on: its own useLogView (the
 * ring buffer newest first, dedup, the in-view filter, highlight terms from the query), the virtualized LogList
 * and the TailIndicator.
 */
function TailBench({ logs, report }: { logs: LogsCapability; report: (held: number, dropped: number, shown: number) => void }) {
  const tail = useLiveTail(logs, TAIL_QUERY, { enabled: true });
  const { deduped, shown, regexes } = useLogView({ queried: NO_LINES, tail: tail.lines, sort: 'newest', dedup: 'none', filterText: '', query: TAIL_QUERY, language: 'logql' });
  useEffect(() => report(tail.lines.length, tail.dropped, shown.length), [tail.lines, tail.dropped, shown.length, report]);
  return (
    <div className="logs-page">
      <TailIndicator
        status={tail.status}
        paused={tail.paused}
        linesPerSecond={tail.linesPerSecond}
        dropped={tail.dropped}
        capacity={DEFAULT_TAIL_CAPACITY}
        held={tail.lines.length}
        pending={tail.pending}
        onPause={tail.pause}
        onResume={tail.resume}
        error={tail.error}
      />
      <LogList
        lines={shown}
        wrap={false}
        timeZone="utc"
        regexes={regexes}
        prettyJson={false}
        folded={deduped.folded}
        selectedKey={undefined}
        onSelect={() => undefined}
      />
    </div>
  );
}

export interface TailSample {
  frames: number;
  longFrames: number;
  maxFrameMs: number;
  held: number;
  dropped: number;
  received: number;
  /** Lines the list was handed last (all held ones: nothing filters them). */
  listed: number;
  /** Rows of the list in the DOM at the end (the virtualized window). */
  rows: number;
}

/** Frames timed by requestAnimationFrame for `durationMs`; `longFrames` counts those over LONG_FRAME_MS. */
async function countFrames(durationMs: number): Promise<{ frames: number; longFrames: number; maxFrameMs: number }> {
  const times: number[] = [];
  await new Promise<void>((resolve) => {
    const end = performance.now() + durationMs;
    const frame = (t: number): void => {
      times.push(t);
      if (t < end) requestAnimationFrame(frame);
      else resolve();
    };
    requestAnimationFrame(frame);
  });
  let longFrames = 0;
  let maxFrameMs = 0;
  for (let i = 1; i < times.length; i++) {
    const d = times[i]! - times[i - 1]!;
    if (d > LONG_FRAME_MS) longFrames++;
    maxFrameMs = Math.max(maxFrameMs, d);
  }
  return { frames: times.length, longFrames, maxFrameMs };
}

/** The same frame count on this page with nothing running: what the machine's load alone costs. */
const idle = (durationMs: number) => countFrames(durationMs);

async function tail(durationMs: number, perSecond: number): Promise<TailSample> {
  const logs = fakeTail(perSecond);
  let held = 0;
  let dropped = 0;
  let listed = 0;
  const report = (h: number, d: number, s: number): void => {
    held = h;
    dropped = d;
    listed = s;
  };
  const root = createRoot(document.getElementById('root')!);
  root.render(
    <MemoryRouter>
      <TailBench logs={logs} report={report} />
    </MemoryRouter>,
  );
  const counted = await countFrames(durationMs);
  const rows = document.querySelectorAll('[data-testid="log-row"]').length;
  root.unmount();
  return { ...counted, held, dropped, received: logs.received(), listed, rows };
}

declare global {
  interface Window {
    logsBench: { patterns: typeof patterns; tail: typeof tail; idle: typeof idle };
  }
}
window.logsBench = { patterns, tail, idle };
