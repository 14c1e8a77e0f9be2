import type { Labels } from '../../model/series';

/** A series as a panel draws it: the columns plus the name its legend shows and an optional fixed colour. */
export interface NamedSeries {
  /**
   * What the series is, across refreshes that reorder or resize the list: the runner sets its query's
   * ref and the label set. Left out, the label set alone is the identity (`seriesIdentities`).
   */
  key?: string;
  name: string;
  labels: Labels;
  times: Float64Array;
  values: Float64Array;
  color?: string;
}

/**
 * What a panel knows about the queries behind it. Pages derive it from TanStack Query results; panels
 * never fetch. `fetching` is a refresh running behind data already shown (that data stays: no flicker).
 */
export interface PanelQueryState {
  loading: boolean;
  error?: string;
  warnings: readonly string[];
  fetching: boolean;
}

/** The `data-state` of the DOM contract that e2e tests and benchmarks wait on. */
export type PanelState = 'loading' | 'error' | 'empty' | 'ready';

/** Error beats data (a down server must show), loading beats empty; `ready` needs data and a drawn chart. */
export function panelStateOf(query: PanelQueryState, hasData: boolean, drawn = true): PanelState {
  if (query.error !== undefined) return 'error';
  if (hasData) return drawn ? 'ready' : 'loading';
  if (query.loading) return 'loading';
  return 'empty';
}
