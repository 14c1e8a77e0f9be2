import type { Labels } from '../../model/series';
import type { SampleSource } from '../source';
import type { MatrixSelectorNode } from './ast';
import { PromqlError, executionError } from './errors';
import { compareLabels, sortByLabels } from './labels';
import { parseQuery, unwrapParens } from './parse';
import { evaluateNodes } from './eval/evaluateNodes';
import { fetchSelector } from './eval/selectors';
import { stepTime, type StepGrid, type StepSeries, type WindowResults } from './eval/types';

export interface MatrixSeries {
  labels: Labels;
  /** Epoch ms of each point; only steps where the series has a value. */
  timesMs: Float64Array;
  values: Float64Array;
}

export interface VectorSample {
  labels: Labels;
  value: number;
}

export interface RangeEvaluation {
  resultType: 'matrix';
  /** Sorted by labels, as Prometheus sorts range-query results. */
  series: MatrixSeries[];
}

export type InstantResult =
  | { resultType: 'vector'; timeMs: number; samples: VectorSample[] }
  | { resultType: 'scalar'; timeMs: number; value: number }
  | RangeEvaluation;

function toMatrix(series: readonly StepSeries[], grid: StepGrid): MatrixSeries[] {
  const out = series.map((s) => {
    let n = 0;
    for (let i = 0; i < grid.count; i++) n += s.present[i] as number;
    const timesMs = new Float64Array(n);
    const values = new Float64Array(n);
    let k = 0;
    for (let i = 0; i < grid.count; i++) {
      if (!s.present[i]) continue;
      timesMs[k] = stepTime(grid, i);
      values[k] = s.values[i] as number;
      k++;
    }
    return { labels: s.labels, timesMs, values };
  });
  return sortByLabels(
    out.filter((s) => s.timesMs.length > 0),
    (s) => s.labels,
  );
}

/**
 * Evaluates `query` at startMs, startMs+stepMs, … ≤ endMs over `source` with Prometheus 2.42
 * semantics. Throws PromqlError: `parse` (syntax or type errors, Prometheus wording and position),
 * `unsupported` (valid PromQL outside the demo's subset), `execution` (e.g. many-to-many matching).
 */
export function evaluateRange(
  source: SampleSource,
  query: string,
  startMs: number,
  endMs: number,
  stepMs: number,
  /** Range-function results kept between queries over `source` (eval/types.ts); none by default. */
  windows?: WindowResults,
): RangeEvaluation {
  if (!(stepMs > 0)) throw executionError('zero or negative query resolution step widths are not accepted. Try a positive integer');
  if (endMs < startMs) throw executionError('end timestamp must not be before start time');
  const parsed = parseQuery(query);
  if (parsed.root.type !== 'scalar' && parsed.root.type !== 'instant vector') {
    throw new PromqlError('parse', `invalid expression type ${JSON.stringify(parsed.root.type)} for range query, must be Scalar or instant Vector`);
  }
  const grid: StepGrid = { startMs, stepMs, count: Math.floor((endMs - startMs) / stepMs) + 1 };
  const value = evaluateNodes(parsed, windows === undefined ? { source, grid } : { source, grid, windows });
  if (value.type === 'scalar') {
    const all = { labels: {}, values: value.values, present: new Uint8Array(grid.count).fill(1) };
    return { resultType: 'matrix', series: toMatrix([all], grid) };
  }
  return { resultType: 'matrix', series: toMatrix(value.series, grid) };
}

/** The raw samples of a top-level range selector (`foo[5m]`), as an instant query returns them. */
function rawMatrix(source: SampleSource, node: MatrixSelectorNode, timeMs: number): RangeEvaluation {
  const grid: StepGrid = { startMs: timeMs, stepMs: 1, count: 1 };
  const fetched = fetchSelector({ source, grid }, node.selector, node.rangeMs);
  const rangeStart = timeMs - node.selector.offsetMs - node.rangeMs;
  const series = fetched.flatMap(({ series: s, block }) => {
    let lo = 0;
    while (lo < block.timesMs.length && (block.timesMs[lo] as number) < rangeStart) lo++;
    if (lo >= block.timesMs.length) return [];
    return [{ labels: s.labels, timesMs: block.timesMs.slice(lo), values: block.values.slice(lo) }];
  });
  return { resultType: 'matrix', series: series.sort((a, b) => compareLabels(a.labels, b.labels)) };
}

/** Evaluates `query` at one instant: a vector, a scalar, or (for a bare range selector) a matrix. */
export function evaluateInstant(source: SampleSource, query: string, timeMs: number): InstantResult {
  const parsed = parseQuery(query);
  const root = unwrapParens(parsed.root);
  if (root.kind === 'matrixSelector') return rawMatrix(source, root, timeMs);
  const grid: StepGrid = { startMs: timeMs, stepMs: 1, count: 1 };
  const value = evaluateNodes(parsed, { source, grid });
  if (value.type === 'scalar') return { resultType: 'scalar', timeMs, value: value.values[0] as number };
  const samples = value.series.filter((s) => s.present[0]).map((s) => ({ labels: s.labels, value: s.values[0] as number }));
  return { resultType: 'vector', timeMs, samples };
}
