import type { Labels } from '../../../model/series';
import type { BinaryNode, BinaryOp, VectorMatching } from '../ast';
import { isComparison, isSetOp } from '../ast';
import { executionError } from '../errors';
import { METRIC_NAME, dropMetricName, formatLabelsGo, keepLabels, labelsKey, removeLabels } from '../labels';
import { SeriesCollector } from './mergeSeries';
import type { StepSeries } from './types';

/** Go's math.Pow differs from JS `**` on these special cases. */
function goPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  return x ** y;
}

/** vectorElemBinop: [value, keep]. Comparisons keep the left value when they hold. */
export function elemBinop(op: BinaryOp, l: number, r: number): [number, boolean] {
  switch (op) {
    case '+':
      return [l + r, true];
    case '-':
      return [l - r, true];
    case '*':
      return [l * r, true];
    case '/':
      return [l / r, true];
    case '%':
      return [l % r, true];
    case '^':
      return [goPow(l, r), true];
    case '==':
      return [l, l === r];
    case '!=':
      return [l, l !== r];
    case '>':
      return [l, l > r];
    case '<':
      return [l, l < r];
    case '>=':
      return [l, l >= r];
    case '<=':
      return [l, l <= r];
    default:
      throw executionError(`operator ${JSON.stringify(op)} not allowed for scalar operations`);
  }
}

/** scalar OP scalar; comparisons (which the parser only lets through with `bool`) give 0 or 1. */
export function scalarBinop(op: BinaryOp, lhs: Float64Array, rhs: Float64Array): Float64Array {
  const out = new Float64Array(lhs.length);
  for (let i = 0; i < lhs.length; i++) {
    const [v, keep] = elemBinop(op, lhs[i] as number, rhs[i] as number);
    out[i] = isComparison(op) ? (keep ? 1 : 0) : v;
  }
  return out;
}

/**
 * vector OP scalar (or scalar OP vector when `scalarOnLeft`). Comparisons filter, keeping the
 * vector's sample value; arithmetic and `bool` drop the metric name.
 */
export function vectorScalarBinop(
  node: BinaryNode,
  vector: readonly StepSeries[],
  scalar: Float64Array,
  scalarOnLeft: boolean,
  count: number,
): StepSeries[] {
  const comparison = isComparison(node.op);
  const dropName = !comparison || node.returnBool;
  const collector = new SeriesCollector(count);
  for (const s of vector) {
    const target = collector.seriesFor(dropName ? dropMetricName(s.labels) : s.labels);
    for (let i = 0; i < count; i++) {
      if (!s.present[i]) continue;
      const v = s.values[i] as number;
      const sc = scalar[i] as number;
      let [value, keep] = scalarOnLeft ? elemBinop(node.op, sc, v) : elemBinop(node.op, v, sc);
      if (comparison && scalarOnLeft) value = v;
      if (node.returnBool) {
        value = keep ? 1 : 0;
        keep = true;
      }
      if (keep) SeriesCollector.put(target, i, value);
    }
  }
  return collector.result();
}

/** The matching signature of a series: only the `on` labels, or all but the ignored ones and the name. */
function signatures(series: readonly StepSeries[], matching: VectorMatching, ids: Map<string, number>): Int32Array {
  const out = new Int32Array(series.length);
  series.forEach((s, i) => {
    const key = labelsKey(matching.on ? keepLabels(s.labels, matching.labels) : removeLabels(s.labels, [...matching.labels, METRIC_NAME]));
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    out[i] = id;
  });
  return out;
}

/** Prometheus's resultMetric: the labels of a vector/vector result sample. */
function resultLabels(many: Labels, one: Labels, node: BinaryNode): Labels {
  const { matching } = node;
  let out: Record<string, string> = { ...many };
  if (!isComparison(node.op) || node.returnBool) delete out[METRIC_NAME];
  if (matching.card === 'one-to-one') {
    out = matching.on ? { ...keepLabels(out, matching.labels) } : { ...removeLabels(out, matching.labels) };
  }
  for (const name of matching.include) {
    const v = one[name];
    if (v) out[name] = v;
    else delete out[name];
  }
  return out;
}

function matchedLabelsText(labels: Labels, matching: VectorMatching): string {
  return formatLabelsGo(matching.on ? keepLabels(labels, matching.labels) : removeLabels(labels, [...matching.labels, METRIC_NAME]));
}

/**
 * vector OP vector for arithmetic and comparisons, one-to-one or grouped (group_left/right), with
 * Prometheus's matching errors. Signatures are computed once; each step indexes the "one" side by
 * signature in a typed array.
 */
