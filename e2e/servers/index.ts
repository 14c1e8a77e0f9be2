export { findFreePort } from './ports';
export { waitFor, waitForHttpOk, type WaitOptions } from './waitFor';
export { makeTempDir, type TempDir } from './tempDir';
export { ensureBinaries, type ServerBinary } from './binaries';
export { startPrometheus, prometheusConfig, type PrometheusOptions, type RunningPrometheus, type ScrapeTarget } from './prometheus';
export { createBlocksFromOpenMetrics } from './promtool';
export { startAlertmanager, type RunningAlertmanager } from './alertmanager';
export { queryPrometheus, type PromApiResult } from './prometheusApi';
export { recordingFetch, type RecordedCall } from './recordingFetch';
