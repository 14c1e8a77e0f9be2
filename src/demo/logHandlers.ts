import type { HttpHandler } from 'msw';
import { LOKI_API_BASE_PATH } from './apiPaths';
import { createLogSource, type DemoLogOptions } from './logs/logSource';
import { asLokiError } from './lokiApi/endpoints';
import { createLokiHandlers, DEFAULT_MAX_ENTRIES } from './lokiApi/handlers';
import { parseTailRequest, startTail, type TailSink } from './lokiApi/tail';
import type { Simulator } from './simulator';

export interface LogHandlerOptions extends DemoLogOptions {
  now?: () => number;
  /** Loki's `max_entries_limit_per_query`; default 5000 (`demo.maxEntries` raises it for benchmarks). */
  maxEntries?: number;
  /** Base path of the Loki API; default '/loki' (the in-app URL). */
  basePath?: string;
}

/** A tail that could not start: what Loki answers before the websocket upgrade (HTTP status and text). */
export interface TailRefusal {
  status: number;
  message: string;
}

/** Opens a tail on `/loki/api/v1/tail?…` (any origin and prefix) writing frames to `sink`; the stop function, or why not. */
export type TailOpener = (url: string, sink: TailSink, opts?: { categorized?: boolean }) => (() => void) | TailRefusal;

export interface LogBackend {
  handlers: HttpHandler[];
  openTail: TailOpener;
}

/** The demo's log backend over one simulator: the Loki API and its tail on the simulated requests' logs. */
export function createLogBackend(simulator: Simulator, opts: LogHandlerOptions = {}): LogBackend {
  const source = createLogSource(simulator, opts);
  const now = opts.now ?? (() => Date.now());
  const maxEntries = opts.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const handlers = createLokiHandlers(source, { basePath: opts.basePath ?? LOKI_API_BASE_PATH, now, maxEntries });
  const openTail: TailOpener = (url, sink, tailOpts = {}) => {
    const parsed = new URL(url, 'http://demo.watchfloor.invalid/');
    if (!parsed.pathname.endsWith('/loki/api/v1/tail')) return { status: 404, message: `The demo backend has no websocket at ${parsed.pathname}` };
    const form = new Map<string, string[]>();
    for (const [k, v] of parsed.searchParams) form.set(k, [...(form.get(k) ?? []), v]);
    try {
      return startTail(source, parseTailRequest(form, now(), maxEntries, tailOpts.categorized ?? false), now, sink);
    } catch (e) {
      const response = asLokiError(e);
      return { status: response.status, message: e instanceof Error ? e.message : String(e) };
    }
  };
  return { handlers, openTail };
}

/** The Loki handlers alone (tests, the node server's HTTP side). */
export function createLogHandlers(simulator: Simulator, opts: LogHandlerOptions = {}): HttpHandler[] {
  return createLogBackend(simulator, opts).handlers;
}
