import { DEFAULT_SCRAPE_INTERVAL_MS } from '../../model/time';

/**
 * Scrape interval of the simulated Prometheus: every sample lies on a multiple of it. The demo scrapes at
 * the app's default, and its datasource entry states this same value (demo/index.ts), so the two never drift.
 * A file of its own so that the entry can name it without loading the simulator.
 */
export const SCRAPE_INTERVAL_MS = DEFAULT_SCRAPE_INTERVAL_MS;
