/**
 * The trace waterfall benchmark's page (bench only: built by bench/pages/vite.config.ts into its own dist, never
 * part of the app's bundle). It parses a synthetic Jaeger trace with the real adapter, hands the `Trace` to the
 * real TraceView (as TracePage does once the answer is in), and tells the driver (bench/metrics/traceWaterfall.ts)
 * when rows are painted, how long expand-all and each scrolled frame took, and what the critical path costs.
 */
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import '../../src/app/theme.css';
import '../../src/pages/traces/traceView.css';
import { parseV1Trace } from '../../src/datasources/jaeger';
import { shapeReaders } from '../../src/datasources/shared/shape';
import { criticalPath } from '../../src/model/criticalPath';
import type { Trace } from '../../src/model/trace';
import { buildTraceTree } from '../../src/model/traceTree';
import { TraceView } from '../../src/pages/traces/TraceView';
import { syntheticJaegerTrace } from '../traceData';

let text: string | undefined;
let trace: Trace | undefined;
let root: Root | undefined;

const nextFrame = () => new Promise<number>((r) => requestAnimationFrame((t) => r(t)));
/** A task queued from a frame callback runs after that frame's style, layout and paint. */
const afterPaint = () =>
  new Promise<void>((r) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => r();
    ch.port2.postMessage(null);
  });

const grid = () => document.querySelector<HTMLElement>('[role="treegrid"]');
const shownRows = () => document.querySelectorAll('[data-testid="span-row"]').length;
const scroller = () => document.querySelector<HTMLElement>('[data-testid="waterfall-scroll"]');

/**
 * Waits until `done()` holds at the start of a frame (so that frame paints it) and returns the time just after
 * that frame's paint. Checked in the frame callback, not after it: React may commit in a task between the paint
 * and our check, and that commit is not painted yet. Bounded: gives up after `maxMs`.
 */
async function paintedWhen(done: () => boolean, maxMs = 25_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    let ready = false;
    await new Promise<void>((r) =>
      requestAnimationFrame(() => {
        ready = done();
        r();
      }),
    );
    await afterPaint();
    if (ready) return performance.now();
    if (performance.now() - started > maxMs) throw new Error(`not painted within ${maxMs} ms`);
  }
}

/** Builds the Jaeger JSON text of an `count`-span trace (not timed): what a server would send. */
function prepare(count: number): { bytes: number } {
  trace = undefined;
  text = JSON.stringify(syntheticJaegerTrace(count));
  return { bytes: text.length };
}

/** JSON text → `Trace` through the real Jaeger v1 parser; the text is dropped after, as a fetch's body is. */
function parse(): { parseMs: number; spans: number } {
  if (text === undefined) throw new Error('prepare first');
  const t0 = performance.now();
  const body = JSON.parse(text) as { data: unknown[] };
  trace = parseV1Trace(body.data[0], 'data[0]', shapeReaders('Jaeger'));
  const parseMs = performance.now() - t0;
  text = undefined;
  return { parseMs, spans: trace.spans.length };
}

/** Hands the parsed trace to the view and resolves once its first rows are painted. */
async function mount(): Promise<{ ms: number; rows: number; rowCount: number }> {
  if (trace === undefined) throw new Error('parse first');
  const shown = trace;
  root ??= createRoot(document.getElementById('trace')!);
  const t0 = performance.now();
  root.render(
    <MemoryRouter initialEntries={[`/traces/${shown.traceId}`]}>
      <TraceView trace={shown} sourceName="Bench" />
    </MemoryRouter>,
  );
  const at = await paintedWhen(() => shownRows() > 0);
  return { ms: at - t0, rows: shownRows(), rowCount: Number(grid()?.getAttribute('aria-rowcount') ?? 0) };
}

function unmount(): void {
  root?.unmount();
  root = undefined;
  trace = undefined;
}

function press(key: string): void {
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

const rowCount = () => Number(grid()?.getAttribute('aria-rowcount') ?? -1);

/** `[` (collapse all), waits until painted; then times `]` (expand all) until all rows are listed and painted. */
async function expandAll(): Promise<{ ms: number; collapsedRows: number; expandedRows: number }> {
  press('[');
  await paintedWhen(() => rowCount() < (trace?.spans.length ?? 0));
  const collapsedRows = rowCount();
  const want = trace!.spans.length;
  const t0 = performance.now();
  press(']');
  const at = await paintedWhen(() => rowCount() >= want && shownRows() > 0);
  return { ms: at - t0, collapsedRows, expandedRows: rowCount() };
}

/**
 * Scrolls the waterfall from top to bottom, `stepPx` per frame (set in the frame callback, so each frame
 * draws one step), and returns every frame's duration (the gap between successive frame callbacks) and
 * how far it got. Bounded by `maxFrames`.
 */
async function scroll(stepPx: number, maxFrames: number): Promise<{ frames: number[]; reachedEnd: boolean; lastKey: string | null }> {
  const el = scroller();
  if (el === null) throw new Error('no waterfall');
  el.scrollTop = 0;
  await paintedWhen(() => true);
  const frames: number[] = [];
  let last = await nextFrame();
  const end = el.scrollHeight - el.clientHeight;
  for (let k = 0; k < maxFrames; k++) {
    const t = await new Promise<number>((r) =>
      requestAnimationFrame((now) => {
        el.scrollTop = Math.min(end, el.scrollTop + stepPx);
        r(now);
      }),
    );
    frames.push(t - last);
    last = t;
    if (el.scrollTop >= end) break;
  }
  // One more frame so the last step is drawn, and its gap counted.
  frames.push((await nextFrame()) - last);
  await afterPaint();
  const rows = document.querySelectorAll<HTMLElement>('[data-testid="span-row"]');
  return { frames: frames.slice(1), reachedEnd: el.scrollTop >= end - 1, lastKey: rows.length > 0 ? rows[rows.length - 1]!.dataset.key ?? null : null };
}

/** The critical path over the parsed trace's tree (built first, not timed), `runs` times; each run's ms. */
function criticalPathRuns(runs: number): { ms: number[]; segments: number } {
  if (trace === undefined) throw new Error('parse first');
  const tree = buildTraceTree(trace);
  const ms: number[] = [];
  let segments = 0;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    segments = criticalPath(tree, 0).length;
    ms.push(performance.now() - t0);
  }
  return { ms, segments };
}

/** So a task the driver starts right after a run cannot be charged to it. */
function settle(): Promise<void> {
  return new Promise((r) => requestIdleCallback(() => r(), { timeout: 2000 }));
}

declare global {
  interface Window {
    traceBench: {
      prepare: typeof prepare;
      parse: typeof parse;
      mount: typeof mount;
      unmount: typeof unmount;
      expandAll: typeof expandAll;
      scroll: typeof scroll;
      criticalPathRuns: typeof criticalPathRuns;
      settle: typeof settle;
    };
  }
}
window.traceBench = { prepare, parse, mount, unmount, expandAll, scroll, criticalPathRuns, settle };
