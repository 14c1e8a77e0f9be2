import { normalizeTraceId, traceIdFromBase64 } from '../../../model/traceId';

const HEX = /^[0-9a-fA-F]+$/;

/**
 * An OTLP trace or span ID as canonical lowercase hex. The spec says hex (any case); Tempo's JSON is proto3's
 * base64 of the bytes (`Lz4M7neuXcnBet42iesuVA==`). A string of hex digits only is read as hex; anything else
 * (`+`, `/`, `=`, letters past f) as base64. Base64 of 8 or 16 bytes always has a padding `=` or a non-hex
 * character, so a real ID is never misread. Undefined when it is neither.
 */
export function readTraceIdText(raw: string): string | undefined {
  if (HEX.test(raw)) return raw.length <= 32 ? normalizeTraceId(raw) : undefined;
  return traceIdFromBase64(raw);
}

/** A span ID as 16 lowercase hex characters; undefined for an invalid or all-zero ID (proto3: no parent). */
export function readSpanIdText(raw: string): string | undefined {
  let hex: string | undefined;
  if (HEX.test(raw)) hex = raw.length <= 16 ? raw.toLowerCase().padStart(16, '0') : undefined;
  else hex = bytesToHex(raw, 8);
  return hex === undefined || /^0+$/.test(hex) ? undefined : hex;
}

function bytesToHex(b64: string, bytes: number): string | undefined {
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    return undefined;
  }
  if (bin.length !== bytes) return undefined;
  let hex = '';
  for (let i = 0; i < bin.length; i++) hex += bin.charCodeAt(i).toString(16).padStart(2, '0');
  return hex;
}
