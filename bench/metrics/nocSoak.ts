import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { toResult, type BenchResult } from '../results';
import { firstLine } from './sampling';

/**
 * The NOC soak: the wall board at a 1 s refresh for 2,000 refreshes, with forced-GC readings of the JS heap,
 * DOM nodes and JS event listeners at refresh 200 and at refresh 2,000. At a real 1 s that is 33 minutes, so
 * the page runs on Playwright's fake clock (`page.clock`): the bench advances the page's time to the board's
 * next refresh and waits, in real time, until that cycle has settled (the demo worker answered every query,
 * React committed the answers) before advancing again. The queries, the worker's PromQL evaluation, React and
 * the browser's GC are all real; only the waits between refreshes are skipped.
 */
export interface SoakSpec {
  /** Metric name prefix: `<prefix>.heap_growth_mb`, `.dom_nodes_growth`, `.listeners_growth`. */
  prefix: string;
  /** `/noc?refresh=1s…`, optionally with a playlist. */
  path: string;
  refreshMs: number;
  /** Refreshes counted from the page; the readings are taken at `firstReadingAt` and at `refreshes`. */
  refreshes: number;
  firstReadingAt: number;
  /** Also read the heap (forced GC) every this many refreshes, for the note: the shape of any growth. */
  checkpointEvery: number;
  budgets: { heapMb: number; nodes: number; listeners: number };
  /** Page time advanced per step while nothing is in flight (how finely the next refresh is found). */
  chunkMs: number;
  /** Real-time bound of one refresh step, and of the whole soak. */
  stepBudgetMs: number;
  runBudgetMs: number;
  timeoutMs: number;
}

interface Reading {
  refreshes: number;
  usedBytes: number;
  nodes: number;
  listeners: number;
  pageMs: number;
}

/** What the page shows after a step: which screen, whether anything is in flight, and its evidence of a finished cycle. */
interface Observed {
  screen: 'board' | 'dashboard' | 'none';
  busy: boolean;
  /** Board: the oldest tile's `data-as-of` (each tile shows when its data last changed). */
  asOf: number;
  /** Dashboard: how many times a panel has finished a fetch (its `aria-busy` went away), counted by an observer in the page. */
  panelEnds: number;
  /** The page's (fake) `performance.now()`. */
  pageMs: number;
}

export interface SoakOutcome {
  heapMb?: number;
  nodes?: number;
  listeners?: number;
  notes: string[];
}

/**
 * Runs in the page before the app: counts panels finishing a fetch. A few numbers, so the bench's own probe
 * cannot be what grows.
 */
function installProbe(): void {
  const probe = { panelEnds: 0 };
  (window as unknown as { __nocSoak: typeof probe }).__nocSoak = probe;
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target as Element;
      if (r.oldValue === 'true' && el.getAttribute('aria-busy') !== 'true' && el.getAttribute('data-testid') === 'panel') probe.panelEnds++;
    }
  });
  // Init scripts run before the document's first element exists; the observer starts on the document node.
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-busy'], attributeOldValue: true });
}

async function readAfterGc(client: CDPSession, refreshes: number, pageMs: number): Promise<Reading> {
  // Twice: objects kept only by finalizers or weak structures go in the second pass.
  await client.send('HeapProfiler.collectGarbage');
  await client.send('HeapProfiler.collectGarbage');
  const { usedSize } = await client.send('Runtime.getHeapUsage');
  const { metrics } = await client.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { refreshes, usedBytes: usedSize, nodes: value('Nodes'), listeners: value('JSEventListeners'), pageMs };
}

interface StepArgs {
  before: Observed;
  refreshMs: number;
  chunkMs: number;
  budgetMs: number;
}

type StepOutcome = { ok: true; seen: Observed } | { ok: false; why: string };

/**
 * One refresh, run inside the page (one CDP round trip per refresh): advance the page's clock in chunks while
 * nothing is in flight (the board's own timer fires the refresh when its second is up; the fake clock runs it
 * and every other timer due on the way), and by 1 ms while something is (TanStack Query hands answers to React
 * in a `setTimeout(0)`, which under a paused fake clock runs only when the clock moves), yielding 1 ms of real
 * time each round so the demo worker's answers come in, until a new cycle has settled: nothing in flight and
 * the shown screen has newer data than before. Bounded in real time and in page time.
 *
 * It calls the controller that Playwright's `page.clock` installs in the page (`__pwClock.controller`)
 * directly: the public `page.clock.runFor` also adds an init script per call (to replay the clock after a
 * navigation), which costs tens of ms and would pile up ~30,000 scripts over a soak. Same clock, same timers.
 */
