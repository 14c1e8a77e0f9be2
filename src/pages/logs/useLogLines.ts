import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { logsQueryOptions, logVolumeQueryOptions } from '../../datasources/logQueries';
import type { DataSource } from '../../datasources/types';
import type { LogLine, LogPage } from '../../model/logs';
import { chooseStep, type TimeRange } from '../../model/time';

/** Lines asked for per page; Loki's default `max_entries_limit_per_query` is 5000, and the adapter lowers it to the cap. */
export const PAGE_LIMIT = 5000;
/** Bars in the volume histogram, about. */
const VOLUME_BARS = 120;

export interface LogLines {
  /** Newest first, in hand across every page loaded, each key once. */
  lines: readonly LogLine[];
  warnings: string[];
  hasMore: boolean;
  serverCap: number | undefined;
  loadOlder: () => void;
  loadingOlder: boolean;
  pending: boolean;
  fetching: boolean;
  error: unknown;
}

/** Flattens pages, keeping the first copy of a key (a page boundary at a shared timestamp may repeat one). */
export function linesOfPages(pages: readonly LogPage[]): LogLine[] {
  if (pages.length === 1) return pages[0]!.lines;
  const seen = new Set<string>();
  const out: LogLine[] = [];
  for (const page of pages) {
    for (const line of page.lines) {
      if (seen.has(line.key)) continue;
      seen.add(line.key);
      out.push(line);
    }
  }
  return out;
}

export function useLogLines(ds: DataSource, query: string, range: TimeRange): LogLines {
  const result = useInfiniteQuery({ ...logsQueryOptions(ds, query, range, { limit: PAGE_LIMIT, direction: 'backward' }), enabled: query.trim() !== '' });
  const pages = result.data?.pages;
  const lines = useMemo(() => (pages ? linesOfPages(pages) : []), [pages]);
  const warnings = useMemo(() => [...new Set(pages?.flatMap((p) => p.warnings) ?? [])], [pages]);
  const last = pages?.[pages.length - 1];
  return {
    lines,
    warnings,
    hasMore: result.hasNextPage,
    serverCap: last?.serverCap ?? pages?.[0]?.serverCap,
    loadOlder: () => void result.fetchNextPage(),
    loadingOlder: result.isFetchingNextPage,
    pending: result.isPending && query.trim() !== '',
    fetching: result.isFetching,
    error: result.error ?? undefined,
  };
}

export function useLogVolume(ds: DataSource, query: string, range: TimeRange) {
  const stepMs = chooseStep(range, { points: VOLUME_BARS, minStepMs: 1000 });
  return useQuery({ ...logVolumeQueryOptions(ds, query, range, stepMs), enabled: query.trim() !== '' && ds.logs?.volume !== undefined });
}
