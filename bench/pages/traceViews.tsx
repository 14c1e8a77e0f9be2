/**
 * The trace-view benchmarks' page (bench only: built by bench/pages/traceViews.vite.config.ts, never part of the
 * app's bundle). It renders the trace page's TraceView, exactly as /traces/:traceId does once the trace has
 * arrived, on a synthetic 10,000-span trace built before anything is timed, and tells the driver
 * (bench/metrics/traceViews.ts) how long a tab switch takes until the new view is painted.
 */
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import '../../src/app/theme.css';
import '../../src/pages/traces/traceView.css';
import { TraceView } from '../../src/pages/traces/TraceView';
import { SYNTHETIC_TRACE_ID, syntheticTrace } from '../traceGen.views';

export type BenchView = 'flame' | 'summary' | 'graph' | 'waterfall';

const SPAN_COUNT = Number(new URLSearchParams(location.search).get('spans') ?? 10_000);
const trace = syntheticTrace({ spanCount: SPAN_COUNT, services: 30, maxDepth: 25, seed: 1 });

/** What each view marks once it has drawn: the flame graph after its canvas pass, the others when rendered. */
const READY: Record<BenchView, string> = {
  flame: '[data-testid="flame-graph"][data-state="ready"]',
  summary: '[data-testid="trace-summary"][data-state="ready"]',
  graph: '[data-testid="trace-graph"][data-state="ready"]',
  waterfall: '[data-testid="span-row"]',
};
const TAB: Record<BenchView, string> = { flame: 'Flame graph', summary: 'Summary', graph: 'Service graph', waterfall: 'Waterfall' };

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
/** A task queued from a frame callback runs after that frame's style, layout and paint. */
const afterPaint = () =>
  new Promise<void>((r) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => r();
    ch.port2.postMessage(null);
  });

export interface SwitchTiming {
  /** ms from the tab's click to just after the paint of the frame that first showed the view drawn. */
  paintedMs: number;
  /** What the view drew, so the driver can tell a real view from an empty frame. */
  drawn: string;
}

async function switchTo(view: BenchView, timeoutMs: number): Promise<SwitchTiming> {
  const tab = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((b) => b.textContent === TAB[view]);
  if (!tab) throw new Error(`no ${TAB[view]} tab`);
  const t0 = performance.now();
  tab.click();
  for (;;) {
    await nextFrame();
    const ready = document.querySelector<HTMLElement>(READY[view]);
    if (ready) {
      await afterPaint();
      return { paintedMs: performance.now() - t0, drawn: describe(view) };
    }
    if (performance.now() - t0 > timeoutMs) throw new Error(`${view} not drawn after ${timeoutMs} ms`);
  }
}

function describe(view: BenchView): string {
  if (view === 'flame') {
    const canvas = document.querySelector<HTMLCanvasElement>('.flame-canvas');
    return `${canvas?.dataset.boxes ?? 0} boxes on ${document.querySelector<HTMLElement>('[data-testid="flame-graph"]')?.dataset.levels} levels`;
  }
  if (view === 'summary') return `${document.querySelectorAll('[data-testid="summary-row"]').length} rows`;
  if (view === 'graph') {
    const labelled = document.querySelectorAll('[data-testid="graph-edge"]').length;
    return `${document.querySelectorAll('[data-testid="graph-node"]').length} nodes, ${labelled} labelled edges${document.querySelector('[data-testid="graph-minor-edges"]') ? ' and the rest as one path' : ''}`;
  }
  return `${document.querySelectorAll('[data-testid="span-row"]').length} rows`;
}

declare global {
  interface Window {
    traceViewsBench: { spanCount: number; switchTo: typeof switchTo };
  }
}

createRoot(document.getElementById('root')!).render(
  <MemoryRouter initialEntries={[`/traces/${SYNTHETIC_TRACE_ID}`]}>
    <div className="trace-page">
      <TraceView trace={trace} sourceName="Synthetic (bench)" />
    </div>
  </MemoryRouter>,
);
window.traceViewsBench = { spanCount: trace.spans.length, switchTo };
