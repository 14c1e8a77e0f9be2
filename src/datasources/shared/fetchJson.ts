import { DataSourceError } from '../../lib/errors';
import { abortedError, throwIfAborted, withDeadline } from './abort';
import { DEFAULT_MAX_BODY_BYTES, readBodyText } from './readBody';

export interface FetchJsonOptions {
  method?: 'GET' | 'POST';
  body?: string | URLSearchParams;
  headers?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  /** Gives up after this long; unset means only the caller's signal ends the request. */
  timeoutMs?: number;
  /** The most a body may hold once decoded; past it the call fails with "Response too large". Default 64 MB. */
  maxBodyBytes?: number;
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  data: unknown;
}

const EXCERPT_CHARS = 120;

/**
 * Fetches and parses JSON, turning every failure into a DataSourceError: the caller's abort, our own
 * timeout, a dropped connection, a non-2xx answer (with the server's own `error` text when the body is
 * JSON), and a body that is not JSON (an HTML error page from a proxy, Prometheus' plain-text 503).
 */
export async function fetchJson(fetchFn: typeof fetch, url: string, options: FetchJsonOptions = {}): Promise<JsonResponse> {
  const { signal, timeoutMs } = options;
  throwIfAborted(signal);
  const deadline = withDeadline(signal, timeoutMs);

  const failure = (cause: unknown): DataSourceError => {
    if (deadline.timedOut()) return new DataSourceError(`Request timed out after ${formatSeconds(timeoutMs ?? 0)}`, { kind: 'timeout', cause });
    if (signal?.aborted) return abortedError(cause);
    if (cause instanceof DataSourceError) return cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new DataSourceError(
      `Could not reach ${describeUrl(url)}: ${reason} (is the server up, the URL right, and CORS allowed?)`,
      { kind: 'network', cause },
    );
  };

  try {
    let response: Response;
    let text: string;
    try {
      const init: RequestInit = { method: options.method ?? 'GET', signal: deadline.signal };
      if (options.headers) init.headers = { ...options.headers };
      if (options.body !== undefined) init.body = options.body;
      response = await fetchFn(url, init);
      text = await readBodyText(response, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    } catch (cause) {
      throw failure(cause);
    }
    return interpretBody(response, text);
  } finally {
    deadline.dispose();
  }
}

function interpretBody(response: Response, text: string): JsonResponse {
  const status = response.status;
  const contentType = response.headers.get('content-type') ?? '';
  const parsed = parseJson(text);
  if (!response.ok) {
    if (parsed.ok) throw errorFromJsonBody(status, response.statusText, parsed.value);
    throw new DataSourceError(`${statusLine(response)}: ${describeNonJson(text, contentType)}`, { kind: 'http', status });
  }
  if (!parsed.ok) {
    const what = looksLikeHtml(text, contentType)
      ? `an HTML page instead of JSON (${excerpt(text, contentType)}); is the URL right?`
      : `a body that is not valid JSON (${parsed.reason}): ${quoteExcerpt(text)}`;
    throw new DataSourceError(`${statusLine(response)} with ${what}`, { kind: 'parse', status });
  }
  return { status, headers: response.headers, data: parsed.value };
}

function errorFromJsonBody(status: number, statusText: string, body: unknown): DataSourceError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  // Alertmanager's errors are a bare JSON string; most servers send {"error": …} or {"message": …}.
  const serverText =
    typeof body === 'string' && body.trim() !== ''
      ? body
      : typeof record.error === 'string' ? record.error : typeof record.message === 'string' ? record.message : undefined;
  const errorType = typeof record.errorType === 'string' ? record.errorType : undefined;
  const message = serverText ?? `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  return new DataSourceError(message, { kind: 'http', status, body, ...(errorType === undefined ? {} : { errorType }) });
}

type ParseResult = { ok: true; value: unknown } | { ok: false; reason: string };

function parseJson(text: string): ParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'unreadable' };
  }
}

function statusLine(response: Response): string {
  return `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
}

function describeNonJson(text: string, contentType: string): string {
  if (text.trim() === '') return 'empty response body';
  if (looksLikeHtml(text, contentType)) return `the server sent an HTML page instead of JSON (${excerpt(text, contentType)})`;
  return quoteExcerpt(text);
}

function looksLikeHtml(text: string, contentType: string): boolean {
  return contentType.includes('html') || /^\s*<(!doctype|html|head|body|title|h1)\b/i.test(text);
}

/** The part of a page a person would read first: its title, else its text with the tags removed. */
function excerpt(text: string, contentType: string): string {
  if (looksLikeHtml(text, contentType)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1] ?? /<h1[^>]*>([^<]*)<\/h1>/i.exec(text)?.[1];
    const plain = (title ?? text.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
    return `"${truncate(plain)}"`;
  }
  return quoteExcerpt(text);
}

function quoteExcerpt(text: string): string {
  return `"${truncate(text.replace(/\s+/g, ' ').trim())}"`;
}

function truncate(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
}

/** The URL without its query string: queries can be kilobytes long and say nothing about reachability. */
function describeUrl(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