async function refreshInPage({ before, refreshMs, chunkMs, budgetMs }: StepArgs): Promise<StepOutcome> {
  interface PwClock {
    controller: { runFor(ms: number): Promise<void> };
    builtins: { setTimeout: typeof setTimeout; performance: Performance };
  }
  const pw = (globalThis as unknown as { __pwClock?: PwClock }).__pwClock;
  if (typeof pw?.controller?.runFor !== 'function' || typeof pw.builtins?.setTimeout !== 'function') return { ok: false, why: "Playwright's in-page clock controller (__pwClock) not found" };
  // No named inner functions here: tsx would wrap them in a `__name` helper the page does not have.
  const real = pw.builtins.performance;
  const deadline = real.now() + budgetMs;
  let pageAdvancedMs = 0;
  for (;;) {
    const panelEnds = (window as unknown as { __nocSoak?: { panelEnds: number } }).__nocSoak?.panelEnds ?? 0;
    let now: Observed = { screen: 'none', busy: true, asOf: NaN, panelEnds, pageMs: performance.now() };
    const grid = document.querySelector('[data-testid="noc-grid"]');
    const screen = document.querySelector('[data-testid="noc-screen"]');
    if (grid) {
      const tiles = grid.querySelectorAll('[data-testid="noc-tile"]');
      let asOf = tiles.length === 0 ? NaN : Infinity;
      for (const t of tiles) asOf = Math.min(asOf, Number(t.getAttribute('data-as-of') ?? NaN));
      now = { ...now, screen: 'board', busy: grid.getAttribute('aria-busy') === 'true' || tiles.length === 0, asOf: Number.isFinite(asOf) ? asOf : NaN };
    } else if (screen) {
      const panels = screen.querySelectorAll('[data-testid="panel"]');
      let busy = panels.length === 0;
      for (const p of panels) {
        const state = p.getAttribute('data-state');
        if (p.getAttribute('aria-busy') === 'true' || (state !== 'ready' && state !== 'empty' && state !== 'error')) busy = true;
      }
      now = { ...now, screen: 'dashboard', busy };
    }
    // Settled and newer: the board's tiles show a later "data as of" (or, a board shown again after a dashboard,
    // any data); a dashboard's panels have finished a fetch since the step began.
    const newCycle =
      !now.busy &&
      ((now.screen === 'board' && (now.asOf > before.asOf || (before.screen !== 'board' && Number.isFinite(now.asOf)))) ||
        (now.screen === 'dashboard' && now.panelEnds > before.panelEnds));
    if (newCycle) return { ok: true, seen: now };
    if (real.now() > deadline) return { ok: false, why: `a refresh did not settle within ${budgetMs / 1000} s (screen ${now.screen}, busy ${now.busy})` };
    if (pageAdvancedMs > 4 * refreshMs && !now.busy) return { ok: false, why: `no refresh in ${pageAdvancedMs} ms of page time` };
    const ms = now.busy ? 1 : chunkMs;
    await pw.controller.runFor(ms);
    pageAdvancedMs += ms;
    await new Promise((r) => pw.builtins.setTimeout(r, 1));
  }
}

async function refreshOnce(page: Page, before: Observed, spec: SoakSpec): Promise<Observed> {
  const outcome = await page.evaluate(refreshInPage, { before, refreshMs: spec.refreshMs, chunkMs: spec.chunkMs, budgetMs: spec.stepBudgetMs });
  if (!outcome.ok) throw new Error(outcome.why);
  return outcome.seen;
}

