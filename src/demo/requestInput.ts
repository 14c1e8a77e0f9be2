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
