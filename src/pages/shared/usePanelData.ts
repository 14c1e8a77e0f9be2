import { keepPreviousData, useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { exemplarsQueryOptions, rangeQueryOptions } from '../../datasources/queries';
import type { DataSource, RangeResult } from '../../datasources/types';
import type { PanelSpec } from '../../model/panelSpec';
import type { Exemplar } from '../../model/series';
import type { TimeRange } from '../../model/time';
import type { NamedSeries, PanelQueryState } from '../../panels/shared/types';
import { advancePanel, type PanelHold, type QueryAnswer } from './panelHold';
import { errorText } from './panelQuery';

/** Where and when a page's panels run their queries. */
export interface PanelRunContext {
  ds: DataSource;
  range: TimeRange;
  stepMs: number;
  /** Exemplar markers are fetched only while the viewer wants them (a preference). */
  showExemplars?: boolean;
  /** Every exemplar rather than the slowest and the slowest error per bucket (a preference). */
  showAllExemplars?: boolean;
  /** The service the page is about (the service dashboard's); a chart's "traces of <service>" use it. */
  service?: string;
}

/** What a panel is handed: never a fetch, only its answers. */
export interface PanelData {
  series: readonly NamedSeries[];
  query: PanelQueryState;
  exemplars: readonly Exemplar[];
}

const NO_EXEMPLARS: readonly Exemplar[] = [];
const NO_WARNINGS: readonly string[] = [];

// Module-level, so TanStack keeps the combined array the same object while no answer changes.
function toAnswers(results: ReadonlyArray<UseQueryResult<RangeResult>>): QueryAnswer[] {
  return results.map((r) => ({ data: r.data, error: r.error, isError: r.isError, isPending: r.isPending, isFetching: r.isFetching, isSuccess: r.isSuccess }));
}

const NO_QUERIES: readonly string[] = [];

/**
 * What a time-series panel's exemplars are asked for: the spec's own exemplar query (a latency chart's
 * bucket selector), else the panel's queries, each once. Other kinds draw no markers and ask nothing.
 */
export function exemplarQueriesOf(spec: PanelSpec): readonly string[] {
  if (spec.kind !== 'timeseries') return NO_QUERIES;
  const own = spec.options?.exemplarsExpr;
  if (own !== undefined) return [own];
  return [...new Set(spec.queries.map((q) => q.expr.trim()).filter((q) => q !== ''))];
}

/**
 * The one runner from a panel's spec to its data; every page that draws a spec uses it. One range
 * query per spec query, keyed by what the answer depends on, each cancelled through its signal when
 * superseded; a time-series panel's exemplars are one more query, keyed and cancelled the same way.
 * A new key (a refresh tick) makes a new observer, so what the panel shows meanwhile is held here (`advancePanel`): the last answer of the same query stands in, an answer with the same
 * samples keeps the old object (nothing downstream redraws), and a panel's queries land together.
 *
 * The hold is state, updated during render only when it changes; `advancePanel` returns the same
 * object for the same inputs, so the update settles in one extra pass and no ref is written in render.
 */
export function usePanelData(spec: PanelSpec, ctx: PanelRunContext): PanelData {
  const { ds, range, stepMs } = ctx;
  const answers = useQueries({
    queries: spec.queries.map((q) => rangeQueryOptions(ds, q.expr, range, stepMs)),
    combine: toAnswers,
  });
  const exemplarQueries = useMemo(() => exemplarQueriesOf(spec), [spec]);
  const wantExemplars = ctx.showExemplars === true && exemplarQueries.length > 0;
  // Keyed by the series' range and step: each refresh asks once, and a newer refresh supersedes (aborts) it.
  const exemplars = useQuery({
    ...exemplarsQueryOptions(ds, exemplarQueries, range, stepMs),
    placeholderData: keepPreviousData,
    enabled: wantExemplars,
  });
  const exemplarWarnings = wantExemplars && exemplars.isError ? [`Exemplars: ${errorText(exemplars.error)}`] : NO_WARNINGS;

  const [hold, setHold] = useState<PanelHold | undefined>(undefined);
  const next = advancePanel(hold, spec.queries, spec.options, answers, exemplarWarnings);
  if (next !== hold) setHold(next);
  return { series: next.series, query: next.query, exemplars: wantExemplars ? (exemplars.data ?? NO_EXEMPLARS) : NO_EXEMPLARS };
}
