import { DataSourceError } from '../../lib/errors';

/** The error every cancelled call rejects with: callers say nothing about it, and never retry it. */
export function abortedError(cause?: unknown): DataSourceError {
  return new DataSourceError('Request was cancelled', { kind: 'aborted', cause });
}

/** Fails at once, before any work, when the caller has already given up. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError(signal.reason);
}

export interface Deadline {
  /** Aborts on the caller's abort or when the time is up, whichever comes first. */
  signal: AbortSignal;
  /** Whether our own time limit (rather than the caller) ended the request. */
  timedOut(): boolean;
  /** Removes the listener from the caller's signal and clears the timer; call it when the request settles. */
  dispose(): void;
}

/**
 * One signal carrying both the caller's cancellation and our own timeout, so a failure can be told apart:
 * a cancelled request is said nothing about, a timed-out one is reported. `AbortSignal.any` would merge them
 * but not say which one fired.
 */
export function withDeadline(callerSignal: AbortSignal | undefined, timeoutMs: number | undefined): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer =
    timeoutMs !== undefined && timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs)
      : undefined;
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      if (timer !== undefined) clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
