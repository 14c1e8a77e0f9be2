import type { Span } from '../../model/trace';
import { decodeTraceId, DEFAULT_SEED, encodeTraceId, spanIdFor, unitHash, traceKey, type TraceIdParts } from '../simulator';
import type { DemoTrace } from './demoTrace';
import { resourceOf } from './spansFromHops';

/**
 * The batch-job scenario: one very large trace (a nightly order reconciliation) for benchmarks and
 * e2e tests. Its trace ID uses a flow byte no request flow has (`BATCH_FLOW`) and carries the span
 * count in its sequence field, so any size can be asked for and every span is a pure function of
 * (ID, index): the trace is never stored, only streamed.
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
 * open it. batchTrace.test.ts checks it equals `batchTraceId(100_000)`.
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

/** Where span `i` sits: computed from the index alone (no tree walk, no recursion). */
function layoutOf(parts: TraceIdParts, count: number, i: number): Layout {
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
  const jitter = unitHash(traceKey(parts), block, item, 7);
  const isPayment = pos >= 2;
  const failed = isPayment && unitHash(traceKey(parts), block, item, 8) < PAYMENT_ERROR_SHARE;
  const callStart = itemStart + (isPayment ? 1_800 : 0);
  const callUs = Math.round(600 + 1_000 * jitter);
  const peer = isPayment ? 'payments' : 'inventory';
  const method = 'POST';
  const route = isPayment ? '/payments' : '/inventory/reserve';
  const status = failed ? 500 : 200;
  if (pos % 2 === 0) {
    return {
      parent: chunkIndex,
      service: 'orders',
      name: `${method} ${route}`,
      kind: 'client',
      startUs: callStart,
      durationUs: callUs,
      error: failed,
      attributes: { 'http.request.method': method, 'server.address': peer, 'peer.service': peer, 'http.response.status_code': status },
    };
  }
  return {
    parent: i - 1,
    service: peer,
    name: `${method} ${route}`,
    kind: 'server',
    startUs: callStart + 100,
    durationUs: callUs - 200,
    error: failed,
    attributes: { 'http.request.method': method, 'http.route': route, 'http.response.status_code': status },
  };
}

function* batchSpans(traceId: string, parts: TraceIdParts, count: number): Generator<Span, void, undefined> {
  for (let i = 0; i < count; i++) {
    const l = layoutOf(parts, count, i);
    yield {
      traceId,
      spanId: spanIdFor(parts, i),
      ...(l.parent >= 0 ? { parentSpanId: spanIdFor(parts, l.parent) } : {}),
      name: l.name,
      service: l.service,
      kind: l.kind,
      startUs: l.startUs,
      durationUs: l.durationUs,
      status: l.error ? 'error' : 'unset',
      ...(l.error ? { statusMessage: 'payment declined by the provider' } : {}),
      attributes: l.attributes,
      resource: resourceOf(l.service),
      events: [],
      links: [],
    };
  }
}

/** The batch-job trace an ID names, or undefined when the ID is not one (or asks for too many spans). */
export function batchTrace(traceId: string, seed: number): DemoTrace | undefined {
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
    spans: () => batchSpans(traceId, parts, count),
  };
}
