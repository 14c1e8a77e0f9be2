import type { RangeCallNode } from '../ast';
import { dropMetricName, labelsKey } from '../labels';
import { executionError } from '../errors';
import type { SampleBlock } from '../../source';
import { fetchSelector } from './selectors';
import { newStepSeries, stepTime, type EvalContext, type StepSeries } from './types';
import { WINDOW_FUNCTIONS, type Window } from './windowFunctions';

/**
 * A range function over a matrix selector at every step. The window [ts-range, ts] (closed on both
 * ends in 2.x) slides forward with two pointers per series, so each sample is visited once for
 * the bounds and once per window it falls in.
 */
export function evalRangeCall(ctx: EvalContext, node: RangeCallNode): StepSeries[] {
  if (ctx.windows === undefined) return computeRangeCall(ctx, node);
  const { selector, rangeMs } = node.arg;
  const { startMs, stepMs, count } = ctx.grid;
  const matchers = selector.matchers.map((m) => `${m.name}\xff${m.type}\xff${m.value}`).sort();
  const key = JSON.stringify([node.func, rangeMs, selector.offsetMs, startMs, stepMs, count, matchers]);
  return ctx.windows.get(key, () => computeRangeCall(ctx, node));
}

function computeRangeCall(ctx: EvalContext, node: RangeCallNode): StepSeries[] {
  const { selector, rangeMs } = node.arg;
  const keepName = node.func === 'last_over_time';
  const out: StepSeries[] = [];
  // A source may hand several series the same block (the demo's copies of one service): their windows are
  // the same numbers, worked out once. Step series are never written after they are built, so they can share.
  const byBlock = new Map<SampleBlock, Pick<StepSeries, 'values' | 'present'> | null>();
  for (const { series, block } of fetchSelector(ctx, selector, rangeMs)) {
    let steps = byBlock.get(block);
    if (steps === undefined) {
      steps = windowSteps(ctx, node, block);
      byBlock.set(block, steps);
    }
    if (steps !== null) out.push({ labels: keepName ? series.labels : dropMetricName(series.labels), ...steps });
  }
  // Prometheus checks the whole matrix: two inputs differing only in __name__ collide.
  const seen = new Set<string>();
  for (const s of out) {
    const key = labelsKey(s.labels);
    if (seen.has(key)) throw executionError('vector cannot contain metrics with the same labelset');
    seen.add(key);
  }
  return out;
}

/** The function's value at every step over one series' samples; null when no step has one. */
function windowSteps({ grid }: EvalContext, node: RangeCallNode, block: SampleBlock): Pick<StepSeries, 'values' | 'present'> | null {
  const fn = WINDOW_FUNCTIONS[node.func];
  const { selector, rangeMs } = node.arg;
  const result = newStepSeries({}, grid.count);
  const window: Window = { times: block.timesMs, values: block.values, lo: 0, hi: 0, rangeEndMs: 0, rangeMs };
  const n = block.timesMs.length;
  let any = false;
  for (let i = 0; i < grid.count; i++) {
    const rangeEnd = stepTime(grid, i) - selector.offsetMs;
    const rangeStart = rangeEnd - rangeMs;
    while (window.hi < n && (block.timesMs[window.hi] as number) <= rangeEnd) window.hi++;
    while (window.lo < window.hi && (block.timesMs[window.lo] as number) < rangeStart) window.lo++;
    if (window.hi === window.lo) continue;
    window.rangeEndMs = rangeEnd;
    const v = fn(window);
    if (v === null) continue;
    result.values[i] = v;
    result.present[i] = 1;
    any = true;
  }
  return any ? { values: result.values, present: result.present } : null;
}
