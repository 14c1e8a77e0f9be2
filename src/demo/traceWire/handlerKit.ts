export interface TraceApiHandlerOptions {
  /** Path prefix in front of `/api`, e.g. '/jaeger'. */
  basePath: string;
  /** The clock for default time ranges. */
  now?: () => number;
}

export type Params = Record<string, string | readonly string[] | undefined>;

export const param = (params: Params, name: string): string => {
  const v = params[name];
  return typeof v === 'string' ? v : '';
};

/** A bug in the demo reads like a server fault (500, text) instead of crashing the in-app fetch. */
export function guarded(answer: (request: Request, params: Params) => Response): (info: { request: Request; params: Params }) => Response {
  return ({ request, params }) => {
    try {
      return answer(request, params);
    } catch (e) {
      return new Response(`demo trace backend error: ${e instanceof Error ? e.message : String(e)}\n`, { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
  };
}

