import type { LabelMatcher } from '../source';

/** The demo's LogQL subset as data (README.md lists it). */

export type LineFilterOp = '|=' | '!=' | '|~' | '!~';

/** `|= "a" or "b"`: the line passes when any value matches (for `!=`/`!~`: when none does). */
export interface LineFilterStage {
  kind: 'line';
  op: LineFilterOp;
  values: string[];
  /** Compiled RE2 (unanchored) for `|~` and `!~`. */
  regexes?: RegExp[];
}

export interface ParserStage {
  kind: 'json' | 'logfmt';
}

export type NumberOp = '==' | '!=' | '>' | '>=' | '<' | '<=';

export type LabelPredicate =
  | { kind: 'and' | 'or'; left: LabelPredicate; right: LabelPredicate }
  | { kind: 'string'; matcher: LabelMatcher; test: (value: string) => boolean }
  | { kind: 'number'; name: string; op: NumberOp; value: number };

export interface LabelFilterStage {
  kind: 'labelFilter';
  predicate: LabelPredicate;
}

/** `line_format "text {{.field}} text"`: literal parts and label references, alternating. */
export interface LineFormatStage {
  kind: 'lineFormat';
  parts: Array<{ text: string } | { label: string }>;
}

export type Stage = LineFilterStage | ParserStage | LabelFilterStage | LineFormatStage;

export interface LogQuery {
  kind: 'log';
  matchers: LabelMatcher[];
  stages: Stage[];
}

export type RangeFunction = 'count_over_time' | 'rate' | 'bytes_over_time' | 'bytes_rate';

export interface RangeAggregation {
  kind: 'range';
  fn: RangeFunction;
  log: LogQuery;
  rangeMs: number;
  offsetMs: number;
}

export type VectorOp = 'sum' | 'avg' | 'min' | 'max' | 'count';

export interface VectorAggregation {
  kind: 'vector';
  op: VectorOp;
  grouping?: { without: boolean; labels: string[] };
  inner: MetricQuery;
}

export type MetricQuery = RangeAggregation | VectorAggregation;

export type Query = LogQuery | MetricQuery;

/** A query the demo refuses: Loki's 400 plain-text body. */
export class LogqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogqlError';
  }
}
