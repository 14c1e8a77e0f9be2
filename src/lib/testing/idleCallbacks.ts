import { vi } from 'vitest';

/** An idle-callback queue the test drains by hand (jsdom has none). Undo with `vi.unstubAllGlobals()`. */
export function stubIdleCallbacks() {
  const queue = new Map<number, { run: IdleRequestCallback; timeout: number | undefined }>();
  let next = 1;
  vi.stubGlobal('requestIdleCallback', (run: IdleRequestCallback, options?: IdleRequestOptions) => {
    queue.set(next, { run, timeout: options?.timeout });
    return next++;
  });
  vi.stubGlobal('cancelIdleCallback', (id: number) => queue.delete(id));
  return {
    queue,
    idle() {
      const due = [...queue.values()];
      queue.clear();
      for (const { run } of due) run({ didTimeout: false, timeRemaining: () => 10 });
    },
  };
}
