import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { toResult, type BenchResult } from '../results';
import { firstLine } from './sampling';

/** The DOM contract the UI implements: elements marked with a data-testid carry a data-state. */
export interface SettleSpec {
  testId: string;
  /** States that count as finished drawing. Anything else (loading, missing) means still busy. */
  doneStates: readonly string[];
}

export interface Settled {
  /** ms since the document's navigation start (performance.timeOrigin) at the first frame all were done. */
  atMs: number;
  /** How many elements were in each state at that frame. */
  states: Record<string, number>;
}

/**
 * Waits, checking once per animation frame, until at least one element exists and all are in a done
 * state; then confirms after a short pause that no further elements appeared (pages that mount rows
 * progressively would otherwise be caught half-drawn) and returns the time of the last such frame.
 */
export async function waitUntilSettled(page: Page, spec: SettleSpec, timeoutMs: number): Promise<Settled> {
  const deadline = Date.now() + timeoutMs;
  for (let round = 0; round < 5; round++) {
    const handle = await page.waitForFunction(
      ({ testId, doneStates }) => {
        const els = document.querySelectorAll(`[data-testid="${testId}"]`);
        if (els.length === 0) return false;
        const states: Record<string, number> = {};
        for (const el of els) {
          const s = el.getAttribute('data-state') ?? '(none)';
          if (!doneStates.includes(s)) return false;
          states[s] = (states[s] ?? 0) + 1;
        }
        return { atMs: performance.now(), states, count: els.length };
      },
      spec,
      { polling: 'raf', timeout: Math.max(1, deadline - Date.now()) },
    );
    const first = (await handle.jsonValue()) as Settled & { count: number };
    await page.waitForTimeout(300);
    const still = await page.evaluate(({ testId, doneStates }) => {
      const els = [...document.querySelectorAll(`[data-testid="${testId}"]`)];
      return { count: els.length, done: els.every((el) => doneStates.includes(el.getAttribute('data-state') ?? '')) };
    }, spec);
    if (still.count === first.count && still.done) return { atMs: first.atMs, states: first.states };
    if (Date.now() >= deadline) break;
  }
  throw new Error(`[data-testid="${spec.testId}"] kept changing; never settled within ${timeoutMs} ms`);
}

export interface MeasuredPage {
  context: BrowserContext;
  page: Page;
  /** A CDP session with the Performance domain enabled (busy time, heap, node and listener counts). */
  client: CDPSession;
}

/**
 * A fresh browser context at the bench viewport, opened on `path` with CDP performance metrics on, once
 * its marked elements have settled. The caller closes `context` (in a `finally`).
 */
export async function openSettledPage(
  browser: Browser,
  url: string,
  settle: SettleSpec,
  timeoutMs: number,
): Promise<MeasuredPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const client = await context.newCDPSession(page);
    await client.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    await waitUntilSettled(page, settle, timeoutMs);
    return { context, page, client };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Where to click a button with the real mouse (CDP input), so the press goes through the page's own handlers. */
export async function centreOf(page: Page, selector: string, timeoutMs: number): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).boundingBox({ timeout: timeoutMs });
  if (box === null) throw new Error(`${selector} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * One millisecond metric measured on a settled page (`openSettledPage`): `measure` returns the samples and adds
 * to the notes; an error anywhere ends it with no samples and the error's first line as a note. The context is
 * closed either way.
 */
export async function measureOnSettledPage(
  browser: Browser,
  url: string,
  spec: { name: string; budget: number; settle: SettleSpec; timeoutMs: number },
  measure: (opened: MeasuredPage, notes: string[]) => Promise<number[]>,
): Promise<BenchResult> {
  const notes: string[] = [];
  let context: BrowserContext | undefined;
  try {
    const opened = await openSettledPage(browser, url, spec.settle, spec.timeoutMs);
    context = opened.context;
    return toResult(spec.name, 'ms', spec.budget, await measure(opened, notes), notes);
  } catch (error) {
    notes.push(firstLine(error));
    return toResult(spec.name, 'ms', spec.budget, [], notes);
  } finally {
    await context?.close();
  }
}
