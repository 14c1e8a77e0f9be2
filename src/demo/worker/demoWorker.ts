/**
 * Entry of the demo worker: owns the simulator and the MSW handlers, and answers the page's
 * serialized requests (see workerFetch.ts), so PromQL evaluation stays off the main thread, and runs the
 * Loki tails of the page's in-app sockets (socketServer.ts), so live tail generates no lines on the page.
 * The first message is always `boot` (postMessage keeps order); requests wait for it.
 */
import { createDemoBackend, followClock, type DemoBackend } from './demoHandlers';
import { isPageToWorkerMessage, type SocketEventMessage, type WorkerToPageMessage } from './protocol';
import { createRequestServer } from './requestServer';
import { createSocketServer } from './socketServer';

let boot: (demo: DemoBackend) => void = () => undefined;
const booted = new Promise<DemoBackend>((resolve) => {
  boot = resolve;
});

const post = (message: WorkerToPageMessage | SocketEventMessage, transfer: Transferable[] = []): void => self.postMessage(message, { transfer });
const serve = createRequestServer(async (input, init) => (await booted).fetchFn(input, init), post);
const sockets = createSocketServer(async () => (await booted).openTail(), post);

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isPageToWorkerMessage(message)) return;
  if (message.type === 'boot') {
    const now = followClock(message.pageNowMs, Date.now());
    boot(createDemoBackend({ anchorMs: message.anchorMs, seed: message.seed, services: message.services, now, logs: message.logs }));
    return;
  }
  if (message.type === 'socket-open' || message.type === 'socket-close') {
    sockets(message);
    return;
  }
  serve(message);
});
