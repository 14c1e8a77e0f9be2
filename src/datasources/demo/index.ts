import type { DataSourceConfig, FetchFn } from '../types';
import { createInProcessFetch } from './fetch';
import { createPrometheusHandlers } from './prometheus/handlers';
import { createSimulator, DEFAULT_SEED, defaultScenarios } from './simulator';

/** A host that can never resolve, so a demo request can never leak onto the network. */
export const DEMO_PROMETHEUS_URL = 'http://demo.watchfloor.invalid/prometheus';

export interface DemoBackendOptions {
  /** Anchors the incident schedule (default: now). */
  nowMs?: number;
  seed?: number;
}

/**
 * The embedded demo: datasource entries plus the in-process fetch that answers them from the
 * simulator. The registry imports this module lazily, only when there is no config.json.
 */
export function createDemoBackend(opts: DemoBackendOptions = {}): { configs: DataSourceConfig[]; fetchFn: FetchFn } {
  const simulator = createSimulator({ seed: opts.seed ?? DEFAULT_SEED, scenarios: defaultScenarios(opts.nowMs ?? Date.now()) });
  const handlers = createPrometheusHandlers(simulator, { basePath: '/prometheus' });
  return {
    configs: [
      {
        uid: 'demo-prometheus',
        kind: 'prometheus',
        name: 'Demo Prometheus',
        url: DEMO_PROMETHEUS_URL,
        default: true,
        options: { scrapeInterval: '15s' },
      },
    ],
    fetchFn: createInProcessFetch(handlers),
  };
}
