import type { Labels } from '../../model/series';
import { bucketFractions, latencyMean, type LatencyDistribution } from './latency';
import type { RateModel } from './requestClasses';
import { CLASSIC_SERVICES, CPU_LIMIT_CORES, SERVICES, instanceOf, type ServiceName } from './topology';

/** Histogram bucket bounds of every duration histogram (a 30 s timeout lands in (20, 40]). */
export const LE_BOUNDS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, Infinity];

export function leLabel(bound: number): string {
  return bound === Infinity ? '+Inf' : String(bound);
}

/** A term of a counter: `coef ×` the (jittered) request counter of class `cls`. */
export interface CounterTerm {
  cls: number;
  coef: number;
}

export interface InflightTerm {
  cls: number;
  meanS: number;
}

/**
 * How a series' value is computed at a scrape instant. Every counter (request counts, buckets, sums,
 * CPU seconds) is a fixed non-negative combination of class counters, which is what makes all of them
 * monotonic, buckets cumulative and `+Inf` identical to `_count`.
 */
export type SeriesRecipe =
  | { kind: 'counter'; terms: readonly CounterTerm[]; idleCores: number }
  | { kind: 'inflight'; service: number; terms: readonly InflightTerm[] }
  | { kind: 'constant'; value: number };

export interface CatalogSeries {
  labels: Labels;
  recipe: SeriesRecipe;
  /** For server `_bucket` series: the histogram group whose exemplars they carry, and their bound. */
  exemplarGroup?: number;
  le?: number;
}

/** The class hops that feed one server histogram (one service/route/method/status, or classic handler/method). */
export interface HistogramGroup {
  index: number;
  members: ReadonlyArray<{ cls: number; hop: number }>;
  /** Catalog index of the `_bucket` series for each of LE_BOUNDS. */
  bucketSeries: readonly number[];
}

export interface SeriesCatalog {
  series: readonly CatalogSeries[];
  groups: readonly HistogramGroup[];
}

interface Member {
  cls: number;
  hop: number;
  latency: LatencyDistribution;
}

/** `__name__` first, then the other labels sorted, as Prometheus orders them. */
function labelSet(name: string, labels: Record<string, string>): Labels {
  const out: Record<string, string> = { __name__: name };
  for (const key of Object.keys(labels).sort()) out[key] = labels[key] ?? '';
  return out;
}

function otelBase(service: ServiceName): Record<string, string> {
  return { service_name: service, job: service, instance: instanceOf(service) };
}

function classicBase(service: ServiceName): Record<string, string> {
  return { job: service, instance: instanceOf(service) };
}

/** Mean utilisation of each container's CPU limit, and the part of it burnt while idle. */
const MEAN_CPU_UTILISATION = 0.36;
const IDLE_CPU_SHARE = 0.03;
const NOMINAL_CORES_WITHOUT_LIMIT = 1;

