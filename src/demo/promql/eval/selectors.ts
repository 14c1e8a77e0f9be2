import type { SampleBlock, SourceSeries } from '../../source';
import type { VectorSelectorNode } from '../ast';
import { sortByLabels } from '../labels';
import { LOOKBACK_MS, lastStepTime, newStepSeries, stepTime, type EvalContext, type StepSeries } from './types';

export interface FetchedSeries {
  series: SourceSeries;
  block: SampleBlock;
}

/**
 * Selects the series once and reads each one's samples once for the whole query window, in
 * Prometheus's series order (sorted by labels, as blocks store them).
 */
export function fetchSelector(ctx: EvalContext, node: VectorSelectorNode, windowBeforeMs: number): FetchedSeries[] {
  const fromMs = ctx.grid.startMs - node.offsetMs - windowBeforeMs;
  const toMs = lastStepTime(ctx.grid) - node.offsetMs;
  const selected = sortByLabels(ctx.source.select(node.matchers), (s) => s.labels);
  return selected.map((series) => ({ series, block: series.samples(fromMs, toMs) }));
}

/**
 * An instant vector selector at every step: the latest sample with ts-5m <= t <= ts (2.x closes the
 * lookback window on the left). One forward pointer per series, so the cost is samples + steps.
 */
export function evalInstantSelector(ctx: EvalContext, node: VectorSelectorNode): StepSeries[] {
  const { grid } = ctx;
  return fetchSelector(ctx, node, LOOKBACK_MS).map(({ series, block }) => {
    const out = newStepSeries(series.labels, grid.count);
    const { timesMs, values } = block;
    let j = -1;
    for (let i = 0; i < grid.count; i++) {
      const ts = stepTime(grid, i) - node.offsetMs;
      while (j + 1 < timesMs.length && (timesMs[j + 1] as number) <= ts) j++;
      if (j >= 0 && (timesMs[j] as number) >= ts - LOOKBACK_MS) {
        out.values[i] = values[j] as number;
        out.present[i] = 1;
      }
    }
    return out;
  });
}
