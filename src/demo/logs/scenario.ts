import type { BatchRun } from './batchLines';

/** The demo's log scenarios, asked for at boot (`?demo.logburst=100000&demo.tailrate=2000&demo.maxEntries=100000`). */
export interface DemoLogScenario {
  /** This many `batch` lines in the minute before boot: the list benchmarks' 100,000 lines. */
  burstLines?: number;
  /** `batch` lines per second from boot on, for the tail benchmark. */
  tailRate?: number;
  /** Loki's `max_entries_limit_per_query` (default 5000), raised so one query can fetch the whole burst. */
  maxEntries?: number;
}

const MINUTE_MS = 60_000;
/** A steady run lasts a day from boot, far longer than any tail. */
const STEADY_RUN_MS = 24 * 3_600_000;
/** A crafted URL must not make the demo write forever: at most this many lines in the burst, per second in a run. */
export const MAX_BURST_LINES = 1_000_000;
export const MAX_TAIL_RATE = 20_000;

/** The batch runs a scenario asks for, anchored at boot. */
export function batchRunsFor(scenario: DemoLogScenario | undefined, anchorMs: number): BatchRun[] {
  const runs: BatchRun[] = [];
  const burst = Math.min(scenario?.burstLines ?? 0, MAX_BURST_LINES);
  if (burst > 0) runs.push({ startMs: Math.floor(anchorMs / MINUTE_MS) * MINUTE_MS - MINUTE_MS, durationMs: MINUTE_MS, lines: burst });
  const rate = Math.min(scenario?.tailRate ?? 0, MAX_TAIL_RATE);
  if (rate > 0) runs.push({ startMs: Math.floor(anchorMs), durationMs: STEADY_RUN_MS, lines: Math.round((rate * STEADY_RUN_MS) / 1000) });
  return runs;
}

/** The scenario in the URL the app boots with; junk values are ignored. */
export function logScenarioFromUrl(search: string): DemoLogScenario | undefined {
  const params = new URLSearchParams(search);
  const read = (name: string): number | undefined => {
    const raw = params.get(name);
    return raw !== null && /^\d{1,7}$/.test(raw) ? Number(raw) : undefined;
  };
  const scenario: DemoLogScenario = {};
  const burst = read('demo.logburst');
  const rate = read('demo.tailrate');
  const max = read('demo.maxEntries');
  if (burst !== undefined) scenario.burstLines = burst;
  if (rate !== undefined) scenario.tailRate = rate;
  if (max !== undefined && max > 0) scenario.maxEntries = max;
  return Object.keys(scenario).length > 0 ? scenario : undefined;
}
