import { DataSourceError, isDataSourceError } from '../../lib/errors';
import { mapHttpError } from '../shared/errors';
import { plainErrorText } from '../shared/traceErrors';

export const SERVER = 'Jaeger';

/**
 * Jaeger writes its errors with Go's `http.Error` (reference §3.1, §3.3): JSON in a text/plain body, the v1
 * envelope `{"errors":[{"code":400,"msg":"…"}]}` or api_v3's `{"error":{"httpCode":400,"message":"…"}}`.
 * Which one a body is tells which API answered; what it says is the message a user sees.
 */
export function jaegerErrorText(body: unknown): { api: 'v1' | 'v3'; text: string } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const v3 = record.error;
  if (typeof v3 === 'object' && v3 !== null && typeof (v3 as Record<string, unknown>).message === 'string') {
    return { api: 'v3', text: (v3 as Record<string, unknown>).message as string };
  }
  const first: unknown = Array.isArray(record.errors) ? record.errors[0] : undefined;
  const msg = typeof first === 'object' && first !== null ? (first as Record<string, unknown>).msg : undefined;
  return typeof msg === 'string' ? { api: 'v1', text: msg } : undefined;
}

/**
 * Gives Jaeger's answers their meaning: the server's own text as the message; a 400 is the query's fault
 * (a malformed ID or parameter), whether its body was Jaeger JSON or plain text. The rest is shared.
 */
export function toJaegerError(error: unknown): unknown {
  if (!isDataSourceError(error) || error.kind !== 'http') return error;
  const text = jaegerErrorText(error.body)?.text ?? plainErrorText(error);
  if (text === undefined) return mapHttpError(error, SERVER);
  const { status, body } = error;
  const keep = { cause: error, ...(status === undefined ? {} : { status }), ...(body === undefined ? {} : { body }) };
  if (status === 400) return new DataSourceError(text, { kind: 'query', ...keep });
  return mapHttpError(new DataSourceError(text, { kind: 'http', ...keep }), SERVER);
}

/** Jaeger's own "no such trace": v1 `trace not found` (404), api_v3 `No traces found` (404). */
export function isJaegerNotFound(error: unknown): boolean {
  return isDataSourceError(error) && error.status === 404 && jaegerErrorText(error.body) !== undefined;
}
