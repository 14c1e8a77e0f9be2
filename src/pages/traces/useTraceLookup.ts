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
  /** Every datasource that can look up traces, in config order: all of them are asked. */
  answers: SourceAnswer[];
  /** The first datasource (in config order) that has the trace, once it has answered. */
  found?: Extract<SourceAnswer, { state: 'found' }>;
  pending: boolean;
}

/**
 * Asks every traces datasource for the trace, over the URL's window (an exemplar link carries one around its
 * time). One failing datasource is one failed answer, never a blank page.
 */
export function useTraceLookup(traceId: string): TraceLookup {
  const sources = useDataSources().list.filter((ds) => ds.traces !== undefined);
  const range = useHeldRange();
  const answers = useQueries({
    queries: sources.map((ds) => traceQueryOptions(ds, traceId, range)),
    combine: (results) =>
      results.map((r, i): SourceAnswer => {
        const ds = sources[i]!;
        if (r.data !== undefined) return { ds, state: 'found', trace: r.data };
        if (r.error) return { ds, state: 'failed', error: r.error };
        return { ds, state: 'pending' };
      }),
  });
  const found = answers.find((a): a is Extract<SourceAnswer, { state: 'found' }> => a.state === 'found');
  return { answers, pending: answers.some((a) => a.state === 'pending'), ...(found ? { found } : {}) };
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
