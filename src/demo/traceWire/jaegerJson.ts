import type { AttrValue, Attrs, Span } from '../../model/trace';
import type { DemoTrace } from '../traces/demoTrace';
import { DEMO_SCOPE } from '../traces/spansFromHops';
import { createFrozenMemo } from './frozenMemo';
import { json } from './stream';

const MAX_SAFE = 2 ** 53 - 1;

/** One Jaeger `KeyValue` (reference §3.1): typed; int64 beyond ±(2⁵³−1) as a string. */
export function jaegerTag(key: string, value: AttrValue): string {
  const k = json(key);
  if (typeof value === 'boolean') return `{"key":${k},"type":"bool","value":${value}}`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `{"key":${k},"type":"float64","value":${json(String(value))}}`;
    if (!Number.isInteger(value)) return `{"key":${k},"type":"float64","value":${value}}`;
    return `{"key":${k},"type":"int64","value":${Math.abs(value) > MAX_SAFE ? json(String(value)) : value}}`;
  }
  const text = value === null ? '' : Array.isArray(value) ? JSON.stringify(value) : value;
  return `{"key":${k},"type":"string","value":${json(text)}}`;
}

function tagList(attrs: Attrs, skip?: string): string[] {
  return Object.entries(attrs)
    .filter(([key]) => key !== skip)
    .map(([key, value]) => jaegerTag(key, value));
}

/**
 * A span as Jaeger's OTLP translator shows it: attributes, then `span.kind` (none for INTERNAL),
 * the status tags (`otel.status_code`, `error: true`, `otel.status_description`) and the scope.
 */
function spanTags(span: Span): string {
  return spanTagsMemo(span.attributes, `${span.kind}\u0000${span.status}\u0000${span.statusMessage ?? '\u0001'}`, () => writeSpanTags(span));
}

const spanTagsMemo = createFrozenMemo();

function writeSpanTags(span: Span): string {
  const tags = tagList(span.attributes);
  if (span.kind !== 'internal' && span.kind !== 'unspecified') tags.push(jaegerTag('span.kind', span.kind));
  if (span.status === 'error') {
    tags.push(jaegerTag('otel.status_code', 'ERROR'), jaegerTag('error', true));
    if (span.statusMessage !== undefined) tags.push(jaegerTag('otel.status_description', span.statusMessage));
  } else if (span.status === 'ok') {
    tags.push(jaegerTag('otel.status_code', 'OK'));
  }
  tags.push(jaegerTag('otel.scope.name', DEMO_SCOPE.name), jaegerTag('otel.scope.version', DEMO_SCOPE.version));
  return `[${tags.join(',')}]`;
}

/** Jaeger prints a trace ID as 16 hex when its high 64 bits are zero, else 32. */
export function jaegerTraceId(hex32: string): string {
  return hex32.startsWith('0000000000000000') ? hex32.slice(16) : hex32;
}

function spanJson(span: Span, processId: string): string {
  const traceId = json(jaegerTraceId(span.traceId));
  const refs = span.parentSpanId === undefined ? '' : `{"refType":"CHILD_OF","traceID":${traceId},"spanID":${json(span.parentSpanId)}}`;
  const follows = span.links.map((l) => `{"refType":"FOLLOWS_FROM","traceID":${json(jaegerTraceId(l.traceId))},"spanID":${json(l.spanId)}}`);
  const references = [refs, ...follows].filter((r) => r !== '').join(',');
  const logs = span.events.map((e) => `{"timestamp":${e.timeUs},"fields":[${[jaegerTag('event', e.name), ...tagList(e.attributes)].join(',')}]}`);
  return (
    `{"traceID":${traceId},"spanID":${json(span.spanId)},"flags":1,"operationName":${json(span.name)},` +
    `"references":[${references}],"startTime":${span.startUs},"duration":${span.durationUs},"tags":${spanTags(span)},` +
    `"logs":[${logs.join(',')}],"processID":${json(processId)},"warnings":null}`
  );
}

/**
 * One trace of Jaeger's v1 JSON model (`internal/uimodel`): spans in pre-order, then `processes`
 * keyed p1, p2, … in order of first appearance (one per service: a service has one resource here).
 */
export function* jaegerTraceChunks(trace: DemoTrace): Generator<string, void, undefined> {
  const processIds = new Map<string, string>();
  const processes: string[] = [];
  yield `{"traceID":${json(jaegerTraceId(trace.traceId))},"spans":[`;
  let first = true;
  for (const span of trace.spans()) {
    let pid = processIds.get(span.service);
    if (pid === undefined) {
      pid = `p${processIds.size + 1}`;
      processIds.set(span.service, pid);
      processes.push(`${json(pid)}:{"serviceName":${json(span.service)},"tags":[${tagList(span.resource, 'service.name').join(',')}]}`);
    }
    yield `${first ? '' : ','}${spanJson(span, pid)}`;
    first = false;
  }
  yield `],"processes":{${processes.join(',')}},"warnings":null}`;
}
