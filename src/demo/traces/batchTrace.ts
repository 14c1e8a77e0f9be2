import type { Span } from '../../model/trace';
import { decodeTraceId, DEFAULT_SEED, encodeTraceId, spanIdFromKey, unitHash, traceKey, type TraceIdParts } from '../simulator';
import type { DemoTrace } from './demoTrace';
import { resourceOf } from './spansFromHops';

/**
 * The batch-job scenario: one very large trace (a nightly order reconciliation) for benchmarks and
 * e2e tests. Its trace ID uses a flow byte no request flow has (`BATCH_FLOW`) and carries the span
 * count in its sequence field, so any size can be asked for and every span is a pure function of
 * (ID, index). A store keeps the last ones built in a bounded cache (`createBatchTraceCache`).
 */
export const BATCH_FLOW = 0xff;
/** Larger counts decode as "not found": a crafted ID must not make the demo stream for minutes. */
export const MAX_BATCH_SPANS = 1_000_000;
/** 2026-01-01T02:00:00Z: the batch job's documented start. */
export const BATCH_START_MS = Date.UTC(2026, 0, 1, 2, 0, 0);
export const BATCH_SPAN_COUNT = 100_000;

/** The ID of a batch-job trace of `spanCount` spans, for a simulator seeded with `seed`. */
export function batchTraceId(spanCount: number, seed = DEFAULT_SEED, startMs = BATCH_START_MS): string {
  return encodeTraceId({ seed, startMs, flow: BATCH_FLOW, outcome: 0, seq: spanCount });
}

/**
 * The documented 100,000-span trace of the default demo (seed 1), as the benchmarks and e2e tests
 * open it. traceStore.test.ts checks it equals `batchTraceId(100_000)`.
 */
export const BATCH_TRACE_ID = 'cb1735b9a9a5105b0a7a7549e9ba790b';

/** Each chunk span has this many items under it; an item is two calls, each a client and a server span. */
const ITEMS_PER_CHUNK = 25;
const SPANS_PER_ITEM = 4;
const BLOCK = 1 + ITEMS_PER_CHUNK * SPANS_PER_ITEM;
const ITEM_US = 4_000;
const CHUNK_US = ITEMS_PER_CHUNK * ITEM_US + 2_000;
/** About one payment in 500 fails: the batch trace has errors to find too. */
const PAYMENT_ERROR_SHARE = 0.002;

interface Layout {
  parent: number;
  service: string;
  name: string;
  kind: Span['kind'];
  startUs: number;
  durationUs: number;
  error: boolean;
  attributes: Span['attributes'];
}

/**
 * The attributes of the item spans, one frozen object per (call, side, outcome): 100,000 spans share
 * eight objects, so a cached trace holds no per-span attribute maps and the wire writers, which memoise
 * an attribute object's JSON (see traceWire/attrJson.ts), write each of them once.
 */
const ITEM_ATTRIBUTES = new Map<string, Span['attributes']>();
function itemAttributes(isPayment: boolean, client: boolean, failed: boolean): Span['attributes'] {
  const key = `${isPayment ? 'p' : 'i'}${client ? 'c' : 's'}${failed ? 'e' : 'o'}`;
  let attrs = ITEM_ATTRIBUTES.get(key);
  if (attrs === undefined) {
    const peer = isPayment ? 'payments' : 'inventory';
    const route = isPayment ? '/payments' : '/inventory/reserve';
    const status = failed ? 500 : 200;
    const made: Span['attributes'] = client
      ? { 'http.request.method': 'POST', 'server.address': peer, 'peer.service': peer, 'http.response.status_code': status }
      : { 'http.request.method': 'POST', 'http.route': route, 'http.response.status_code': status };
    attrs = Object.freeze(made);
    ITEM_ATTRIBUTES.set(key, attrs);
  }
  return attrs;
}

/** One frozen resource per service, shared by its spans (the same attributes `resourceOf` gives). */
const RESOURCES = new Map<string, Span['resource']>();
function sharedResource(service: string): Span['resource'] {
  let resource = RESOURCES.get(service);
  if (resource === undefined) {
    resource = Object.freeze(resourceOf(service));
    RESOURCES.set(service, resource);
  }
  return resource;
}

