import type { Labels } from '../../model/series';
import type { CatalogSeries, SeriesCatalog } from './catalog';
import { SERVICES } from './topology';

/** The labels that name a service (or, `server_address`, the service called). */
const SERVICE_LABELS = ['service_name', 'job', 'server_address'] as const;

/** More than this and a browser tab would hold hundreds of thousands of series. */
export const MAX_DEMO_SERVICES = 2000;

/** `payments` in copy 7 of the system is `payments-07`; copy 0 keeps the real names. */
export function replicaName(service: string, copy: number): string {
  return copy === 0 ? service : `${service}-${String(copy).padStart(2, '0')}`;
}

function renamed(labels: Labels, copy: number): Labels {
  const out: Record<string, string> = { ...labels };
  for (const key of SERVICE_LABELS) {
    const value = labels[key];
    if (value !== undefined) out[key] = replicaName(value, copy);
  }
  const instance = labels['instance'];
  if (instance !== undefined) out['instance'] = instance.replace(/^([^:]+)-0:/, (_, service: string) => `${replicaName(service, copy)}-0:`);
  return out;
}

/**
 * The catalog with the whole system repeated until it has `services` services (the last copy
 * partial), for measuring an overview of hundreds of services. Copies share their original's
 * numbers (each copy calls its own copies downstream) but carry no exemplars: a trace ID names
 * the real services, and a copy's exemplar would open a trace of another service.
 */
export function replicateServices(catalog: SeriesCatalog, services: number): SeriesCatalog {
  const total = Math.min(Math.max(Math.floor(services), SERVICES.length), MAX_DEMO_SERVICES);
  if (total === SERVICES.length) return catalog;
  const copies: CatalogSeries[] = [];
  for (let copy = 1; copy * SERVICES.length < total; copy++) {
    const included = new Set(SERVICES.slice(0, Math.min(SERVICES.length, total - copy * SERVICES.length)));
    for (const entry of catalog.series) {
      const owner = entry.labels['job'] as (typeof SERVICES)[number] | undefined;
      if (owner === undefined || !included.has(owner)) continue;
      copies.push({ labels: renamed(entry.labels, copy), recipe: entry.recipe });
    }
  }
  return { series: [...catalog.series, ...copies], groups: catalog.groups };
}
