import { DataSourceError } from '../../lib/errors';

const MIB = 1024 * 1024;
/** More than any panel can draw (10,000 series × 11,000 points is ~40 MB of Prometheus JSON). */
export const DEFAULT_MAX_BODY_BYTES = 64 * MIB;

/** `64 MB`, `0.5 MB`: the cap as a user configured it. */
export function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / MIB) * 10) / 10} MB`;
}

export function tooLargeError(maxBytes: number, status: number): DataSourceError {
  return new DataSourceError(
    `Response too large (> ${formatMegabytes(maxBytes)}): ask for a shorter range, a coarser step or fewer series, or raise options.maxResponseMB`,
    { kind: 'parse', status },
  );
}

/**
 * The body as text, read as a stream and given up as soon as it passes `maxBytes` (counted after
 * decompression, so a gzip bomb stops at the cap, not at the end of memory). A stated Content-Length
 * over the cap fails before anything is read.
 */
export async function readBodyText(response: Response, maxBytes: number = DEFAULT_MAX_BODY_BYTES): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  // Content-Length is the encoded size; a compressed body only grows when decoded, so this is a safe early out.
  if (Number.isFinite(declared) && declared > maxBytes && !response.headers.has('content-encoding')) {
    cancelQuietly(response.body?.cancel());
    throw tooLargeError(maxBytes, response.status);
  }
  // An unencoded body cannot outgrow a stated length (fetch fails a longer one), so the native reader is safe,
  // but only where we can see that it is unencoded: a cross-origin (CORS) answer hides Content-Encoding unless
  // the server exposes it, while Content-Length (the compressed size) stays visible, so a gzip bomb from a
  // direct-access server would look small and unencoded. Those are always streamed.
  if (Number.isFinite(declared) && response.headers.has('content-length') && !response.headers.has('content-encoding') && headersFullyVisible(response)) {
    return response.text();
  }
  if (response.body === null) {
    const text = await response.text();
    if (new TextEncoder().encode(text).byteLength > maxBytes) throw tooLargeError(maxBytes, response.status);
    return text;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      // Cancelling tells the source to stop producing; the rest is never downloaded or decoded.
      cancelQuietly(reader.cancel());
      throw tooLargeError(maxBytes, response.status);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** Same-origin answers and ones built in-process (the demo's) show every header; CORS answers do not. */
function headersFullyVisible(response: Response): boolean {
  return response.type === 'basic' || response.type === 'default';
}

/**
 * Not awaited: some sources (an intercepted or proxied body) settle their cancel only when the transfer
 * ends, and the caller must hear about the cap now.
 */
function cancelQuietly(cancelled: Promise<void> | undefined): void {
  cancelled?.catch(() => undefined);
}
