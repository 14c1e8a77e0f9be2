import { PromqlError } from '../promql';
import type { SampleSource } from '../source';
import { failure, invalidParam } from './responses';

export interface EndpointContext {
  source: SampleSource;
  now: () => number;
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
