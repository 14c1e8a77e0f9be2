import { PromqlError, type WindowResults } from '../promql';
import type { SampleSource } from '../source';
import type { AnswerCache } from './answerCache';
import { failure, invalidParam } from './responses';

/** A range query's answer as the endpoint sends it: the `data` JSON and the warnings. */
export interface RangeAnswer {
  dataJson: string;
  warnings: readonly string[];
  /** Length of `dataJson`, what the answer cache is bounded by. */
  size: number;
}

export interface EndpointContext {
  source: SampleSource;
  now: () => number;
  rangeAnswers: AnswerCache<RangeAnswer>;
  /** Range-function results shared by the range queries (promql/eval/types.ts). */
  rangeWindows: WindowResults;
}

export type Endpoint = (request: Request, ctx: EndpointContext, params: Readonly<Record<string, string>>) => Promise<Response>;

/**
 * An evaluator failure as Prometheus reports it: parse errors (and the demo's unsupported
 * constructs) are bad_data on the parameter that held the query; evaluation errors are execution.
 */
export function queryFailure(request: Request, error: unknown, param = 'query'): Response {
  if (error instanceof PromqlError) {
    if (error.kind === 'execution') return failure(request, 'execution', error.message);
    return invalidParam(request, param, error.message);
  }
  return failure(request, 'internal', error instanceof Error ? error.message : String(error));
}

/** Truncates to `limit` (0 = none) and says so with Prometheus's warning. */
export function applyLimit<T>(items: readonly T[], limit: number): { items: readonly T[]; warnings: string[] } {
  if (limit > 0 && items.length > limit) return { items: items.slice(0, limit), warnings: ['results truncated due to limit'] };
  return { items, warnings: [] };
}