export function buildCatalog(model: RateModel): SeriesCatalog {
  const series: CatalogSeries[] = [];
  const groups: HistogramGroup[] = [];

  const addHistogram = (name: string, base: Record<string, string>, members: readonly Member[], withExemplars: boolean): void => {
    const fractions = members.map((m) => bucketFractions(m.latency, LE_BOUNDS));
    const groupIndex = groups.length;
    const bucketSeries: number[] = [];
    LE_BOUNDS.forEach((bound, b) => {
      bucketSeries.push(series.length);
      series.push({
        labels: labelSet(`${name}_bucket`, { ...base, le: leLabel(bound) }),
        recipe: { kind: 'counter', terms: members.map((m, i) => ({ cls: m.cls, coef: fractions[i]?.[b] ?? 0 })), idleCores: 0 },
        ...(withExemplars ? { exemplarGroup: groupIndex, le: bound } : {}),
      });
    });
    series.push({
      labels: labelSet(`${name}_count`, base),
      recipe: { kind: 'counter', terms: members.map((m) => ({ cls: m.cls, coef: 1 })), idleCores: 0 },
    });
    series.push({
      labels: labelSet(`${name}_sum`, base),
      recipe: { kind: 'counter', terms: members.map((m) => ({ cls: m.cls, coef: latencyMean(m.latency) })), idleCores: 0 },
    });
    if (withExemplars) groups.push({ index: groupIndex, members: members.map(({ cls, hop }) => ({ cls, hop })), bucketSeries });
  };

  // Collect hops by the metric series they feed; Map insertion order keeps the catalog order stable.
  const otelServer = new Map<string, { service: ServiceName; labels: Record<string, string>; members: Member[] }>();
  const otelClient = new Map<string, { service: ServiceName; labels: Record<string, string>; members: Member[] }>();
  const classicHistogram = new Map<string, { service: ServiceName; labels: Record<string, string>; members: Member[] }>();
  const classicRequests = new Map<string, { service: ServiceName; labels: Record<string, string>; members: Member[] }>();
  const push = (
    map: Map<string, { service: ServiceName; labels: Record<string, string>; members: Member[] }>,
    key: string,
    service: ServiceName,
    labels: Record<string, string>,
    member: Member,
  ): void => {
    const entry = map.get(key) ?? { service, labels, members: [] };
    entry.members.push(member);
    map.set(key, entry);
  };

  for (const cls of model.classes) {
    cls.hops.forEach((hop, hopIndex) => {
      const member = { cls: cls.index, hop: hopIndex, latency: hop.latency };
      const classic = CLASSIC_SERVICES.has(hop.service);
      if (hop.kind === 'client') {
        if (classic) throw new Error(`classic service ${hop.service} makes no client calls in this model`);
        const labels = { ...otelBase(hop.service), server_address: hop.peer ?? '', http_response_status_code: hop.status };
        push(otelClient, `${hop.service}|${hop.peer ?? ''}|${hop.status}`, hop.service, labels, member);
      } else if (classic) {
        push(classicHistogram, `${hop.service}|${hop.route}|${hop.method}`, hop.service, { ...classicBase(hop.service), handler: hop.route, method: hop.method }, member);
        const labels = { ...classicBase(hop.service), handler: hop.route, method: hop.method, status: hop.status };
        push(classicRequests, `${hop.service}|${hop.route}|${hop.method}|${hop.status}`, hop.service, labels, member);
      } else {
        const labels = {
          ...otelBase(hop.service),
          http_route: hop.route,
          http_request_method: hop.method,
          http_response_status_code: hop.status,
        };
        push(otelServer, `${hop.service}|${hop.route}|${hop.method}|${hop.status}`, hop.service, labels, member);
      }
    });
  }

  for (const entry of otelServer.values()) addHistogram('http_server_request_duration_seconds', entry.labels, entry.members, true);
  for (const entry of classicHistogram.values()) addHistogram('http_request_duration_seconds', entry.labels, entry.members, true);
  for (const entry of otelClient.values()) addHistogram('http_client_request_duration_seconds', entry.labels, entry.members, false);
  for (const entry of classicRequests.values()) {
    series.push({
      labels: labelSet('http_requests_total', entry.labels),
      recipe: { kind: 'counter', terms: entry.members.map((m) => ({ cls: m.cls, coef: 1 })), idleCores: 0 },
    });
  }

  SERVICES.forEach((service, serviceIdx) => {
    const classic = CLASSIC_SERVICES.has(service);
    const base = classic ? classicBase(service) : otelBase(service);
    const serverHops: Member[] = [];
    for (const cls of model.classes) {
      cls.hops.forEach((hop, hopIndex) => {
        if (hop.kind === 'server' && hop.service === service) serverHops.push({ cls: cls.index, hop: hopIndex, latency: hop.latency });
      });
    }
    // CPU per request is calibrated so that the mean load uses a fixed share of the limit (of a
    // nominal core where there is no limit, which then goes unexported).
    const limit = CPU_LIMIT_CORES[service];
    const cores = limit ?? NOMINAL_CORES_WITHOUT_LIMIT;
    const meanRps = serverHops.reduce((acc, m) => {
      const cls = model.classes[m.cls];
      return acc + (cls === undefined ? 0 : cls.baseRps * cls.baseWeight);
    }, 0);
    const idleCores = IDLE_CPU_SHARE * cores;
    const cpuPerRequest = meanRps > 0 ? ((MEAN_CPU_UTILISATION - IDLE_CPU_SHARE) * cores) / meanRps : 0;
    series.push({
      labels: labelSet('process_cpu_seconds_total', base),
      recipe: { kind: 'counter', terms: serverHops.map((m) => ({ cls: m.cls, coef: cpuPerRequest })), idleCores },
    });
    if (limit !== undefined) series.push({ labels: labelSet('process_cpu_limit_cores', base), recipe: { kind: 'constant', value: limit } });
    if (!classic) {
      series.push({
        labels: labelSet('http_server_active_requests', base),
        recipe: { kind: 'inflight', service: serviceIdx, terms: serverHops.map((m) => ({ cls: m.cls, meanS: latencyMean(m.latency) })) },
      });
    }
  });

  return { series, groups };
}
