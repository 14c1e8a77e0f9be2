/** The demo's PromQL subset evaluator. See README.md in this folder for the supported subset. */
export { evaluateInstant, evaluateRange } from './evaluate';
export { createWindowResults, type WindowResults } from './eval/types';
export type { InstantResult, MatrixSeries, RangeEvaluation, VectorSample } from './evaluate';
export { PromqlError } from './errors';
export type { PromqlErrorKind } from './errors';
export { parseQuery, parseSeriesSelector, selectorsOf } from './parse';
export { compileMatchers } from '../labelMatchers';
export { compareLabels, labelsKey } from './labels';
