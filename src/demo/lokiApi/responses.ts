/** Loki's error bodies are plain text (pkg/util/server/error.go), with the status that names the class. */
export function textError(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

/** Go's encoding/json string: HTML-escaped (`<`, `>`, `&`), and U+2028/U+2029 escaped. */
export function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function labelsJson(labels: Readonly<Record<string, string>>): string {
  return `{${Object.keys(labels)
    .sort()
    .map((k) => `${goJsonString(k)}:${goJsonString(labels[k] ?? '')}`)
    .join(',')}}`;
}

export function jsonResponse(body: string): Response {
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json; charset=UTF-8' } });
}

/** Seconds as Loki prints a metric sample's time: only the decimals needed (`1588889221.5`). */
export function secondsJson(ms: number): string {
  return String(ms / 1000);
}

export interface QueryStats {
  lines: number;
  bytes: number;
  returned: number;
  execS: number;
}

/** The `stats` object Loki always sends (clients treat it as opaque); the summary holds the demo's real counts. */
export function statsJson(s: QueryStats): string {
  const perS = (n: number): number => (s.execS > 0 ? Math.round(n / s.execS) : 0);
  const summary =
    `{"bytesProcessedPerSecond":${perS(s.bytes)},"linesProcessedPerSecond":${perS(s.lines)},"totalBytesProcessed":${s.bytes},` +
    `"totalLinesProcessed":${s.lines},"execTime":${s.execS},"queueTime":0,"subqueries":0,"totalEntriesReturned":${s.returned},` +
    `"splits":0,"shards":0,"totalPostFilterLines":${s.returned},"totalStructuredMetadataBytesProcessed":0}`;
  const store = '{"totalChunksRef":0,"totalChunksDownloaded":0,"chunksDownloadTime":0,"queryReferencedStructuredMetadata":false,"chunk":{}}';
  return `{"summary":${summary},"querier":{"store":${store}},"ingester":{"totalReached":0,"totalChunksMatched":0,"totalBatches":0,"totalLinesSent":0,"store":${store}},"index":{"totalChunks":0,"postFilterChunks":0},"cache":{}}`;
}
