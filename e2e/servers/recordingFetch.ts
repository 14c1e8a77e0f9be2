/** One request the adapter sent, with its parameters (URL and form body merged) and the JSON answer. */
export interface RecordedCall {
  path: string;
  params: URLSearchParams;
  status: number;
  body: unknown;
}

/**
 * Wraps a fetch so tests can see exactly what the adapter asked (query text after `$__rate_interval`
 * substitution, aligned start/end, step) and what the server answered, byte for byte in JSON.
 */
export function recordingFetch(inner: typeof fetch = fetch): { fetch: typeof fetch; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const params = new URLSearchParams(url.search);
    const body = init?.body;
    if (typeof body === 'string' || body instanceof URLSearchParams) {
      for (const [k, v] of new URLSearchParams(body)) params.append(k, v);
    }
    const response = await inner(input, init);
    const text = await response.clone().text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // keep the raw text (Prometheus answers plain text while starting)
    }
    calls.push({ path: url.pathname, params, status: response.status, body: parsed });
    return response;
  };
  return { fetch: wrapped, calls };
}
