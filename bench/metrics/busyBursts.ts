/** A reading of Chromium's cumulative main-thread task time (CDP Performance.getMetrics `TaskDuration`). */
export interface BusyTick {
  /** Monotonic wall time, ms. */
  atMs: number;
  /** Cumulative main-thread busy time, ms. */
  busyMs: number;
}

export interface BusyBurst {
  startMs: number;
  endMs: number;
  /** Busy time inside the burst minus the idle baseline over the same span. */
  busyMs: number;
}

export interface BurstOptions {
  /** An interval counts as active when busy/wall exceeds this (0.1 = 10 % of the main thread). */
  activeRatio: number;
  /** Active intervals closer than this belong to the same burst (one refresh awaits several queries). */
  mergeGapMs: number;
}

/**
 * Splits a series of cumulative busy-time readings into bursts of main-thread work separated by quiet
 * periods. The idle baseline (timers, the sampling itself) is the median busy ratio of quiet intervals
 * and is subtracted from each burst. Bursts touching the first or last interval are dropped, since
 * they may be cut off by the observation window.
 */
export function findBusyBursts(ticks: readonly BusyTick[], options: BurstOptions): BusyBurst[] {
  const intervals: Array<{ start: number; end: number; busy: number; active: boolean }> = [];
  for (let i = 1; i < ticks.length; i++) {
    const prev = ticks[i - 1]!;
    const cur = ticks[i]!;
    const wall = cur.atMs - prev.atMs;
    if (wall <= 0) continue;
    const busy = Math.max(0, cur.busyMs - prev.busyMs);
    intervals.push({ start: prev.atMs, end: cur.atMs, busy, active: busy / wall > options.activeRatio });
  }
  const quietRatios = intervals.filter((iv) => !iv.active).map((iv) => iv.busy / (iv.end - iv.start));
  quietRatios.sort((a, b) => a - b);
  const baseline = quietRatios.length > 0 ? quietRatios[Math.floor(quietRatios.length / 2)]! : 0;

  const groups: Array<{ first: number; last: number }> = [];
  intervals.forEach((iv, index) => {
    if (!iv.active) return;
    const open = groups.at(-1);
    if (open && iv.start - intervals[open.last]!.end <= options.mergeGapMs) open.last = index;
    else groups.push({ first: index, last: index });
  });

  const bursts: BusyBurst[] = [];
  for (const { first, last } of groups) {
    if (first === 0 || last === intervals.length - 1) continue;
    let busy = 0;
    for (let i = first; i <= last; i++) busy += intervals[i]!.busy;
    const startMs = intervals[first]!.start;
    const endMs = intervals[last]!.end;
    bursts.push({ startMs, endMs, busyMs: Math.max(0, busy - baseline * (endMs - startMs)) });
  }
  return bursts;
}

/**
 * Splits bursts into those a known trigger started (beginning within `withinMs` after one, at most one
 * per trigger) and the rest (timers, GC, cache clean-up that happen to fall in the window).
 */
export function burstsAfterTriggers(
  bursts: readonly BusyBurst[],
  triggerMs: readonly number[],
  withinMs: number,
): { triggered: BusyBurst[]; other: BusyBurst[] } {
  const triggered: BusyBurst[] = [];
  const other: BusyBurst[] = [];
  const used = new Set<number>();
  for (const burst of bursts) {
    const index = triggerMs.findIndex((t, i) => !used.has(i) && burst.startMs >= t - 50 && burst.startMs <= t + withinMs);
    if (index < 0) {
      other.push(burst);
    } else {
      used.add(index);
      triggered.push(burst);
    }
  }
  return { triggered, other };
}
