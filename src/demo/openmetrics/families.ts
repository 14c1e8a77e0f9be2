import type { Labels } from '../../model/series';
import type { MetricMetadata, SampleSource, SourceSeries } from '../source';
import { escapeHelp } from './format';

/** One exposed time series: the sample name and its labels (without `__name__`). */
export interface FamilySample {
  name: string;
  labels: Labels;
  series: SourceSeries;
}

/** A Metric of OpenMetrics: the samples sharing one label set (for a histogram: buckets, count, sum). */
export interface FamilyMetric {
  samples: FamilySample[];
}

export interface MetricFamily {
  /** The OpenMetrics family name: a counter's without `_total`, a histogram's without suffixes. */
  name: string;
  type: MetricMetadata['type'];
  unit: string;
  help: string;
  metrics: FamilyMetric[];
}

const HISTOGRAM_SUFFIXES = ['_bucket', '_count', '_sum'] as const;

/** Bucket lines first, in `le` order, then `_count` and `_sum`, as the OpenMetrics ABNF lists them. */
function histogramSampleRank(sample: FamilySample, family: string): number {
  if (sample.name === `${family}_bucket`) {
    const le = sample.labels['le'] ?? '+Inf';
    return le === '+Inf' ? 1e300 : Number(le);
  }
  return sample.name === `${family}_count` ? 1e301 : 1e302;
}

function withoutKeys(labels: Labels, drop: readonly string[]): Labels {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) if (!drop.includes(k)) out[k] = v;
  return out;
}

function key(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Groups every series of a source into OpenMetrics families using its metadata: `_bucket`/`_count`/
 * `_sum` join their histogram, a counter's family drops `_total`. Families and metrics come out in a
 * stable order (by name, then by label set), each family exactly once, as promtool's backfill needs.
 */
export function groupIntoFamilies(source: SampleSource): MetricFamily[] {
  const metadata = source.metadata();
  const families = new Map<string, { meta: MetricMetadata; name: string; metrics: Map<string, FamilySample[]> }>();

  for (const series of source.select([])) {
    const sampleName = series.labels['__name__'] ?? '';
    let metaName = sampleName;
    let meta = metadata[sampleName];
    if (meta === undefined || meta.type === 'histogram') {
      const suffix = HISTOGRAM_SUFFIXES.find((s) => sampleName.endsWith(s));
      const base = suffix === undefined ? sampleName : sampleName.slice(0, -suffix.length);
      const baseMeta = metadata[base];
      if (suffix !== undefined && baseMeta?.type === 'histogram') {
        metaName = base;
        meta = baseMeta;
      }
    }
    meta ??= { type: 'unknown', help: '', unit: '' };
    const familyName = meta.type === 'counter' && metaName.endsWith('_total') ? metaName.slice(0, -'_total'.length) : metaName;
    const family = families.get(familyName) ?? { meta, name: familyName, metrics: new Map<string, FamilySample[]>() };
    families.set(familyName, family);

    const labels = withoutKeys(series.labels, ['__name__']);
    const metricKey = key(meta.type === 'histogram' ? withoutKeys(labels, ['le']) : labels);
    const samples = family.metrics.get(metricKey) ?? [];
    samples.push({ name: sampleName, labels, series });
    family.metrics.set(metricKey, samples);
  }

  return [...families.values()]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => ({
      name: f.name,
      type: f.meta.type,
      unit: f.meta.unit,
      help: f.meta.help,
      metrics: [...f.metrics.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, samples]) => ({
          samples: f.meta.type === 'histogram' ? [...samples].sort((x, y) => histogramSampleRank(x, f.name) - histogramSampleRank(y, f.name)) : samples,
        })),
    }));
}

/** The `# TYPE`, `# UNIT` and `# HELP` lines of a family. */
export function familyHeader(family: MetricFamily): string {
  let out = `# TYPE ${family.name} ${family.type}\n`;
  if (family.unit !== '') out += `# UNIT ${family.name} ${family.unit}\n`;
  if (family.help !== '') out += `# HELP ${family.name} ${escapeHelp(family.help)}\n`;
  return out;
}
