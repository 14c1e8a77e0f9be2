/**
 * `load` run on the first call and its promise shared by every later one, except that a failure is forgotten:
 * a lazy chunk that did not arrive (a network blip, a deploy that moved it) is asked for again by the next call
 * instead of failing every call for the life of the page.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let ready: Promise<T> | undefined;
  return () => {
    ready ??= load().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
}
