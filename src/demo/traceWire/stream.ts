/** Bytes gathered before a chunk is handed to the stream: big enough to be cheap, small enough to bound memory. */
const CHUNK_CHARS = 64 * 1024;

/**
 * A Response whose body is pulled from `parts` as it is read, so a 100,000-span trace is written
 * out piece by piece instead of built as one string first.
 */
export function streamedResponse(parts: Iterable<string>, init: ResponseInit): Response {
  const iterator = parts[Symbol.iterator]();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk = '';
      while (chunk.length < CHUNK_CHARS) {
        const next = iterator.next();
        if (next.done === true) {
          if (chunk !== '') controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    cancel() {
      iterator.return?.();
    },
  });
  return new Response(body, init);
}

/** `items` joined with commas, lazily. */
export function* joined(items: Iterable<string>): Generator<string, void, undefined> {
  let first = true;
  for (const item of items) {
    if (!first) yield ',';
    first = false;
    yield item;
  }
}

export const json = (value: string): string => JSON.stringify(value);
