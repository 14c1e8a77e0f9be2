/**
 * A deliberately thin client for the Prometheus HTTP API, used by tests to read the server's answer
 * without going through the adapter under test (so the two can be compared).
 */
export type PromApiResult =
  | { status: 'success'; data: unknown; warnings?: string[]; httpStatus: number }
  | { status: 'error'; errorType: string; error: string; httpStatus: number };

export async function queryPrometheus(
  baseUrl: string,
  path: string,
  params: Record<string, string | readonly string[]>,
  signal: AbortSignal = AbortSignal.timeout(30_000),
): Promise<PromApiResult> {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const v of typeof value === 'string' ? [value] : value) search.append(name, v);
  }
  const qs = search.toString();
  const res = await fetch(`${baseUrl}${path}${qs ? `?${qs}` : ''}`, { signal });
  const text = await res.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`${path}: HTTP ${res.status}, body is not JSON: ${text.slice(0, 200)}`);
  }
  if (parsed['status'] === 'success') {
    return { status: 'success', data: parsed['data'], warnings: parsed['warnings'] as string[] | undefined, httpStatus: res.status };
  }
  return { status: 'error', errorType: String(parsed['errorType']), error: String(parsed['error']), httpStatus: res.status };
}
