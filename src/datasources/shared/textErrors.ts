import type { FetchFn } from '../types';
import { readBodyText } from './readBody';

/** The most of an error body kept: Loki's and Tempo's are one line; anything longer is a proxy's page. */
const ERROR_BODY_BYTES = 256 * 1024;

/**
 * Loki and Tempo write their errors as text/plain, one line, often with a trailing newline (Go's `http.Error`:
 * `parse error at line 1, col 11: …`; Loki: reference §2.1). The shared kit reads a server's own words only
 * from a JSON body (it clips a text body to an excerpt), so this hands the text on as the `{"error": …}`
 * envelope the kit understands, whole. JSON and HTML bodies pass untouched, and so do empty ones, unless
 * `emptyBody` answers for them (Tempo marks its empty 404, its unknown trace).
 */
export function withTextErrors(fetchFn: FetchFn, emptyBody?: (response: Response) => Response | undefined): FetchFn {
  return async (input, init) => {
    const response = await fetchFn(input, init);
    if (response.ok) return response;
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('json') || type.includes('html')) return response;
    const text = await readBodyText(response, ERROR_BODY_BYTES);
    const init2 = { status: response.status, statusText: response.statusText };
    const empty = text.trim() === '' ? emptyBody?.(response) : undefined;
    if (empty !== undefined) return empty;
    if (text.trim() === '' || /^\s*</.test(text)) return new Response(text === '' ? null : text, { ...init2, headers: response.headers });
    return new Response(JSON.stringify({ error: text.trim() }), { ...init2, headers: { 'content-type': 'application/json' } });
  };
}
