import type { SignalName } from '../../datasources/types';
import type { Unit } from '../../model/units';

/**
 * The panels of a service dashboard and their titles. Titles are part of the DOM contract
 * (`data-panel-title`) that e2e tests and benchmarks select by, so change them with care.
 */
export interface StatSpec {
  title: string;
  signal: SignalName;
  unit: Unit;
}

export const STAT_PANELS: readonly StatSpec[] = [
  { title: 'Request rate', signal: 'requestRate', unit: 'reqps' },
  { title: 'Error ratio', signal: 'errorRatio', unit: 'percentunit' },
  { title: 'p99 latency', signal: 'latencyP99', unit: 's' },
  { title: 'Saturation', signal: 'saturation', unit: 'percentunit' },
];

export const LATENCY_TITLE = 'Latency p50 / p95 / p99';
export const HEATMAP_TITLE = 'Latency heatmap';

export interface ChartSpec {
  title: string;
  signal: SignalName;
  unit: Unit;
}

export const TRAFFIC_AND_ERROR_PANELS: readonly ChartSpec[] = [
  { title: 'Traffic by route', signal: 'trafficByRoute', unit: 'reqps' },
  { title: 'Traffic by status', signal: 'trafficByStatus', unit: 'reqps' },
  { title: 'Error ratio over time', signal: 'errorRatio', unit: 'percentunit' },
  { title: 'Saturation over time', signal: 'saturation', unit: 'percentunit' },
];

/** Drawn only when the service's signals include them (the data shows outgoing calls). */
export const DOWNSTREAM_PANELS: readonly ChartSpec[] = [
  { title: 'Downstream request rate', signal: 'downstreamRate', unit: 'reqps' },
  { title: 'Downstream error ratio', signal: 'downstreamErrorRatio', unit: 'percentunit' },
  { title: 'Downstream p99 latency', signal: 'downstreamLatencyP99', unit: 's' },
];
