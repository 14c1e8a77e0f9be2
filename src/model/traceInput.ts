import { normalizeTraceId } from './traceId';

/** What the trace ID box makes of what was typed or pasted. */
export type TraceInput =
  | { ok: true; traceId: string; /** The parent span of a `traceparent`: the span that sent the header. */ spanId?: string }
  | { ok: false; reason: string };

const MAX_HEX = 32;
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * Reads a trace ID as people paste it: 16 or 32 hex characters, with or without leading zeros, in any case,
 * or a W3C `traceparent` header value (`00-<32 hex trace ID>-<16 hex parent ID>-<2 hex flags>`). The trace ID
 * comes back canonical (normalizeTraceId). Anything else is rejected with a reason a person can act on.
 */
export function parseTraceInput(raw: string): TraceInput {
  const text = raw.trim().toLowerCase();
  if (text === '') return { ok: false, reason: 'Enter a trace ID (16 or 32 hex characters) or a traceparent header.' };
  if (text.includes('-')) return parseTraceparent(text);
  const bad = /[^0-9a-f]/.exec(text);
  if (bad) {
    return { ok: false, reason: `${JSON.stringify(bad[0])} at position ${bad.index + 1} is not a hex digit (0-9, a-f).` };
  }
  if (text.length > MAX_HEX) return { ok: false, reason: `${text.length} hex characters: a trace ID has at most ${MAX_HEX}.` };
  const id = normalizeTraceId(text);
  if (id === undefined) return { ok: false, reason: 'An all-zero trace ID is not valid.' };
  return { ok: true, traceId: id };
}

function parseTraceparent(text: string): TraceInput {
  const m = TRACEPARENT.exec(text);
  if (!m) {
    return { ok: false, reason: 'Not a traceparent: expected 00-<32 hex trace ID>-<16 hex parent ID>-<2 hex flags>.' };
  }
  const [, version, trace, parent] = m as unknown as [string, string, string, string, string];
  if (version === 'ff') return { ok: false, reason: 'traceparent version ff is not valid.' };
  const traceId = normalizeTraceId(trace);
  if (traceId === undefined) return { ok: false, reason: 'The traceparent has an all-zero trace ID, which is not valid.' };
  if (/^0+$/.test(parent)) return { ok: false, reason: 'The traceparent has an all-zero parent ID, which is not valid.' };
  return { ok: true, traceId, spanId: parent };
}
