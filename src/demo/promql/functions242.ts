import type { ValueType } from './ast';

/**
 * Prometheus 2.42's function and aggregation signatures (promql/parser/functions.go, lex.go), so
 * that a call the demo does not evaluate still gets Prometheus's parse errors (unknown name, argument
 * count, argument types) before the demo says "unsupported". Functions newer than 2.42 that lezer
 * knows (sort_by_label, mad_over_time, …) are unknown here, as they are to 2.42.
 */

export interface FunctionSignature {
  argTypes: readonly ValueType[];
  /** 0: exactly argTypes; n > 0: up to n more of the last type may be left out; -1: any number more. */
  variadic: number;
  returnType: ValueType;
}

const V: ValueType = 'instant vector';
const M: ValueType = 'range vector';
const S: ValueType = 'scalar';
const STR: ValueType = 'string';

const sig = (argTypes: readonly ValueType[], returnType: ValueType = V, variadic = 0): FunctionSignature => ({ argTypes, variadic, returnType });

/** One instant vector in, one out. */
const VECTOR_FUNCTIONS = [
  'abs', 'absent', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'ceil', 'cos', 'cosh', 'deg', 'exp', 'floor', 'histogram_count',
  'histogram_sum', 'ln', 'log10', 'log2', 'rad', 'sgn', 'sin', 'sinh', 'sort', 'sort_desc', 'sqrt', 'tan', 'tanh', 'timestamp',
];
/** One range vector in, an instant vector out. */
const MATRIX_FUNCTIONS = [
  'absent_over_time', 'avg_over_time', 'changes', 'count_over_time', 'delta', 'deriv', 'idelta', 'increase', 'irate', 'last_over_time',
  'max_over_time', 'min_over_time', 'present_over_time', 'rate', 'resets', 'stddev_over_time', 'stdvar_over_time', 'sum_over_time',
];
/** Date functions: one optional instant vector (defaulting to `vector(time())`). */
const DATE_FUNCTIONS = ['days_in_month', 'day_of_month', 'day_of_week', 'day_of_year', 'hour', 'minute', 'month', 'year'];

export const FUNCTIONS_242: ReadonlyMap<string, FunctionSignature> = new Map<string, FunctionSignature>([
  ...VECTOR_FUNCTIONS.map((name): [string, FunctionSignature] => [name, sig([V])]),
  ...MATRIX_FUNCTIONS.map((name): [string, FunctionSignature] => [name, sig([M])]),
  ...DATE_FUNCTIONS.map((name): [string, FunctionSignature] => [name, sig([V], V, 1)]),
  ['clamp', sig([V, S, S])],
  ['clamp_max', sig([V, S])],
  ['clamp_min', sig([V, S])],
  ['histogram_fraction', sig([S, S, V])],
  ['histogram_quantile', sig([S, V])],
  ['holt_winters', sig([M, S, S])],
  ['label_join', sig([V, STR, STR, STR], V, -1)],
  ['label_replace', sig([V, STR, STR, STR, STR])],
  ['pi', sig([], S)],
  ['predict_linear', sig([M, S])],
  ['quantile_over_time', sig([S, M])],
  ['round', sig([V, S], V, 1)],
  ['scalar', sig([V], S)],
  ['time', sig([], S)],
  ['vector', sig([S])],
]);

/** 2.42's aggregation operators (limitk and limit_ratio came later), with the parameter type of those that take one. */
export const AGGREGATIONS_242: ReadonlyMap<string, ValueType | null> = new Map<string, ValueType | null>([
  ...['sum', 'avg', 'count', 'min', 'max', 'group', 'stddev', 'stdvar'].map((op): [string, null] => [op, null]),
  ['topk', S],
  ['bottomk', S],
  ['quantile', S],
  ['count_values', STR],
]);
