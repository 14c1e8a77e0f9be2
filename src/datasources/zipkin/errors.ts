import { DataSourceError, isDataSourceError } from '../../lib/errors';
import { mapHttpError } from '../shared/errors';
import { plainErrorText } from '../shared/traceErrors';

export const SERVER = 'Zipkin';

/**
 * Zipkin answers errors in text/plain (reference §5): a 400 is the query's fault, in Zipkin's own words
 * (`0a1B should be lower-hex encoded with no prefix`); a 404 on a trace is `<traceId> not found`.
 */
export function toZipkinError(error: unknown): unknown {
  if (!isDataSourceError(error) || error.kind !== 'http') return error;
  const text = plainErrorText(error);
  if (text === undefined) return mapHttpError(error, SERVER);
  const { status } = error;
  const keep = { cause: error, ...(status === undefined ? {} : { status }) };
  if (status === 400) return new DataSourceError(text, { kind: 'query', ...keep });
  return mapHttpError(new DataSourceError(text, { kind: 'http', ...keep }), SERVER);
}

/** Zipkin's own "no such trace", as opposed to a 404 for a wrong base URL. */
export function isZipkinNotFound(error: unknown): boolean {
  return isDataSourceError(error) && error.status === 404 && /^[0-9a-f]{1,32} not found$/.test(plainErrorText(error) ?? '');
}
