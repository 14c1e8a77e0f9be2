import { HttpResponse } from 'msw';
import { jsonString } from './format';

/** Prometheus's errorType → HTTP status mapping (web/api/v1/api.go). */
export type ErrorType = 'bad_data' | 'execution' | 'canceled' | 'timeout' | 'internal' | 'not_found' | 'unavailable';

const STATUS_BY_ERROR_TYPE: Readonly<Record<ErrorType, number>> = {
  bad_data: 400,
  execution: 422,
  canceled: 499,
  timeout: 503,
  internal: 500,
  not_found: 404,
  unavailable: 500,
};

/** Warnings at most 10, then Prometheus's trailer. */
function capWarnings(warnings: readonly string[]): string[] {
  if (warnings.length <= 10) return [...warnings];
  return [...warnings.slice(0, 10), `${warnings.length - 10} more warning annotations omitted`];
}

/** CORS as Prometheus sends it with the default `--web.cors.origin=.*`. */
export function corsHeaders(request: Request): Record<string, string> {
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (request.headers.get('origin')) {
    headers['Access-Control-Allow-Origin'] = '*';
    headers['Access-Control-Allow-Methods'] = 'GET, POST, OPTIONS';
    headers['Access-Control-Allow-Headers'] = 'Accept, Authorization, Content-Type, Origin';
    headers['Access-Control-Expose-Headers'] = 'Date';
  }
  return headers;
}

function json(request: Request, body: string, status: number): Response {
  return new HttpResponse(body, { status, headers: { 'Content-Type': 'application/json', ...corsHeaders(request) } });
}

/**
 * `{"status":"success","data":…,"warnings":[…]}` in Go's field order. `dataJson` is already
 * serialized; undefined omits `data` (Go's omitempty on a nil value).
 */
export function success(request: Request, dataJson: string | undefined, warnings: readonly string[] = []): Response {
  let body = '{"status":"success"';
  if (dataJson !== undefined) body += `,"data":${dataJson}`;
  if (warnings.length > 0) body += `,"warnings":[${capWarnings(warnings).map(jsonString).join(',')}]`;
  return json(request, `${body}}`, 200);
}

export function failure(request: Request, errorType: ErrorType, message: string): Response {
  const body = `{"status":"error","errorType":"${errorType}","error":${jsonString(message)}}`;
  return json(request, body, STATUS_BY_ERROR_TYPE[errorType]);
}

/** `invalid parameter "<name>": <cause>`, always bad_data. */
export function invalidParam(request: Request, name: string, cause: string): Response {
  return failure(request, 'bad_data', `invalid parameter ${JSON.stringify(name)}: ${cause}`);
}

/** The CORS preflight answer: 204, no body. */
export function preflight(request: Request): Response {
  return new HttpResponse(null, { status: 204, headers: corsHeaders(request) });
}
