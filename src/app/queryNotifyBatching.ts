import { notifyManager } from '@tanstack/react-query';

/**
 * TanStack Query hands each query's news to its observers in its own `setTimeout(0)` task, and React
 * commits each task's updates separately: a dozen queries landing in the same task still make a dozen
 * commits. This scheduler runs every notification scheduled before the next task in one task, so React
 * batches them into one commit. Order is kept, and nothing waits longer than the default would have.
 */
export function createCoalescingScheduler(post: (run: () => void) => void = (run) => setTimeout(run, 0)): (callback: () => void) => void {
  let queue: Array<() => void> = [];
  const runAll = (): void => {
    const due = queue;
    queue = [];
    for (const callback of due) callback();
  };
  return (callback) => {
    queue.push(callback);
    if (queue.length === 1) post(runAll);
  };
}

let installed = false;

/** Installs the coalescing scheduler into TanStack's notify manager (once; it is process-wide). */
export function coalesceQueryNotifications(): void {
  if (installed) return;
  installed = true;
  notifyManager.setScheduler(createCoalescingScheduler());
}
