import type { HttpHandler } from 'msw';
import { createLogSource, type DemoLogOptions } from './logs/logSource';
import { createLokiHandlers } from './lokiApi/handlers';
import type { Simulator } from './simulator';

/** Where the Loki API lives in the in-app demo: `DEMO_LOKI_URL` + `/loki/api/v1/...`, as on a real Loki. */
export const LOKI_API_BASE_PATH = '/loki';

export interface LogHandlerOptions extends DemoLogOptions {
  now?: () => number;
  maxEntries?: number;
}

/** The demo's log backend over one simulator: the Loki API on the simulated requests' logs. */
export function createLogHandlers(simulator: Simulator, opts: LogHandlerOptions = {}): HttpHandler[] {
  const source = createLogSource(simulator, opts);
  return createLokiHandlers(source, { basePath: LOKI_API_BASE_PATH, now: opts.now, maxEntries: opts.maxEntries });
}
