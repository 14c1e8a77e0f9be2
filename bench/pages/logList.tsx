/**
 * The log list benchmark's page (bench only: built by bench/pages/vite.config.ts into its own dist). It holds
 * 100,000 synthetic lines (built before timing: that is "the data arriving") and hands them to the same
 * pipeline the log explorer runs (sort, dedup, in-view filter, highlight terms, the virtualized LogList),
 * then tells the driver (bench/metrics/logList.ts) when each step has been painted.
 */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import '../../src/app/theme.css';
import type { LogLine } from '../../src/model/logs';
import { LogList } from '../../src/pages/logs/LogList';
import '../../src/pages/logs/logs.css';
import { syntheticLines } from '../../src/pages/logs/testing/lines';
import { useLogView } from '../../src/pages/logs/useLogView';

const QUERY = '{service_name=~".+"} |= "request"';
let setLines: ((lines: readonly LogLine[]) => void) | undefined;
let setTerm: ((term: string) => void) | undefined;
let pending: LogLine[] | undefined;

function Harness() {
  const [lines, setL] = useState<readonly LogLine[]>([]);
  const [term, setT] = useState('');
  useEffect(() => {
    setLines = setL;
    setTerm = setT;
  }, []);
  // What LogsExplorer does with the lines in hand: its own hook.
  const { deduped, shown, regexes } = useLogView({ queried: lines, sort: 'newest', dedup: 'none', filterText: term, query: QUERY, language: 'logql' });
  return (
    <div data-shown={shown.length} data-term={term}>
      <LogList lines={shown} wrap={false} timeZone="utc" regexes={regexes} prettyJson={false} folded={deduped.folded} selectedKey={undefined} onSelect={() => undefined} />
    </div>
  );
}

const root = createRoot(document.getElementById('root')!);
root.render(
  <MemoryRouter>
    <Harness />
  </MemoryRouter>,
);

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
/** A task queued from a frame callback runs after that frame's style, layout and paint. */
const afterPaint = () =>
  new Promise<void>((r) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => r();
    ch.port2.postMessage(null);
  });

/** ms from `act` until the first frame painted after it in which `done()` holds. */
async function untilPainted(act: () => void, done: () => boolean): Promise<number> {
  const t0 = performance.now();
  act();
  for (let i = 0; i < 600; i++) {
    await nextFrame();
    await afterPaint();
    if (done()) return performance.now() - t0;
  }
  throw new Error('never painted');
}

const rowCount = () => document.querySelectorAll('[data-testid="log-row"]').length;
const shownCount = () => Number(document.querySelector('[data-shown]')?.getAttribute('data-shown') ?? -1);

window.logListBench = {
  /** Builds the lines (not timed: the data has arrived). */
  prepare(count: number) {
    pending = syntheticLines(count, Date.UTC(2026, 11, 1, 12));
    return pending.length;
  },
  async mount() {
    const lines = pending!;
    return untilPainted(
      () => setLines!(lines),
      () => rowCount() > 0 && shownCount() === lines.length,
    );
  },
  async clear() {
    await untilPainted(
      () => {
        setTerm!('');
        setLines!([]);
      },
      () => rowCount() === 0,
    );
    pending = undefined;
  },
  /** One keystroke: the filter box now holds `term`. */
  async type(term: string) {
    return untilPainted(
      () => flushSync(() => setTerm!(term)),
      () => document.querySelector('[data-term]')?.getAttribute('data-term') === term,
    );
  },
  rows: () => rowCount(),
  shown: () => shownCount(),
  /**
   * Scrolls the list `px` per frame for `frames` frames. `intervals` are the gaps between successive frame
   * callbacks' timestamps (the frames' begin times, as the trace bench reads them): a frame whose work ran past
   * its vsync delays the next one by a whole frame. `afterScript` are the gaps between the moments each callback's
   * continuation ran: those also carry how long that frame's scroll handler took before the callbacks (the list
   * renders the new rows in the scroll event), so they jitter with that time even when no frame is missed.
   */
  async scroll(px: number, frames: number) {
    const el = document.querySelector<HTMLElement>('[data-testid="log-list"]')!;
    const intervals: number[] = [];
    const afterScript: number[] = [];
    let lastBegin = await new Promise<number>((r) => requestAnimationFrame(r));
    let lastNow = performance.now();
    for (let i = 0; i < frames; i++) {
      el.scrollTop += px;
      const begin = await new Promise<number>((r) => requestAnimationFrame(r));
      const now = performance.now();
      intervals.push(begin - lastBegin);
      afterScript.push(now - lastNow);
      lastBegin = begin;
      lastNow = now;
    }
    return { intervals, afterScript, scrollTop: el.scrollTop, rows: rowCount() };
  },
};

declare global {
  interface Window {
    logListBench: {
      prepare(count: number): number;
      mount(): Promise<number>;
      clear(): Promise<void>;
      type(term: string): Promise<number>;
      rows(): number;
      shown(): number;
      scroll(px: number, frames: number): Promise<{ intervals: number[]; afterScript: number[]; scrollTop: number; rows: number }>;
    };
  }
}
