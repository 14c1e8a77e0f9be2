import type { PanelQueryState } from '../../panels/shared/types';

/** The text a panel shows for a failed query: the server's own message (DataSourceError carries it). */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** The parts of a TanStack query result a panel's state depends on (UseQueryResult has them all). */
export interface QueryView<T = unknown> {
  data?: T;
  error: unknown;
  isError: boolean;
  isPending: boolean;
  isFetching: boolean;
}

/**
 * Folds the queries behind one panel into what the panel needs to know. The first error wins, so a
 * bad PromQL expression shows its parse error even if the other queries of the panel succeed.
 */
export function panelQueryState(results: readonly QueryView[], extraWarnings: readonly string[] = []): PanelQueryState {
  const failed = results.find((r) => r.isError);
  const warnings = [...extraWarnings];
  for (const r of results) {
    const data = r.data as { warnings?: readonly string[] } | undefined;
    if (data && Array.isArray(data.warnings)) warnings.push(...data.warnings);
  }
  return {
    loading: results.some((r) => r.isPending),
    error: failed ? errorText(failed.error) : undefined,
    warnings: [...new Set(warnings)],
    fetching: results.some((r) => r.isFetching),
  };
}

export const LOADING_STATE: PanelQueryState = { loading: true, warnings: [], fetching: true };
