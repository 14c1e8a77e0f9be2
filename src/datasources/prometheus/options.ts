import { DEFAULT_SCRAPE_INTERVAL_MS, parseDuration } from '../../model/time';
import { ConfigError } from '../configError';
import { DEFAULT_HTTP_OPTIONS, parseHttpOptions, type HttpOptions } from '../shared/httpOptions';
import type { MetricConvention } from '../types';
import { isLegacyLabelName } from './promqlString';

export interface PrometheusOptions extends HttpOptions {
  scrapeIntervalMs: number;
  /** Per-service convention overrides, `{ "inventory": "classic" }`; unlisted services are detected. */
  conventions: Readonly<Record<string, MetricConvention>>;
  /** The label that names a service in each convention. */
  serviceLabels: Readonly<Record<MetricConvention, string>>;
}

export const DEFAULT_OPTIONS: PrometheusOptions = {
  ...DEFAULT_HTTP_OPTIONS,
  scrapeIntervalMs: DEFAULT_SCRAPE_INTERVAL_MS,
  conventions: {},
  serviceLabels: { otel: 'service_name', classic: 'job' },
};

/**
 * Reads the Prometheus part of a config entry's `options`. Problems throw ConfigError with the field
 * relative to the entry (`options.scrapeInterval`); the registry prefixes the entry's position.
 */
export function parsePrometheusOptions(options: Readonly<Record<string, unknown>> | undefined): PrometheusOptions {
  if (options === undefined) return DEFAULT_OPTIONS;
  const result: PrometheusOptions = { ...DEFAULT_OPTIONS, ...parseHttpOptions(options) };

  if (options.scrapeInterval !== undefined) {
    const ms = typeof options.scrapeInterval === 'string' ? parseDuration(options.scrapeInterval) : NaN;
    if (!(ms > 0)) throw new ConfigError('options.scrapeInterval', `must be a duration such as "15s", got ${JSON.stringify(options.scrapeInterval)}`);
    result.scrapeIntervalMs = ms;
  }
  if (options.conventions !== undefined) result.conventions = parseConventions(options.conventions);
  if (options.serviceLabels !== undefined) result.serviceLabels = parseServiceLabels(options.serviceLabels);
  return result;
}

function parseConventions(raw: unknown): Record<string, MetricConvention> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError('options.conventions', 'must map service names to "otel" or "classic"');
  }
  const out: Record<string, MetricConvention> = {};
  for (const [service, convention] of Object.entries(raw)) {
    if (convention !== 'otel' && convention !== 'classic') {
      throw new ConfigError(`options.conventions.${service}`, `must be "otel" or "classic", got ${JSON.stringify(convention)}`);
    }
    out[service] = convention;
  }
  return out;
}

function parseServiceLabels(raw: unknown): Record<MetricConvention, string> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError('options.serviceLabels', 'must be an object such as {"otel": "service_name", "classic": "job"}');
  }
  const out = { ...DEFAULT_OPTIONS.serviceLabels };
  for (const convention of ['otel', 'classic'] as const) {
    const label = (raw as Record<string, unknown>)[convention];
    if (label === undefined) continue;
    if (typeof label !== 'string' || !isLegacyLabelName(label)) {
      throw new ConfigError(`options.serviceLabels.${convention}`, `must be a label name such as "job", got ${JSON.stringify(label)}`);
    }
    out[convention] = label;
  }
  return out;
}