/** Where span `i` sits: computed from the index alone (no tree walk, no recursion). `key` is `traceKey(parts)`. */
function layoutOf(parts: TraceIdParts, key: number, count: number, i: number): Layout {
  const t0 = parts.startMs * 1000;
  const blocks = Math.ceil((count - 1) / BLOCK);
  if (i === 0) {
    return { parent: -1, service: 'orders', name: 'reconcile-orders', kind: 'internal', startUs: t0, durationUs: blocks * CHUNK_US + 1_000, error: false, attributes: { 'batch.chunks': blocks } };
  }
  const j = i - 1;
  const block = Math.floor(j / BLOCK);
  const r = j % BLOCK;
  const chunkIndex = 1 + block * BLOCK;
  const chunkStart = t0 + 500 + block * CHUNK_US;
  if (r === 0) {
    return { parent: 0, service: 'orders', name: 'reconcile-chunk', kind: 'internal', startUs: chunkStart, durationUs: CHUNK_US - 500, error: false, attributes: { 'batch.chunk': block } };
  }
  const item = Math.floor((r - 1) / SPANS_PER_ITEM);
  const pos = (r - 1) % SPANS_PER_ITEM;
  const itemStart = chunkStart + 1_000 + item * ITEM_US;
  const jitter = unitHash(key, block, item, 7);
  const isPayment = pos >= 2;
  const failed = isPayment && unitHash(key, block, item, 8) < PAYMENT_ERROR_SHARE;
  const callStart = itemStart + (isPayment ? 1_800 : 0);
  const callUs = Math.round(600 + 1_000 * jitter);
  const peer = isPayment ? 'payments' : 'inventory';
  const name = isPayment ? 'POST /payments' : 'POST /inventory/reserve';
  const client = pos % 2 === 0;
  const attributes = itemAttributes(isPayment, client, failed);
  if (client) {
    return { parent: chunkIndex, service: 'orders', name, kind: 'client', startUs: callStart, durationUs: callUs, error: failed, attributes };
  }
  return { parent: i - 1, service: peer, name, kind: 'server', startUs: callStart + 100, durationUs: callUs - 200, error: failed, attributes };
}

function* batchSpans(traceId: string, parts: TraceIdParts, count: number): Generator<Span, void, undefined> {
  const key = traceKey(parts);
  // Each span ID is made once. A span's parent is the root, the latest chunk span or the span just
  // before it (see layoutOf), so those three IDs are all a pass keeps.
  let rootId = '';
  let chunkId = '';
  let previousId = '';
  for (let i = 0; i < count; i++) {
    const l = layoutOf(parts, key, count, i);
    const spanId = spanIdFromKey(key, i);
    const parentSpanId = l.parent < 0 ? undefined : l.parent === 0 ? rootId : l.parent === i - 1 ? previousId : chunkId;
    if (i === 0) rootId = spanId;
    else if (l.name === 'reconcile-chunk') chunkId = spanId;
    previousId = spanId;
    yield {
      traceId,
      spanId,
      ...(parentSpanId !== undefined ? { parentSpanId } : {}),
      name: l.name,
      service: l.service,
      kind: l.kind,
      startUs: l.startUs,
      durationUs: l.durationUs,
      status: l.error ? 'error' : 'unset',
      ...(l.error ? { statusMessage: 'payment declined by the provider' } : {}),
      attributes: l.attributes,
      resource: sharedResource(l.service),
      events: [],
      links: [],
    };
  }
}

/**
 * The batch traces built so far, newest use last: every API asks the same trace once per page open
 * (and the trace page asks three APIs at once), and rebuilding 100,000 spans with their hashed IDs was
 * most of a demo answer's time. Bounded by spans, not traces: at most `MAX_CACHED_SPANS` (two
 * 100,000-span traces, about 40 MB), so the demo never holds several big traces; a trace larger than
 * the bound is streamed from its generator on every pass, as before.
 */
export interface BatchTraceCache {
  spans(traceId: string, build: () => Span[], count: number): readonly Span[] | undefined;
  /** The cached trace IDs, least recently used first (for tests). */
  keys(): string[];
}

export const MAX_CACHED_SPANS = 200_000;

export function createBatchTraceCache(maxSpans = MAX_CACHED_SPANS): BatchTraceCache {
  const entries = new Map<string, readonly Span[]>();
  let held = 0;
  return {
    spans(traceId, build, count) {
      const hit = entries.get(traceId);
      if (hit !== undefined) {
        entries.delete(traceId);
        entries.set(traceId, hit);
        return hit;
      }
      if (count > maxSpans) return undefined;
      const spans = build();
      entries.set(traceId, spans);
      held += spans.length;
      for (const [id, old] of entries) {
        if (held <= maxSpans) break;
        entries.delete(id);
        held -= old.length;
      }
      return spans;
    },
    keys: () => [...entries.keys()],
  };
}

/** The batch-job trace an ID names, or undefined when the ID is not one (or asks for too many spans). */
export function batchTrace(traceId: string, seed: number, cache?: BatchTraceCache): DemoTrace | undefined {
  const parts = decodeTraceId(traceId);
  if (parts === undefined || parts.flow !== BATCH_FLOW || parts.seed !== seed || parts.outcome !== 0) return undefined;
  const count = parts.seq;
  if (count < 1 || count > MAX_BATCH_SPANS) return undefined;
  const root = batchSpans(traceId, parts, count).next().value;
  if (root === undefined) return undefined;
  // Span 3 is the first inventory span and span 5 the first payments span (see layoutOf).
  const services = count <= 3 ? ['orders'] : count <= 5 ? ['orders', 'inventory'] : ['orders', 'inventory', 'payments'];
  return {
    traceId,
    spanCount: count,
    services,
    root,
    startUs: root.startUs,
    endUs: root.startUs + root.durationUs,
    // Built on the first pass (a lookup or search that only reads the root builds nothing).
    spans: () => cache?.spans(traceId, () => [...batchSpans(traceId, parts, count)], count) ?? batchSpans(traceId, parts, count),
  };
}
