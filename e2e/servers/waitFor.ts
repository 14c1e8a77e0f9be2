export interface WaitOptions {
  /** What is awaited, for the error message when the deadline passes. */
  description: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Extra context (e.g. a server's recent log) appended to the timeout error. */
  diagnostics?: () => string;
}

/**
 * Polls `probe` until it returns a value other than undefined, or throws when the deadline passes.
 * Probe errors count as "not yet": servers refuse connections while they start.
 */
export async function waitFor<T>(probe: () => Promise<T | undefined>, options: WaitOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 250;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      const extra = options.diagnostics ? `\n${options.diagnostics()}` : '';
      throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${options.description}${cause}${extra}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Resolves when GET `url` answers 200; used for `/-/ready` of Prometheus and Alertmanager. */
export function waitForHttpOk(url: string, options: Omit<WaitOptions, 'description'> & { description?: string }): Promise<true> {
  return waitFor(
    async () => {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      return res.ok ? true : undefined;
    },
    { ...options, description: options.description ?? `${url} to answer 200` },
  );
}
