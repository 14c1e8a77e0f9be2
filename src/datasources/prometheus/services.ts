import type { MetricConvention, OverviewQuery, QueryCtx, ServiceSignals, ServicesCapability } from '../types';
import type { PrometheusClient } from './client';
import type { PrometheusOptions } from './options';
import { promqlString } from './promqlString';
import { CONVENTION_NAMES, DOWNSTREAM_METRICS, overviewQueriesFor, SATURATION_METRICS, serviceSignalQueries, type SignalFeatures } from './templates';

/** Reads which optional metrics a set of metric names holds. */
export function featuresFrom(metricNames: ReadonlySet<string>): SignalFeatures {
  return {
    cpuSeconds: metricNames.has(SATURATION_METRICS.cpuSeconds),
    cpuLimit: metricNames.has(SATURATION_METRICS.cpuLimit),
    activeRequests: metricNames.has(SATURATION_METRICS.activeRequests),
    downstream: metricNames.has(DOWNSTREAM_METRICS.count),
  };
}

/** A service speaks a convention when its request metrics exist under that convention's service label. */
export function detectConvention(otelNames: ReadonlySet<string>, classicNames: ReadonlySet<string>): MetricConvention {
  if (otelNames.has(CONVENTION_NAMES.otel.requestCounter) || otelNames.has(CONVENTION_NAMES.otel.durationBucket)) return 'otel';
  if (classicNames.has(CONVENTION_NAMES.classic.requestCounter) || classicNames.has(CONVENTION_NAMES.classic.durationBucket)) return 'classic';
  return 'otel';
}

const OVERVIEW_METRICS = [
  CONVENTION_NAMES.otel.requestCounter,
  CONVENTION_NAMES.classic.requestCounter,
  SATURATION_METRICS.cpuSeconds,
  SATURATION_METRICS.cpuLimit,
  SATURATION_METRICS.activeRequests,
];

/**
 * Services and their Golden Signals from what the datasource actually has: the service list from label
 * values, the convention per service from the metric names its series carry (overridable in config).
 */
export function createServicesCapability(client: PrometheusClient, options: PrometheusOptions): ServicesCapability {
  const labels = options.serviceLabels;

  /** Names of the metrics whose series carry `label="service"`. */
  const metricNamesOf = async (label: string, service: string, ctx: QueryCtx): Promise<Set<string>> =>
    new Set(await client.labelValues('__name__', ctx, [`{${label}=${promqlString(service)}}`]));

  return {
    async listServices(ctx) {
      const [otel, classic] = await Promise.all([
        client.labelValues(labels.otel, ctx, [CONVENTION_NAMES.otel.requestCounter]),
        client.labelValues(labels.classic, ctx, [CONVENTION_NAMES.classic.requestCounter]),
      ]);
      return [...new Set([...otel, ...classic])].sort();
    },

    async signals(service, ctx): Promise<ServiceSignals> {
      const override = options.conventions[service];
      // Both look-ups in one round trip: detection stands between the page and every panel's first query.
      const [otelNames, classicNames] = await Promise.all([
        metricNamesOf(labels.otel, service, ctx),
        labels.classic === labels.otel ? undefined : metricNamesOf(labels.classic, service, ctx),
      ]).then(([otel, classic]) => [otel, classic ?? otel] as const);
      const convention = override ?? detectConvention(otelNames, classicNames);
      const names = convention === 'otel' ? otelNames : classicNames;
      return { service, convention, queries: serviceSignalQueries(convention, labels[convention], service, featuresFrom(names)) };
    },

    async overviewQueries(ctx): Promise<OverviewQuery[]> {
      const match = `{__name__=~${promqlString(OVERVIEW_METRICS.join('|'))}}`;
      const present = new Set(await client.labelValues('__name__', ctx, [match]));
      // What exists somewhere in the fleet decides which forms are worth a request, not each service's
      // form: that is chosen per service from the answers (overviewQueriesFor, best form first).
      const features = featuresFrom(present);
      const queries: OverviewQuery[] = [];
      if (present.has(CONVENTION_NAMES.otel.requestCounter)) queries.push(...overviewQueriesFor('otel', labels.otel, features));
      if (present.has(CONVENTION_NAMES.classic.requestCounter)) {
        queries.push(...overviewQueriesFor('classic', labels.classic, features, labels.otel));
      }
      return queries;
    },
  };
}

