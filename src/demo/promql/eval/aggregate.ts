import type { Labels } from '../../../model/series';
import type { AggregateNode } from '../ast';
import { executionError } from '../errors';
import { METRIC_NAME, keepLabels, labelsKey, removeLabels } from '../labels';
import { newStepSeries, type StepSeries } from './types';

/** The group each input series belongs to, computed once: grouping depends on labels only. */
function groupSeries(node: AggregateNode, input: readonly StepSeries[]): { groupOf: Int32Array; groupLabels: Labels[] } {
  const groupOf = new Int32Array(input.length);
  const groupLabels: Labels[] = [];
  const index = new Map<string, number>();
  input.forEach((s, i) => {
    const labels = node.without ? removeLabels(s.labels, [...node.grouping, METRIC_NAME]) : keepLabels(s.labels, node.grouping);
    const key = labelsKey(labels);
    let g = index.get(key);
    if (g === undefined) {
      g = groupLabels.length;
      index.set(key, g);
      groupLabels.push(labels);
    }
    groupOf[i] = g;
  });
  return { groupOf, groupLabels };
}

/**
 * sum/avg/min/max/count with Prometheus 2.42's accumulation order and NaN/Inf rules: sum adds in
 * series order; avg keeps an incremental mean (so it can't overflow); min/max replace a NaN.
 */
export function evalAggregate(node: AggregateNode, input: readonly StepSeries[], count: number): StepSeries[] {
  const { groupOf, groupLabels } = groupSeries(node, input);
  const out = groupLabels.map((l) => newStepSeries(l, count));
  const acc = new Float64Array(groupLabels.length);
  const seen = new Float64Array(groupLabels.length);
  for (let i = 0; i < count; i++) {
    seen.fill(0);
    for (let s = 0; s < input.length; s++) {
      const series = input[s] as StepSeries;
      if (!series.present[i]) continue;
      const v = series.values[i] as number;
      const g = groupOf[s] as number;
      const n = (seen[g] as number) + 1;
      seen[g] = n;
      if (n === 1) {
        acc[g] = v;
        continue;
      }
      const cur = acc[g] as number;
      switch (node.op) {
        case 'sum':
          acc[g] = cur + v;
          break;
        case 'avg':
          if (cur === Infinity || cur === -Infinity) {
            if ((v === Infinity || v === -Infinity) && cur > 0 === v > 0) break;
            if (Number.isFinite(v)) break;
          }
          acc[g] = cur + (v / n - cur / n);
          break;
        case 'min':
          if (cur > v || Number.isNaN(cur)) acc[g] = v;
          break;
        case 'max':
          if (cur < v || Number.isNaN(cur)) acc[g] = v;
          break;
        default:
          break;
      }
    }
    for (let g = 0; g < out.length; g++) {
      const n = seen[g] as number;
      if (n === 0) continue;
      const o = out[g] as StepSeries;
      o.values[i] = node.op === 'count' ? n : (acc[g] as number);
      o.present[i] = 1;
    }
  }
  return out.filter((s) => s.present.includes(1));
}

/** vectorByValueHeap.Less: NaN sorts below everything, so it is evicted first. */
function heapLess(a: number, b: number): boolean {
  return Number.isNaN(a) || a < b;
}

/**
 * Go's container/heap up/down over indices into `values`, replicated exactly so that ties evict the
 * same element Prometheus's topk does.
 */
class MinHeap {
  readonly items: number[] = [];

  constructor(private readonly values: (item: number) => number) {}

  private less(i: number, j: number): boolean {
    return heapLess(this.values(this.items[i] as number), this.values(this.items[j] as number));
  }

  private swap(i: number, j: number): void {
    const t = this.items[i] as number;
    this.items[i] = this.items[j] as number;
    this.items[j] = t;
  }

  private up(j0: number): void {
    let j = j0;
    for (;;) {
      const i = Math.trunc((j - 1) / 2);
      if (i === j || !this.less(j, i)) break;
      this.swap(i, j);
      j = i;
    }
  }

  private down(i0: number): boolean {
    const n = this.items.length;
    let i = i0;
    for (;;) {
      const j1 = 2 * i + 1;
      if (j1 >= n) break;
      let j = j1;
      const j2 = j1 + 1;
      if (j2 < n && this.less(j2, j1)) j = j2;
      if (!this.less(j, i)) break;
      this.swap(i, j);
      i = j;
    }
    return i > i0;
  }

  push(item: number): void {
    this.items.push(item);
    this.up(this.items.length - 1);
  }

  replaceMin(item: number): void {
    this.items[0] = item;
    if (!this.down(0)) this.up(0);
  }
}

/** topk(k, v) by group: each step keeps the k largest samples per group, with their own labels. */
export function evalTopk(node: AggregateNode, kPerStep: Float64Array, input: readonly StepSeries[], count: number): StepSeries[] {
  const { groupOf, groupLabels } = groupSeries(node, input);
  const out: (StepSeries | undefined)[] = new Array(input.length);
  for (let i = 0; i < count; i++) {
    const kf = kPerStep[i] as number;
    if (!(kf >= -9.223372036854776e18 && kf <= 9.223372036854776e18)) {
      throw executionError(`Scalar value ${String(kf)} overflows int64`);
    }
    const k = Math.trunc(kf);
    if (k < 1) continue;
    const valueOf = (s: number): number => (input[s] as StepSeries).values[i] as number;
    const heaps: (MinHeap | undefined)[] = new Array(groupLabels.length);
    for (let s = 0; s < input.length; s++) {
      const series = input[s] as StepSeries;
      if (!series.present[i]) continue;
      const g = groupOf[s] as number;
      let heap = heaps[g];
      if (!heap) heaps[g] = heap = new MinHeap(valueOf);
      if (heap.items.length < k) heap.push(s);
      else {
        const min = valueOf(heap.items[0] as number);
        const v = valueOf(s);
        if (min < v || (Number.isNaN(min) && !Number.isNaN(v))) heap.replaceMin(s);
      }
    }
    for (const heap of heaps) {
      for (const s of heap?.items ?? []) {
        const series = input[s] as StepSeries;
        const o = (out[s] ??= newStepSeries(series.labels, count));
        o.values[i] = series.values[i] as number;
        o.present[i] = 1;
      }
    }
  }
  return out.filter((s): s is StepSeries => s !== undefined);
}
