import type { Span } from '../../model/trace';
import type { DemoTrace } from '../traces/demoTrace';
import { tagText } from './tags';
import { createFrozenMemo } from './frozenMemo';
import { json } from './stream';

/** Zipkin writes a 128-bit ID whose high 64 bits are zero as 16 hex (reference §5). */
export function zipkinTraceId(hex32: string): string {
  return hex32.startsWith('0000000000000000') ? hex32.slice(16) : hex32;
}

const KIND: Readonly<Partial<Record<Span['kind'], string>>> = { server: 'SERVER', client: 'CLIENT', producer: 'PRODUCER', consumer: 'CONSUMER' };

/**
 * One Zipkin v2 span in the JSON writer's key order, absent keys omitted: names lower-cased as Zipkin
 * stores them, tags string→string sorted by key (Zipkin keeps them in a TreeMap), events as
 * annotations, the callee as the client's `remoteEndpoint`, and `error` tagged on error spans.
 */
export function zipkinSpanJson(span: Span): string {
  let out = `{"traceId":${json(zipkinTraceId(span.traceId))}`;
  if (span.parentSpanId !== undefined) out += `,"parentId":${json(span.parentSpanId)}`;
  out += `,"id":${json(span.spanId)}`;
  const kind = KIND[span.kind];
  if (kind !== undefined) out += `,"kind":"${kind}"`;
  out += `,"name":${json(span.name.toLowerCase())},"timestamp":${span.startUs},"duration":${Math.max(1, span.durationUs)}`;
  out += `,"localEndpoint":{"serviceName":${json(span.service.toLowerCase())}}`;
  const peer = span.attributes['peer.service'];
  if (span.kind === 'client' && typeof peer === 'string') out += `,"remoteEndpoint":{"serviceName":${json(peer.toLowerCase())}}`;
  if (span.events.length > 0) {
    const annotations = [...span.events].sort((a, b) => a.timeUs - b.timeUs).map((e) => `{"timestamp":${e.timeUs},"value":${json(e.name)}}`);
    out += `,"annotations":[${annotations.join(',')}]`;
  }
  const variant = span.status === 'error' ? `e${span.statusMessage ?? ''}` : '';
  return `${out}${tagsMemo(span.attributes, variant, () => tagsJson(span))}}`;
}

const tagsMemo = createFrozenMemo();

/** `,"tags":{…}`, or nothing when the span has none. */
function tagsJson(span: Span): string {
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(span.attributes)) tags[key] = tagText(value);
  if (span.status === 'error') {
    tags['otel.status_code'] = 'ERROR';
    tags.error = span.statusMessage ?? '';
  }
  const keys = Object.keys(tags).sort();
  return keys.length > 0 ? `,"tags":{${keys.map((k) => `${json(k)}:${json(tags[k] ?? '')}`).join(',')}}` : '';
}

/** A trace as Zipkin answers `/api/v2/trace/{id}`: a JSON array of spans, streamed. */
export function* zipkinTraceChunks(trace: DemoTrace): Generator<string, void, undefined> {
  yield '[';
  let first = true;
  for (const span of trace.spans()) {
    yield `${first ? '' : ','}${zipkinSpanJson(span)}`;
    first = false;
  }
  yield ']';
}
