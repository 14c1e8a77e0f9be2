import type { LabelMatcher } from '../source';

/** The value type of an expression, with Prometheus's own names (used in its error messages). */
export type ValueType = 'scalar' | 'instant vector' | 'range vector' | 'string';

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | '^';
export type ComparisonOp = '==' | '!=' | '>' | '<' | '>=' | '<=';
export type SetOp = 'and' | 'or' | 'unless';
export type BinaryOp = ArithmeticOp | ComparisonOp | SetOp;

export type AggregateOp = 'sum' | 'avg' | 'min' | 'max' | 'count' | 'topk';

export type RangeFunction =
  | 'rate'
  | 'irate'
  | 'increase'
  | 'avg_over_time'
  | 'sum_over_time'
  | 'min_over_time'
  | 'max_over_time'
  | 'count_over_time'
  | 'last_over_time';

export type InstantFunction = 'clamp_min' | 'clamp_max' | 'clamp' | 'histogram_quantile';

/**
 * Nodes are numbered in post-order as the parser builds them (`id`), so the evaluator can walk the
 * list front to back with every child already computed: no recursion over the expression tree.
 */
interface NodeBase {
  id: number;
  type: ValueType;
  /** Offset of the node in the query, for error positions. */
  pos: number;
}

export interface NumberNode extends NodeBase {
  kind: 'number';
  value: number;
}

export interface VectorSelectorNode extends NodeBase {
  kind: 'vectorSelector';
  matchers: LabelMatcher[];
  offsetMs: number;
  /** Set when a matrix selector wraps it: the range function reads the samples itself. */
  insideRange: boolean;
}

export interface MatrixSelectorNode extends NodeBase {
  kind: 'matrixSelector';
  selector: VectorSelectorNode;
  rangeMs: number;
}

export interface RangeCallNode extends NodeBase {
  kind: 'rangeCall';
  func: RangeFunction;
  arg: MatrixSelectorNode;
}

export interface InstantCallNode extends NodeBase {
  kind: 'instantCall';
  func: InstantFunction;
  args: ExprNode[];
}

export interface AggregateNode extends NodeBase {
  kind: 'aggregate';
  op: AggregateOp;
  param: ExprNode | null;
  expr: ExprNode;
  grouping: string[];
  without: boolean;
}

export interface VectorMatching {
  card: 'one-to-one' | 'many-to-one' | 'one-to-many' | 'many-to-many';
  /** true: `on(labels)`; false: `ignoring(labels)` (the default, with no labels). */
  on: boolean;
  labels: string[];
  /** Labels copied from the "one" side by group_left / group_right. */
  include: string[];
}

export interface BinaryNode extends NodeBase {
  kind: 'binary';
  op: BinaryOp;
  lhs: ExprNode;
  rhs: ExprNode;
  returnBool: boolean;
  matching: VectorMatching;
}

export interface UnaryMinusNode extends NodeBase {
  kind: 'unaryMinus';
  expr: ExprNode;
}

/** Parentheses and unary plus: the value of the child, unchanged. */
export interface PassThroughNode extends NodeBase {
  kind: 'passThrough';
  expr: ExprNode;
}

export type ExprNode =
  | NumberNode
  | VectorSelectorNode
  | MatrixSelectorNode
  | RangeCallNode
  | InstantCallNode
  | AggregateNode
  | BinaryNode
  | UnaryMinusNode
  | PassThroughNode;

export interface ParsedQuery {
  root: ExprNode;
  /** Every node, children before parents. */
  nodes: ExprNode[];
}

export function isComparison(op: BinaryOp): op is ComparisonOp {
  return op === '==' || op === '!=' || op === '>' || op === '<' || op === '>=' || op === '<=';
}

export function isSetOp(op: BinaryOp): op is SetOp {
  return op === 'and' || op === 'or' || op === 'unless';
}
