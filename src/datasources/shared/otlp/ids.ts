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

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64_ALPHABET.length; i++) SEXTET[BASE64_ALPHABET.charCodeAt(i)] = i;
const BYTE_HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * An 8-byte ID in the one form Tempo writes it (11 base64 characters and one `=`) straight to hex, or
 * undefined for anything else: the same result as `atob` and a hex loop, without a binary string per ID
 * (two per span, 200,000 for a 100,000-span trace, were a second of the page's parse).
 */
function paddedBase64SpanIdToHex(b64: string): string | undefined {
  if (b64.length !== 12 || b64.charCodeAt(11) !== 61) return undefined;
  let hex = '';
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < 11; i++) {
    const code = b64.charCodeAt(i);
    const sextet = code < 128 ? (SEXTET[code] ?? -1) : -1;
    if (sextet < 0) return undefined;
    acc = ((acc << 6) | sextet) & 0xfff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      hex += BYTE_HEX[(acc >> bits) & 0xff];
    }
  }
  return hex;
}

function bytesToHex(b64: string, bytes: number): string | undefined {
  if (bytes === 8) {
    const fast = paddedBase64SpanIdToHex(b64);
    if (fast !== undefined) return fast;
  }
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
