import type { Span, SpanKind } from '../../model/trace';
import { normalizeTraceId } from '../../model/traceId';
import type { Simulator } from '../simulator';
import { batchTrace, createBatchTraceCache } from './batchTrace';
import { demoTraceOf, type DemoTrace } from './demoTrace';
import { spansFromDescription } from './spansFromHops';

/** What a search looks for: traces starting in [startUs, endUs] with a span passing `spanFilter` and passing `traceFilter`. */
export interface TraceQuery {
  startUs: number;
  endUs: number;
  limit: number;
  spanFilter?: (span: Span) => boolean;
  traceFilter?: (trace: DemoTrace) => boolean;
}

export interface TraceMatch {
  trace: DemoTrace;
  /** The spans that passed `spanFilter` (all spans when there is none), in pre-order. */
  matched: Span[];
}

export interface TraceSearchResult {
  matches: TraceMatch[];
  /** How many candidate traces were rebuilt and checked (Tempo reports it as `inspectedTraces`). */
  inspected: number;
}

export interface SpanOperation {
  name: string;
  kind: SpanKind;
}

export interface DemoTraceStore {
  /** The trace an ID names (1–32 hex, any case), or undefined: foreign IDs are "not found". */
  get(traceId: string): DemoTrace | undefined;
  search(query: TraceQuery): TraceSearchResult;
  /** Sorted. */
  services(): string[];
  /** Distinct (name, kind) pairs of a service's spans, sorted by name then kind. */
  operations(service: string): SpanOperation[];
  /** Every span attribute (resource or span scope) with the values demo spans give it, for tag look-ups. */
  attributeValues(scope: 'resource' | 'span'): ReadonlyMap<string, ReadonlyArray<string | number>>;
}

/**
 * A search never looks further back than this from its end: the demo enumerates candidates (one
 * exemplar slot per minute and histogram) instead of indexing, so an unbounded range must not turn
 * into an unbounded scan. A day covers the default windows of every UI.
 */
export const MAX_SEARCH_SPAN_MS = 24 * 3_600_000;
/** And never rebuilds more traces than this per search, whatever the filters reject. */
export const MAX_SEARCH_CANDIDATES = 10_000;

/**
 * The traces behind the simulator's metrics: rebuilt from their IDs on demand (nothing is stored),
 * searched by enumerating the requests the histograms sample as exemplars, newest first.
 */
export function createTraceStore(simulator: Simulator): DemoTraceStore {
  const batches = createBatchTraceCache();
  const get = (raw: string): DemoTrace | undefined => {
    const id = normalizeTraceId(raw);
    if (id === undefined) return undefined;
    const description = simulator.describeTrace(id);
    if (description !== undefined) return demoTraceOf(id, spansFromDescription(id, description));
    return batchTrace(id, simulator.seed, batches);
  };

  // Every template built once with a dummy ID: the names, kinds and attribute values spans can have.
  const templateSpans: Span[] = [];
  for (const hops of simulator.traceTemplates) {
    const spanIds = hops.map((_, i) => String(i));
    const timings = hops.map(() => ({ startS: 0, durationS: 0 }));
    const outcome = { kind: 'ok' as const, target: hops[0]?.service ?? 'api-gateway' };
    templateSpans.push(...spansFromDescription('0', { parts: { seed: 0, startMs: 0, flow: 0, outcome: 0, seq: 0 }, flow: '', outcome, hops, timings, spanIds }));
  }
  const services = [...new Set(templateSpans.map((s) => s.service))].sort();
  const operationsOf = new Map<string, SpanOperation[]>();
  for (const service of services) {
    const seen = new Map<string, SpanOperation>();
    for (const s of templateSpans) if (s.service === service) seen.set(`${s.name}\u0000${s.kind}`, { name: s.name, kind: s.kind });
    operationsOf.set(service, [...seen.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0)));
  }
  const valuesOf = (scope: 'resource' | 'span'): Map<string, Array<string | number>> => {
    const out = new Map<string, Set<string | number>>();
    for (const s of templateSpans) {
      for (const [key, value] of Object.entries(scope === 'resource' ? s.resource : s.attributes)) {
        if (typeof value !== 'string' && typeof value !== 'number') continue;
        const set = out.get(key) ?? new Set<string | number>();
        set.add(value);
        out.set(key, set);
      }
    }
    return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, set]) => [k, [...set].sort((a, b) => (String(a) < String(b) ? -1 : 1))]));
  };
  const attributes = { resource: valuesOf('resource'), span: valuesOf('span') };

  const search = (query: TraceQuery): TraceSearchResult => {
    const out: TraceMatch[] = [];
    if (!(query.limit > 0) || !(query.endUs >= query.startUs)) return { matches: out, inspected: 0 };
    const endMs = Math.floor(query.endUs / 1000);
    const startMs = Math.max(Math.ceil(query.startUs / 1000), endMs - MAX_SEARCH_SPAN_MS);
    let inspected = 0;
    for (const id of simulator.sampledTraceIds(startMs, endMs)) {
      if (inspected >= MAX_SEARCH_CANDIDATES) break;
      inspected++;
      const trace = get(id);
      if (trace === undefined) continue;
      const spans = [...trace.spans()];
      const matched = query.spanFilter === undefined ? spans : spans.filter(query.spanFilter);
      if (matched.length === 0) continue;
      if (query.traceFilter !== undefined && !query.traceFilter(trace)) continue;
      out.push({ trace, matched });
      if (out.length >= query.limit) break;
    }
    return { matches: out, inspected };
  };

  return {
    get,
    search,
    services: () => [...services],
    operations: (service) => [...(operationsOf.get(service) ?? [])],
    attributeValues: (scope) => attributes[scope],
  };
}
