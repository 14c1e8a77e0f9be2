/**
 * Resolves in a fresh task, after the messages and input already queued: long work done in chunks lets the
 * page (or the demo worker's other requests) run between them. A MessageChannel rather than setTimeout(0),
 * which browsers clamp to 4 ms once timers nest.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
