import { DataSourceError, isDataSourceError } from '../../lib/errors';

/** `errorType` of the error every traces adapter rejects with when the server has no such trace. */
export const TRACE_NOT_FOUND = 'trace-not-found';

/**
 * "Trace <id> was not found in <server>": kind `query` (asking again gives the same answer), status 404,
 * `errorType` TRACE_NOT_FOUND so a page can say "trace not found" and list every datasource it asked.
 */
export function traceNotFoundError(traceId: string, serverName: string, cause?: unknown): DataSourceError {
  return new DataSourceError(`Trace ${traceId} was not found in ${serverName}`, {
    kind: 'query',
    status: 404,
    errorType: TRACE_NOT_FOUND,
    ...(cause === undefined ? {} : { cause }),
  });
}

export function isTraceNotFound(error: unknown): boolean {
  return isDataSourceError(error) && error.errorType === TRACE_NOT_FOUND;
}

/**
 * The server's own words from a non-JSON error body (Zipkin's and Go's `http.Error` text/plain answers).
 * `fetchJson` puts them in its message as `HTTP 404 Not Found: "…"`; undefined when there were none.
 */
export function plainErrorText(error: DataSourceError): string | undefined {
  if (error.body !== undefined) return undefined;
  const quoted = /^HTTP \d{3}[^:]*: "(.*)"$/s.exec(error.message)?.[1];
  return quoted === undefined || quoted === '' ? undefined : quoted;
}
