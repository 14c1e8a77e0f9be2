/**
 * The chart benchmark's page (bench only: built by bench/pages/vite.config.ts into its own dist, never part
 * of the app's bundle). It mounts, updates and unmounts our time-series panel, exactly as the service
 * dashboard renders it, and uPlot, each in a fixed-size box, and tells the driver when each operation has
 * been painted. The driver (bench/metrics/chartRatio.ts) reads Chromium's main-thread time around it.
 */
import { createRoot, type Root } from 'react-dom/client';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import '../../src/app/theme.css';
import { seriesColor } from '../../src/lib/colors';
import type { PanelQueryState } from '../../src/panels/shared/types';
import { TimeSeriesPanel } from '../../src/panels/timeseries/TimeSeriesPanel';
import { chartDataSet, type ChartDataSet } from './chartData';

export type ChartKind = 'ours' | 'uplot';
/** `noop` changes nothing: it times the waiting and reading itself, which the driver subtracts. */
export type ChartOp = 'mount' | 'update' | 'unmount' | 'noop';

/** Both boxes are this wide; uPlot gets the plot width our panel measures inside its frame's padding. */
const BOX_WIDTH = 960;
const CHART_HEIGHT = 220;
/** A settled query, as the dashboard hands it to a panel once its data has arrived. */
const SETTLED: PanelQueryState = { loading: false, warnings: [], fetching: false };

const dataSets = new Map<number, ChartDataSet>();
function dataSet(index: number): ChartDataSet {
  let d = dataSets.get(index);
  if (!d) {
    d = chartDataSet(index);
    dataSets.set(index, d);
    // Sets are used in order (mount 2n, update 2n+1): older ones would only make the heap, and GC, grow.
    for (const key of dataSets.keys()) if (key < index - 2) dataSets.delete(key);
  }
  return d;
}

function box(kind: ChartKind): HTMLElement {
  const el = document.getElementById(kind)!;
  el.style.width = `${BOX_WIDTH}px`;
  return el;
}

let ourRoot: Root | undefined;
let plot: uPlot | undefined;
const noZoom = () => undefined;

function renderOurs(d: ChartDataSet): void {
  ourRoot ??= createRoot(box('ours'));
  // What SignalChart renders: title, unit, named series, a settled query state, the range, zoom, actions.
  ourRoot.render(
    <TimeSeriesPanel
      title="Bench: 10 series × 10 000 points"
      unit="reqps"
      series={d.series}
      query={SETTLED}
      range={d.range}
      onZoom={noZoom}
      actions={<a className="panel-action">Explore</a>}
    />,
  );
}

function uplotOptions(): uPlot.Options {
  // The width our panel's chart gets in the same box (box minus the panel frame's padding and border, to 8 px).
  const width = Math.floor((BOX_WIDTH - 18) / 8) * 8;
  return {
    width,
    height: CHART_HEIGHT,
    scales: { x: { time: true } },
    series: [{}, ...Array.from({ length: 10 }, (_, i) => ({ label: `series-${i}`, stroke: seriesColor(i), width: 1.5 }))],
  };
}

function apply(kind: ChartKind, op: ChartOp, index: number): void {
  if (op === 'noop') return;
  if (kind === 'ours') {
    if (op === 'unmount') {
      ourRoot?.unmount();
      ourRoot = undefined;
    } else renderOurs(dataSet(index));
    return;
  }
  if (op === 'mount') plot = new uPlot(uplotOptions(), dataSet(index).aligned, box('uplot'));
  else if (op === 'update') plot?.setData(dataSet(index).aligned);
  else {
    plot?.destroy();
    plot = undefined;
  }
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
/** A task queued from a frame callback runs after that frame's style, layout and paint. */
const afterPaint = () =>
  new Promise<void>((r) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => r();
    ch.port2.postMessage(null);
  });
const idle = () => new Promise<void>((r) => requestIdleCallback(() => r(), { timeout: 2000 }));

export interface OpTiming {
  /** ms from the operation's start to just after the paint of the last frame that changed the DOM. */
  paintedMs: number;
  /** Frames it took (the DOM changed in each). */
  frames: number;
}

/**
 * Runs one operation and waits until it has finished drawing: after each frame's paint, wait for the main
 * thread to go idle (React's scheduler and Recharts' follow-up renders keep it busy until they are done);
 * the operation is done once two such rounds pass with no DOM mutation in the box. The first frame always
 * counts, since a canvas redraw changes no DOM.
 */
async function run(kind: ChartKind, op: ChartOp, index: number): Promise<OpTiming> {
  dataSet(index);
  let mutations = 0;
  const observer = new MutationObserver((records) => {
    mutations += records.length;
  });
  observer.observe(box(kind), { subtree: true, childList: true, attributes: true, characterData: true });
  const t0 = performance.now();
  apply(kind, op, index);
  let seen = -1;
  let paintedAt = t0;
  let frames = 0;
  for (let quiet = 0; quiet < 2; ) {
    await nextFrame();
    await afterPaint();
    const t = performance.now();
    if (frames === 0 || mutations !== seen) {
      seen = mutations;
      paintedAt = t;
      frames++;
      quiet = 0;
    } else quiet++;
    await idle();
  }
  observer.disconnect();
  return { paintedMs: paintedAt - t0, frames };
}

/** What our panel drew, so the driver can tell a real chart from an empty frame. */
function drawn(kind: ChartKind): { lines: number; state: string | null } {
  const el = box(kind);
  if (kind === 'uplot') return { lines: plot?.series.length ? plot.series.length - 1 : 0, state: plot ? 'ready' : null };
  return {
    lines: el.querySelectorAll('.recharts-line').length,
    state: el.querySelector('[data-testid="panel"]')?.getAttribute('data-state') ?? null,
  };
}

declare global {
  interface Window {
    chartBench: { prepare(index: number): void; run: typeof run; drawn: typeof drawn };
  }
}
window.chartBench = { prepare: (i) => void dataSet(i), run, drawn };
