const HEX = /^[0-9a-f]{1,32}$/;

/**
 * Canonical trace ID: lowercase, 32 hex characters, left-padded with zeros. Accepts the forms servers
 * send (Zipkin/Jaeger 16-hex, Tempo search with leading zeros stripped, uppercase). Returns undefined
 * for anything that is not a valid, non-zero ID.
 */
export function normalizeTraceId(raw: string): string | undefined {
  const id = raw.trim().toLowerCase();
  if (!HEX.test(id)) return undefined;
  const padded = id.padStart(32, '0');
  return /^0+$/.test(padded) ? undefined : padded;
}

/** Base64 (Tempo trace JSON, proto3 JSON) → canonical hex; undefined when it does not decode to 8 or 16 bytes. */
export function traceIdFromBase64(b64: string): string | undefined {
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    return undefined;
  }
  if (bin.length !== 16 && bin.length !== 8) return undefined;
  let hex = '';
  for (let i = 0; i < bin.length; i++) hex += bin.charCodeAt(i).toString(16).padStart(2, '0');
  return normalizeTraceId(hex);
}

const SPAN_HEX = /^[0-9a-f]{1,16}$/;

/**
 * Canonical span ID: lowercase, 16 hex characters, left-padded (some producers drop leading zeros).
 * Undefined for anything else and for the all-zero ID, which producers send to mean "no parent".
 */
export function normalizeSpanId(raw: string): string | undefined {
  const id = raw.trim().toLowerCase();
  if (!SPAN_HEX.test(id)) return undefined;
  const padded = id.padStart(16, '0');
  return padded === '0000000000000000' ? undefined : padded;
}