async function soakOnce(browser: Browser, baseUrl: string, spec: SoakSpec): Promise<SoakOutcome> {
  const notes: string[] = [];
  let context: BrowserContext | undefined;
  try {
    context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.clock.install();
    await page.addInitScript(installProbe);
    const client = await context.newCDPSession(page);
    await client.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.goto(`${baseUrl}${spec.path}`, { waitUntil: 'commit', timeout: spec.timeoutMs });
    // The first load in natural time (the clock follows the real one until paused), then the clock stops
    // (2 s on: enough for the CDP round trip, so the pause is never in the page's past).
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="noc-tile"][data-as-of]').length > 0, undefined, { timeout: spec.timeoutMs, polling: 100 });
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 2000));

    const started = Date.now();
    // The cycle in flight when the clock stopped, settled: the starting point.
    let last = await refreshOnce(page, { screen: 'none', busy: true, asOf: -Infinity, panelEnds: -1, pageMs: 0 }, spec);
    let refreshes = 0;
    let boardRefreshes = 0;
    let first: Reading | undefined;
    let end: Reading | undefined;
    const checkpoints: Reading[] = [];
    const firstPageMs = last.pageMs;
    while (end === undefined) {
      if (Date.now() - started > spec.runBudgetMs) {
        notes.push(`stopped at ${refreshes} refreshes (run bound ${spec.runBudgetMs / 60_000} min)`);
        break;
      }
      last = await refreshOnce(page, last, spec);
      refreshes++;
      if (last.screen === 'board') boardRefreshes++;
      // Readings on the board screen only (a playlist may be showing a dashboard at the count), so both see the same page.
      if (last.screen !== 'board') continue;
      if (first === undefined && refreshes >= spec.firstReadingAt) first = await readAfterGc(client, refreshes, last.pageMs);
      else if (first !== undefined && refreshes >= spec.refreshes) end = await readAfterGc(client, refreshes, last.pageMs);
      else if (first !== undefined && refreshes >= first.refreshes + (checkpoints.length + 1) * spec.checkpointEvery) {
        checkpoints.push(await readAfterGc(client, refreshes, last.pageMs));
      }
    }
    const realS = (Date.now() - started) / 1000;
    const mb = (b: number) => (b / 1e6).toFixed(2);
    notes.push(
      `${refreshes} refreshes (${boardRefreshes} on the board) in ${realS.toFixed(0)} s real, ${((last.pageMs - firstPageMs) / 1000).toFixed(0)} s page time ` +
        `(${((last.pageMs - firstPageMs) / Math.max(1, refreshes)).toFixed(0)} ms a refresh)`,
    );
    // Every checkpoint in full (heap, nodes, listeners), so a soak stopped by its bound still shows the shape of
    // any growth; its figures stay empty, since they are defined at refresh 2,000.
    if (checkpoints.length > 0) notes.push(`at ${checkpoints.map((c) => `${c.refreshes}: ${mb(c.usedBytes)} MB/${c.nodes} nodes/${c.listeners} listeners`).join(', ')}`);
    if (first !== undefined && end === undefined && checkpoints.length > 0) {
      const at = checkpoints[checkpoints.length - 1]!;
      notes.push(
        `partial, not a figure: refresh ${first.refreshes} → ${at.refreshes}: ${(at.usedBytes - first.usedBytes) / 1e6 >= 0 ? '+' : ''}${mb(at.usedBytes - first.usedBytes)} MB, ` +
          `${at.nodes - first.nodes} nodes, ${at.listeners - first.listeners} listeners`,
      );
    }
    if (first === undefined || end === undefined) return { notes };
    notes.push(
      `at ${first.refreshes}: ${mb(first.usedBytes)} MB, ${first.nodes} nodes, ${first.listeners} listeners; ` +
        `at ${end.refreshes}: ${mb(end.usedBytes)} MB, ${end.nodes} nodes, ${end.listeners} listeners`,
    );
    return { heapMb: (end.usedBytes - first.usedBytes) / 1e6, nodes: end.nodes - first.nodes, listeners: end.listeners - first.listeners, notes };
  } catch (error) {
    notes.push(firstLine(error));
    return { notes };
  } finally {
    await context?.close();
  }
}

/** The three figures of one soak spec, one sample per run (runs side by side, each in its own browser context). */
export async function measureSoak(browser: Browser, baseUrl: string, spec: SoakSpec, samples: number): Promise<BenchResult[]> {
  const outcomes = await Promise.all(Array.from({ length: samples }, () => soakOnce(browser, baseUrl, spec)));
  const notes = outcomes.map((o, i) => `#${i + 1}: ${o.notes.join(', ')}`);
  const pick = (f: (o: SoakOutcome) => number | undefined) => outcomes.flatMap((o) => (f(o) === undefined ? [] : [f(o)!]));
  return [
    toResult(`${spec.prefix}.heap_growth_mb`, 'MB', spec.budgets.heapMb, pick((o) => o.heapMb), notes),
    toResult(`${spec.prefix}.dom_nodes_growth`, 'nodes', spec.budgets.nodes, pick((o) => o.nodes), notes),
    toResult(`${spec.prefix}.listeners_growth`, 'listeners', spec.budgets.listeners, pick((o) => o.listeners), notes),
  ];
}
