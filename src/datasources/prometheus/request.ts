/** Past this URL length some proxies and servers refuse a GET (414), so long queries go as a form POST. */
export const MAX_GET_URL_LENGTH = 2000;

export type QueryParams = ReadonlyArray<readonly [name: string, value: string]>;

export interface PromRequest {
  url: string;
  method: 'GET' | 'POST';
  body?: string;
  headers?: Readonly<Record<string, string>>;
}

/**
 * A GET with the parameters in the URL, or — when that URL would be too long and the endpoint accepts
 * it — a POST with the same parameters form-encoded (Prometheus merges URL and body parameters).
 */
export function buildRequest(baseUrl: string, path: string, params: QueryParams, allowPost: boolean): PromRequest {
  const search = new URLSearchParams(params.map(([k, v]) => [k, v])).toString();
  const endpoint = `${baseUrl}${path}`;
  const getUrl = search === '' ? endpoint : `${endpoint}?${search}`;
  if (!allowPost || getUrl.length <= MAX_GET_URL_LENGTH) return { url: getUrl, method: 'GET' };
  return {
    url: endpoint,
    method: 'POST',
    body: search,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  };
}

/** Unix seconds as Prometheus prints them: whole seconds bare, otherwise exactly three decimals. */
export function formatPromTime(ms: number): string {
  const whole = Math.round(ms);
  return whole % 1000 === 0 ? String(whole / 1000) : (whole / 1000).toFixed(3);
}

/** A duration parameter (`step`) as float seconds, which every Prometheus-compatible server accepts. */
export function formatPromSeconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

const LEGACY_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/**
 * A label name fit for the `/api/v1/label/<name>/values` path. Names outside the classic charset (OTel's
 * `http.status_code`, anything with `/`) use Prometheus' "U__" value encoding: `_` doubles, other
 * characters become `_<hex code point>_` (prometheus/common `EscapeName`, `ValueEncodingEscaping`).
 */
export function escapeLabelNameForPath(name: string): string {
  if (LEGACY_NAME.test(name)) return name;
  let out = 'U__';
  let index = 0;
  for (const ch of name) {
    const isDigit = ch >= '0' && ch <= '9';
    if (ch === '_') out += '__';
    else if (/^[a-zA-Z:]$/.test(ch) || (isDigit && index > 0)) out += ch;
    else out += `_${(ch.codePointAt(0) ?? 0xfffd).toString(16)}_`;
    index++;
  }
  return out;
}
