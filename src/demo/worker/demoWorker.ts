/**
 * Entry of the demo worker: owns the simulator and the MSW handlers, and answers the page's
 * serialized requests (see workerFetch.ts), so PromQL evaluation stays off the main thread.
 * The first message is always `boot` (postMessage keeps order); requests wait for it.
 */
import { createInProcessFetch } from '../fetch';
import { createDemoHandlers, followClock } from './demoHandlers';
import { isPageToWorkerMessage, type WorkerToPageMessage } from './protocol';
import { createRequestServer } from './requestServer';

let boot: (fetchFn: typeof fetch) => void = () => undefined;
const booted = new Promise<typeof fetch>((resolve) => {
  boot = resolve;
});

const post = (message: WorkerToPageMessage): void => self.postMessage(message);
const serve = createRequestServer(async (input, init) => (await booted)(input, init), post);

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isPageToWorkerMessage(message)) return;
  if (message.type === 'boot') {
    const now = followClock(message.pageNowMs, Date.now());
    boot(createInProcessFetch(createDemoHandlers({ anchorMs: message.anchorMs, seed: message.seed, services: message.services, now })));
    return;
  }
  serve(message);
});
