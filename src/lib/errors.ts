/**
 * What went wrong, in the terms a caller acts on: retry (network, 5xx, timeout), show the query's own
 * error (query), say nothing (aborted), or report a server that speaks something other than JSON (parse).
 */
export type DataSourceErrorKind = 'http' | 'network' | 'timeout' | 'parse' | 'aborted' | 'query';

export interface DataSourceErrorInit {
  kind: DataSourceErrorKind;
  status?: number;
  /** The server's own error class, e.g. Prometheus `bad_data`, `execution`, `timeout`. */
  errorType?: string;
  /** The parsed JSON body of an error response, when the server sent one. */
  body?: unknown;
  cause?: unknown;
}

/** The one error type every datasource call rejects with; its message is fit to show in a panel. */
export class DataSourceError extends Error {
  readonly kind: DataSourceErrorKind;
  readonly status?: number;
  readonly errorType?: string;
  readonly body?: unknown;

  constructor(message: string, init: DataSourceErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'DataSourceError';
    this.kind = init.kind;
    if (init.status !== undefined) this.status = init.status;
    if (init.errorType !== undefined) this.errorType = init.errorType;
    if (init.body !== undefined) this.body = init.body;
  }
}

export function isDataSourceError(error: unknown): error is DataSourceError {
  return error instanceof DataSourceError;
}

/**
 * Whether asking again could help, soon enough to be worth the wait. A bad query or any other 4xx answers
 * the same the second time. A timeout (ours, the server's, or a gateway's 504/408) already cost the user the
 * whole time limit; asking again would double the wait before they see that something is wrong, so it is
 * reported at once. What is left is fast and transient: a refused or dropped connection, a 5xx.
 * Errors of other types are bugs: no retry.
 */
export function isRetryableError(error: unknown): boolean {
  if (!isDataSourceError(error)) return false;
  switch (error.kind) {
    case 'network':
      return true;
    case 'http':
      return error.status !== undefined && error.status >= 500 && error.status !== 504;
    default:
      return false;
  }
}
