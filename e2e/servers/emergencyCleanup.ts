/**
 * Synchronous clean-ups that must run even when a test run ends without its teardown: a crash,
 * `process.exit`, or a signal such as Ctrl-C (the servers run in their own process groups, so a
 * terminal's signal does not reach them by itself). Run last-registered first, so a server is
 * killed before the temp dir it writes into is removed.
 */
const cleanups: Array<() => void> = [];

function runAll(): void {
  while (cleanups.length > 0) {
    try {
      cleanups.pop()!();
    } catch {
      // best effort: keep cleaning the rest
    }
  }
}

process.once('exit', runAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    runAll();
    // Keep the default behaviour (terminate) unless someone else, e.g. the test runner, handles it.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}

/** Registers a clean-up; the returned function unregisters it once normal teardown has done the job. */
export function onEmergencyExit(cleanup: () => void): () => void {
  cleanups.push(cleanup);
  return () => {
    const i = cleanups.indexOf(cleanup);
    if (i >= 0) cleanups.splice(i, 1);
  };
}