export function vectorBinop(node: BinaryNode, lhs: readonly StepSeries[], rhs: readonly StepSeries[], count: number): StepSeries[] {
  const { matching } = node;
  const swapped = matching.card === 'one-to-many';
  const many = swapped ? rhs : lhs;
  const one = swapped ? lhs : rhs;
  const ids = new Map<string, number>();
  const manySig = signatures(many, matching, ids);
  const oneSig = signatures(one, matching, ids);
  const oneAt = new Int32Array(ids.size);
  const stampOne = new Int32Array(ids.size).fill(-1);
  const stampMatched = new Int32Array(ids.size).fill(-1);
  const collector = new SeriesCollector(count);
  const pairTargets = new Map<number, StepSeries>();
  // For many-to-one duplicates: which signature last wrote each output series, and at which step.
  const writer = new Map<StepSeries, { step: number; sig: number }>();

  for (let i = 0; i < count; i++) {
    for (let r = 0; r < one.length; r++) {
      const rs = one[r] as StepSeries;
      if (!rs.present[i]) continue;
      const sig = oneSig[r] as number;
      if (stampOne[sig] === i) {
        const dup = one[oneAt[sig] as number] as StepSeries;
        throw executionError(
          `found duplicate series for the match group ${matchedLabelsText(rs.labels, matching)} on the ${swapped ? 'left' : 'right'} hand-side of the operation: [${formatLabelsGo(rs.labels)}, ${formatLabelsGo(dup.labels)}];many-to-many matching not allowed: matching labels must be unique on one side`,
        );
      }
      stampOne[sig] = i;
      oneAt[sig] = r;
    }
    for (let l = 0; l < many.length; l++) {
      const ls = many[l] as StepSeries;
      if (!ls.present[i]) continue;
      const sig = manySig[l] as number;
      if (stampOne[sig] !== i) continue;
      const r = oneAt[sig] as number;
      const rs = one[r] as StepSeries;
      let vl = ls.values[i] as number;
      let vr = rs.values[i] as number;
      if (swapped) [vl, vr] = [vr, vl];
      const [raw, keep] = elemBinop(node.op, vl, vr);
      let value = raw;
      if (node.returnBool) value = keep ? 1 : 0;
      else if (!keep) continue;
      const pairKey = l * one.length + r;
      let target = pairTargets.get(pairKey);
      if (!target) {
        target = collector.seriesFor(resultLabels(ls.labels, rs.labels, node));
        pairTargets.set(pairKey, target);
      }
      if (matching.card === 'one-to-one') {
        if (stampMatched[sig] === i) {
          throw executionError('multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)');
        }
        stampMatched[sig] = i;
      } else {
        const last = writer.get(target);
        if (last && last.step === i && last.sig === sig) {
          throw executionError('multiple matches for labels: grouping labels must ensure unique results');
        }
        writer.set(target, { step: i, sig });
      }
      SeriesCollector.put(target, i, value);
    }
  }
  return collector.result();
}

/** and / or / unless: filter or union by matching signature per step; labels pass through. */
export function setBinop(node: BinaryNode, lhs: readonly StepSeries[], rhs: readonly StepSeries[], count: number): StepSeries[] {
  if (!isSetOp(node.op)) throw executionError(`unexpected set operator ${node.op}`);
  const ids = new Map<string, number>();
  const lSig = signatures(lhs, node.matching, ids);
  const rSig = signatures(rhs, node.matching, ids);
  const stampR = new Int32Array(ids.size).fill(-1);
  const stampL = new Int32Array(ids.size).fill(-1);
  const collector = new SeriesCollector(count);
  const lTargets = lhs.map((s) => collector.seriesFor(s.labels));
  const rTargets = rhs.map((s) => collector.seriesFor(s.labels));
  for (let i = 0; i < count; i++) {
    rhs.forEach((s, r) => {
      if (s.present[i]) stampR[rSig[r] as number] = i;
    });
    lhs.forEach((s, l) => {
      if (!s.present[i]) return;
      const sig = lSig[l] as number;
      stampL[sig] = i;
      const matched = stampR[sig] === i;
      const keep = node.op === 'or' || (node.op === 'and' ? matched : !matched);
      if (keep) SeriesCollector.put(lTargets[l] as StepSeries, i, s.values[i] as number);
    });
    if (node.op !== 'or') continue;
    rhs.forEach((s, r) => {
      if (s.present[i] && stampL[rSig[r] as number] !== i) SeriesCollector.put(rTargets[r] as StepSeries, i, s.values[i] as number);
    });
  }
  return collector.result();
}
