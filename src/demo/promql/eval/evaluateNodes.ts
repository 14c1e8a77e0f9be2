import type { ExprNode, ParsedQuery } from '../ast';
import { isSetOp } from '../ast';
import { executionError } from '../errors';
import { dropMetricName } from '../labels';
import { evalAggregate, evalTopk } from './aggregate';
import { scalarBinop, setBinop, vectorBinop, vectorScalarBinop } from './binary';
import { evalClamp, evalHistogramQuantile } from './instantCall';
import { relabelSeries } from './mergeSeries';
import { evalRangeCall } from './rangeCall';
import { evalInstantSelector } from './selectors';
import type { EvalContext, StepSeries, StepValue } from './types';

/**
 * Evaluates every node over the whole step grid at once, children before parents (the parser's
 * post-order), so each operator runs once per query rather than once per step.
 */
export function evaluateNodes(parsed: ParsedQuery, ctx: EvalContext): StepValue {
  const { count } = ctx.grid;
  const results: (StepValue | undefined)[] = new Array(parsed.nodes.length);
  const take = (node: ExprNode): StepValue => {
    const v = results[node.id];
    if (!v) throw executionError(`internal error: ${node.kind} evaluated before its operand`);
    return v;
  };
  const vectorOf = (node: ExprNode): StepSeries[] => {
    const v = take(node);
    if (v.type !== 'vector') throw executionError(`internal error: expected a vector from ${node.kind}`);
    return v.series;
  };
  const scalarOf = (node: ExprNode): Float64Array => {
    const v = take(node);
    if (v.type !== 'scalar') throw executionError(`internal error: expected a scalar from ${node.kind}`);
    return v.values;
  };

  for (const node of parsed.nodes) {
    let value: StepValue | undefined;
    switch (node.kind) {
      case 'number':
        value = { type: 'scalar', values: new Float64Array(count).fill(node.value) };
        break;
      case 'vectorSelector':
        if (!node.insideRange) value = { type: 'vector', series: evalInstantSelector(ctx, node) };
        break;
      case 'matrixSelector':
        // Read by its range function (or, at the top of an instant query, by the caller).
        break;
      case 'rangeCall':
        value = { type: 'vector', series: evalRangeCall(ctx, node) };
        break;
      case 'instantCall': {
        const [first, second, third] = node.args as [ExprNode, ExprNode, ExprNode | undefined];
        if (node.func === 'histogram_quantile') {
          value = { type: 'vector', series: evalHistogramQuantile(scalarOf(first), vectorOf(second), count) };
        } else {
          const scalars = [scalarOf(second), ...(third ? [scalarOf(third)] : [])];
          value = { type: 'vector', series: evalClamp(node.func, vectorOf(first), scalars, count) };
        }
        break;
      }
      case 'aggregate': {
        const input = vectorOf(node.expr);
        const series = node.op === 'topk' && node.param ? evalTopk(node, scalarOf(node.param), input, count) : evalAggregate(node, input, count);
        value = { type: 'vector', series };
        break;
      }
      case 'binary':
        value = evalBinary(node, take(node.lhs), take(node.rhs), count);
        break;
      case 'unaryMinus': {
        const inner = take(node.expr);
        if (inner.type === 'scalar') value = { type: 'scalar', values: inner.values.map((v) => -v) };
        else {
          const negated = inner.series.map((s) => ({ ...s, values: s.values.map((v) => -v) }));
          value = { type: 'vector', series: relabelSeries(negated, dropMetricName, count) };
        }
        break;
      }
      case 'passThrough':
        value = take(node.expr);
        break;
    }
    results[node.id] = value;
  }
  return take(parsed.root);
}

function evalBinary(node: Extract<ExprNode, { kind: 'binary' }>, lhs: StepValue, rhs: StepValue, count: number): StepValue {
  if (lhs.type === 'scalar' && rhs.type === 'scalar') return { type: 'scalar', values: scalarBinop(node.op, lhs.values, rhs.values) };
  if (lhs.type === 'vector' && rhs.type === 'scalar') {
    return { type: 'vector', series: vectorScalarBinop(node, lhs.series, rhs.values, false, count) };
  }
  if (lhs.type === 'scalar' && rhs.type === 'vector') {
    return { type: 'vector', series: vectorScalarBinop(node, rhs.series, lhs.values, true, count) };
  }
  if (lhs.type === 'vector' && rhs.type === 'vector') {
    const series = isSetOp(node.op) ? setBinop(node, lhs.series, rhs.series, count) : vectorBinop(node, lhs.series, rhs.series, count);
    return { type: 'vector', series };
  }
  throw executionError('internal error: unexpected operand types');
}
