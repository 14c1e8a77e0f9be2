/**
 * Entry of the patterns worker: Drain over the lines in hand, off the main thread (see patternsServer.ts).
 * Built by Vite as its own chunk from the `new Worker(new URL(…), { type: 'module' })` in patternsEngine.ts.
 */
import { isPageToPatternsWorker } from './patternsProtocol';
import { createPatternsServer } from './patternsServer';

const serve = createPatternsServer((message, transfer) => self.postMessage(message, { transfer }));

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isPageToPatternsWorker(event.data)) serve(event.data);
});
