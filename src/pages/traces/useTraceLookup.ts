import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
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
 * How long the first backend in config order has to decide the lookup before the others are asked too,
 * when no link named a backend. Asking every backend at once fetched, parsed and held a 100,000-span trace
 * once per backend that has it (the demo's three: ~20 s of parsing on the page, and the later answers
 * timed out behind the first), while only the first in order is ever shown. Long enough for a first
 * backend to answer a 100,000-span trace on a busy machine; short against a hung one's 30 s timeout.
 */
export const TRACE_LOOKUP_HEDGE_MS = 10_000;

/**
 * Asks the traces datasources for the trace, over the URL's window (an exemplar link carries one around its
 * time), in order: the one a link names (`?ds=<uid>`, `preferredUid`), else the first in config order,
 * then each next one when all before it failed or lack the trace. Without a named backend, all the rest
 * are also asked once the lookup has not been decided within `TRACE_LOOKUP_HEDGE_MS` (a hung backend must
 * not hold the others back for its timeout). Once the trace is decided (a datasource has it and every one
 * before it failed) the later ones are no longer observed, which aborts requests still in flight. One
 * failing datasource is one failed answer, never a blank page.
 */
export function useTraceLookup(traceId: string, preferredUid?: string): TraceLookup {
  const sources = useDataSources().list.filter((ds) => ds.traces !== undefined);
  const range = useHeldRange();
  const preferred = preferredUid === undefined ? undefined : sources.find((ds) => ds.uid === preferredUid);
  const ordered = preferred ? [preferred, ...sources.filter((ds) => ds !== preferred)] : sources;
  const hedged = useHedge(traceId, preferred === undefined && ordered.length > 1);
  const client = useQueryClient();
  const states = ordered.map((ds) => client.getQueryState(traceQueryOptions(ds, traceId, range).queryKey));
  const asked = askedCount(states, hedged);
  const answers = useQueries({
    queries: ordered.slice(0, asked).map((ds) => traceQueryOptions(ds, traceId, range)),
    combine: (results) => results.map((r, i) => answerOf(ordered[i]!, r)),
  });
  const found = answers.find((a): a is Extract<SourceAnswer, { state: 'found' }> => a.state === 'found');
  return {
    answers,
    pending: answers.some((a) => a.state === 'pending'),
    ...(found ? { found } : {}),
    ...(preferredUid !== undefined && preferred === undefined ? { unknownPreferred: preferredUid } : {}),
  };
}

/**
 * How many of the ordered backends to ask: up to the first that has the trace when all before it failed
 * (the lookup is decided); else up to the first that has not failed, or all of them once hedged.
 */
function askedCount(states: ReadonlyArray<{ status: string; data?: unknown } | undefined>, hedged: boolean): number {
  for (let i = 0; i < states.length; i++) {
    const state = states[i];
    if (state?.data !== undefined) return i + 1;
    if (state?.status !== 'error') return hedged ? states.length : i + 1;
  }
  return states.length;
}

/** True once `ms` have passed since `key` was first looked up (when `armed`). */
function useHedge(key: string, armed: boolean, ms = TRACE_LOOKUP_HEDGE_MS): boolean {
  const [firedFor, setFiredFor] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!armed) return undefined;
    const timer = setTimeout(() => setFiredFor(key), ms);
    return () => clearTimeout(timer);
  }, [key, armed, ms]);
  return armed && firedFor === key;
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
