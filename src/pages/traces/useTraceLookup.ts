import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { traceQueryOptions } from '../../datasources/queries';
import type { DataSource } from '../../datasources/types';
import type { RawTimeRange, TimeRange } from '../../model/time';
import type { Trace } from '../../model/trace';
import { useTimeRange } from '../../state/useTimeRange';
import { useDataSources } from '../shared/dataSources';

/** How one datasource answered the lookup. */
export type SourceAnswer =
  | { ds: DataSource; state: 'pending' }
  | { ds: DataSource; state: 'found'; trace: Trace }
  | { ds: DataSource; state: 'failed'; error: Error };

export interface TraceLookup {
  /** The traces datasources asked, in order: the one the link named first, then (if it lacks the trace) the rest in config order. */
  answers: SourceAnswer[];
  /** The first datasource (in that order) that has the trace, once it has answered. */
  found?: Extract<SourceAnswer, { state: 'found' }>;
  pending: boolean;
  /** A `?ds=` that names no traces datasource: every one is asked instead, and the page says so. */
  unknownPreferred?: string;
}

function answerOf(ds: DataSource, r: { data?: Trace | undefined; error: Error | null }): SourceAnswer {
  if (r.data !== undefined) return { ds, state: 'found', trace: r.data };
  if (r.error) return { ds, state: 'failed', error: r.error };
  return { ds, state: 'pending' };
}

/**
 * Asks the traces datasources for the trace, over the URL's window (an exemplar link carries one around its
 * time). A link that names its backend (`?ds=<uid>`, `preferredUid`) asks that one first and the others only
 * when it does not have the trace or fails; without one, every backend is asked at once. One failing
 * datasource is one failed answer, never a blank page.
 */
export function useTraceLookup(traceId: string, preferredUid?: string): TraceLookup {
  const sources = useDataSources().list.filter((ds) => ds.traces !== undefined);
  const range = useHeldRange();
  const preferred = preferredUid === undefined ? undefined : sources.find((ds) => ds.uid === preferredUid);
  const first = preferred ? [preferred] : [];
  const rest = preferred ? sources.filter((ds) => ds !== preferred) : sources;
  const firstAnswers = useQueries({
    queries: first.map((ds) => traceQueryOptions(ds, traceId, range)),
    combine: (results) => results.map((r, i) => answerOf(first[i]!, r)),
  });
  const askRest = preferred === undefined || firstAnswers[0]?.state === 'failed';
  const restAnswers = useQueries({
    queries: rest.map((ds) => ({ ...traceQueryOptions(ds, traceId, range), enabled: askRest })),
    combine: (results) => results.map((r, i) => answerOf(rest[i]!, r)),
  });
  const answers = askRest ? [...firstAnswers, ...restAnswers] : firstAnswers;
  const found = answers.find((a): a is Extract<SourceAnswer, { state: 'found' }> => a.state === 'found');
  return {
    answers,
    pending: answers.some((a) => a.state === 'pending'),
    ...(found ? { found } : {}),
    ...(preferredUid !== undefined && preferred === undefined ? { unknownPreferred: preferredUid } : {}),
  };
}

/**
 * The range a relative window ("last hour") resolved to when it was chosen, held while it stays chosen: a
 * refresh tick moves `now`, and a trace already on screen must not be fetched again (and its view reset) for it.
 */
function useHeldRange(): TimeRange {
  const { raw, range } = useTimeRange();
  const [held, setHeld] = useState<{ raw: RawTimeRange; range: TimeRange }>({ raw, range });
  if (held.raw.from !== raw.from || held.raw.to !== raw.to) {
    setHeld({ raw, range });
    return range;
  }
  return held.range;
}
