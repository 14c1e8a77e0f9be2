import type { RangeResult } from '../../datasources/types';
import type { PanelOptions, PanelQuerySpec } from '../../model/panelSpec';
import type { NamedSeries, PanelQueryState } from '../../panels/shared/types';
import { panelQueryState, type QueryView } from './panelQuery';
import { panelSeries } from './panelSeries';
import { sameRangeResult } from './sameRangeResult';

/** One query's TanStack result, as much of it as a panel needs. */
export interface QueryAnswer extends QueryView<RangeResult> {
  isSuccess: boolean;
}

/** What a panel keeps of one query text between renders. */
interface HeldAnswer {
  /** The answer shown: the newest one whose samples differ from the one before. */
  data?: RangeResult;
  /** A newer answer found to hold the same samples as `data` (so it is compared only once). */
  sameAs?: RangeResult;
  /** The last error, shown again while the next attempt at the same query is pending. */
  error?: unknown;
  failed: boolean;
}

/**
 * Everything a panel shows, derived from the answers of its queries and from what it showed before.
 * The runner keeps it as state; `advancePanel` gives back the very same object when nothing visible
 * changed, so the panel, its chart and everything memoized downstream skip their work.
 */
export interface PanelHold {
  answers: ReadonlyMap<string, HeldAnswer>;
  /** The answers the series were built of, one per query. */
  datas: ReadonlyArray<RangeResult | undefined>;
  series: readonly NamedSeries[];
  query: PanelQueryState;
}

const NO_SERIES: readonly NamedSeries[] = [];

function heldAnswer(prev: HeldAnswer | undefined, a: QueryAnswer): HeldAnswer {
  let { data, sameAs } = prev ?? {};
  if (a.data !== undefined && a.data !== data && a.data !== sameAs) {
    if (data !== undefined && sameRangeResult(data, a.data)) sameAs = a.data;
    else [data, sameAs] = [a.data, undefined];
  }
  let failed = prev?.failed ?? false;
  let error = prev?.error;
  if (a.isError) [failed, error] = [true, a.error];
  else if (a.isSuccess) [failed, error] = [false, undefined];
  if (prev && prev.data === data && prev.sameAs === sameAs && prev.failed === failed && prev.error === error) return prev;
  return { data, sameAs, error, failed };
}

/**
 * What the panel shows of one query: the held answer while a new one loads (keepPreviousData, across
 * key changes too), and a held error while the same query is asked again, so a failing panel on a wall
 * screen keeps its message instead of blinking to a spinner at every refresh.
 */
function shownView(held: HeldAnswer, a: QueryAnswer): QueryView<RangeResult> {
  if (a.isPending && held.failed) return { data: held.data, error: held.error, isError: true, isPending: false, isFetching: true };
  return { data: held.data, error: a.error, isError: a.isError, isPending: a.isPending && held.data === undefined, isFetching: a.isFetching };
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameQueryState(a: PanelQueryState, b: PanelQueryState): boolean {
  return a.loading === b.loading && a.error === b.error && a.fetching === b.fetching && sameList(a.warnings, b.warnings);
}

/**
 * The next hold of a panel. Idempotent: given its own result and the same answers it returns that
 * result itself, which is what lets the runner store it as state during render without looping.
 *
 * Several queries of one panel (p50, p95, p99) land one by one; while any of them is still fetching the
 * series drawn stay as they were, so the chart redraws once per refresh, not once per query.
 */
export function advancePanel(
  prev: PanelHold | undefined,
  queries: readonly PanelQuerySpec[],
  options: PanelOptions | undefined,
  answers: readonly QueryAnswer[],
  extraWarnings: readonly string[] = [],
): PanelHold {
  // Held per query text, and only for the texts asked now: the memory stays bounded for weeks.
  const held = queries.map((q, i) => heldAnswer(prev?.answers.get(q.expr), answers[i]!));
  const fresh = new Map(queries.map((q, i) => [q.expr, held[i]!]));
  const unchanged = prev !== undefined && prev.answers.size === fresh.size && [...fresh].every(([expr, h]) => prev.answers.get(expr) === h);
  const answerMap = unchanged ? prev.answers : fresh;

  const views = queries.map((_, i) => shownView(held[i]!, answers[i]!));
  const datas = views.map((v) => v.data);
  const fetching = views.some((v) => v.isFetching);
  let series: readonly NamedSeries[];
  let builtOf: ReadonlyArray<RangeResult | undefined>;
  if (prev && (sameList(prev.datas, datas) || (fetching && prev.series.length > 0))) [series, builtOf] = [prev.series, prev.datas];
  else [series, builtOf] = [queries.length === 0 ? NO_SERIES : panelSeries(queries, datas, options), datas];

  const state = panelQueryState(views, extraWarnings);
  const query = prev && sameQueryState(prev.query, state) ? prev.query : state;
  if (prev && answerMap === prev.answers && series === prev.series && builtOf === prev.datas && query === prev.query) return prev;
  return { answers: answerMap, datas: builtOf, series, query };
}
