/** Base for relative URLs when there is no page location (node, workers). */
const FALLBACK_ORIGIN = 'http://demo.watchfloor.invalid/';

/** What a rejected fetch throws on abort, like native fetch: the signal's reason (an AbortError DOMException for a plain abort()). */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** `fetch`'s arguments as one Request, resolving a relative URL against the page (or a fixed origin off the page). */
export function toRequest(input: RequestInfo | URL, init?: RequestInit): Request {
  if (input instanceof Request) return init === undefined ? input : new Request(input, init);
  const base = typeof location === 'undefined' ? FALLBACK_ORIGIN : location.href;
  return new Request(new URL(String(input), base), init);
}

/** The signal a fetch call carries, in `init` or on its Request. */
export function signalOf(input: RequestInfo | URL, init?: RequestInit): AbortSignal | undefined {
  return init?.signal ?? (input instanceof Request ? input.signal : undefined);
}

/**
 * Request parameters the way the Go servers (Prometheus, Loki) read them: form values from a POST
 * form-encoded body first, then the URL query (r.FormValue takes the first).
 */
export type FormValues = Map<string, string[]>;

export async function readForm(request: Request): Promise<FormValues> {
  const form: FormValues = new Map();
  const add = (k: string, v: string): void => {
    const list = form.get(k);
    if (list) list.push(v);
    else form.set(k, [v]);
  };
  const contentType = request.headers.get('content-type') ?? '';
  if (request.method === 'POST' && contentType.includes('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(await request.text())) add(k, v);
  }
  for (const [k, v] of new URL(request.url).searchParams) add(k, v);
  return form;
}

export function formValue(form: FormValues, name: string): string {
  return form.get(name)?.[0] ?? '';
}
