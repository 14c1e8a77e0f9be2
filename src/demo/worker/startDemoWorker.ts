import type { DemoLogScenario } from '../logs/scenario';
import type { BootMessage } from './protocol';

export interface DemoWorkerOptions {
  /** Anchors the incident schedule. */
  anchorMs: number;
  seed?: number;
  services?: number;
  logs?: DemoLogScenario;
}

/**
 * Starts the demo worker and boots it with the page's clock. A dedicated module worker, not a service
 * worker: service workers need a secure context, and the app must work over plain HTTP from a LAN
 * hostname. Vite bundles `demoWorker.ts` as its own chunk because of the `new URL(…, import.meta.url)` form.
 */
export function startDemoWorker(opts: DemoWorkerOptions): Worker {
  const worker = new Worker(new URL('./demoWorker.ts', import.meta.url), { type: 'module', name: 'watchfloor-demo' });
  const boot: BootMessage = { type: 'boot', anchorMs: opts.anchorMs, pageNowMs: Date.now(), seed: opts.seed, services: opts.services, logs: opts.logs };
  worker.postMessage(boot);
  return worker;
}
