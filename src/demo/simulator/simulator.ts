import type { Labels } from '../../model/series';
import type { ExemplarSeries, LabelMatcher, MetricMetadata, SampleBlock, SampleSource, SourceExemplar, SourceSeries } from '../source';
import { buildCatalog, type CatalogSeries, type SeriesCatalog } from './catalog';
import { EXEMPLAR_SLOT_MS, groupExemplars, slotSample } from './exemplars';
import { unitHash } from './hash';
import { poissonSample } from './inflight';
import { matcherPredicate } from '../labelMatchers';
import { DEMO_METADATA } from './metadata';
import { createRateModel, rawCount, SCRAPE_INTERVAL_MS, type RateModel } from './requestClasses';
import { shapeIntegral } from './trafficShape';
import { checkScenarioOverlap, type Scenario } from './scenarios';
import { traceTimeline, type SpanTiming } from './timeline';
import { FLOWS, outcomeFromCode, type OutcomeSpec } from './topology';
import type { Hop } from './traceTemplate';
import { decodeTraceId, encodeTraceId, spanIdFor, type TraceIdParts } from './demoTraceId';
import { createWindowCache } from './windowCache';
import { replicateServices } from './replicate';

export const DEFAULT_SEED = 1;

export interface SimulatorOptions {
  /** Any integer; reduced to 24 bits (the width trace IDs carry). */
  seed?: number;
  /** Incidents to play; none when omitted (the app and the server pass defaultScenarios(now)). */
  scenarios?: readonly Scenario[];
  /**
   * How many services to simulate: more than the real system's repeat it with numbered names
   * (`payments-07`), for the overview at scale; default (and minimum) the system's own.
   */
  services?: number;
}

/** Everything a demo trace ID stands for: its template, span timings and span IDs. */
export interface DemoTraceDescription {
  parts: TraceIdParts;
  flow: string;
  outcome: Pick<OutcomeSpec, 'kind' | 'target'>;
  /** Spans in pre-order; `hops[i].parent` indexes this array. */
  hops: readonly Hop[];
  timings: readonly SpanTiming[];
  spanIds: readonly string[];
}

export interface Simulator extends SampleSource {
  readonly seed: number;
  readonly scenarios: readonly Scenario[];
  /** Rebuilds a trace handed out by this simulator; undefined for foreign IDs or another seed. */
  describeTrace(traceId: string): DemoTraceDescription | undefined;
  /** The hops of every request class (flow × outcome): all the spans a demo trace can hold. */
  readonly traceTemplates: ReadonlyArray<readonly Hop[]>;
  /**
   * IDs of the requests the server histograms sample as exemplars whose trace starts within
   * [startMs, endMs], newest first, computed lazily one exemplar slot (1 min) at a time: the demo's
   * searchable traces, so every exemplar's trace is found by a search around it.
   */
  sampledTraceIds(startMs: number, endMs: number): Generator<string, void, undefined>;
  /** The request classes (flow × outcome) in model order: what the demo's logs enumerate requests of. */
  readonly requestClasses: readonly DemoRequestClass[];
  /**
   * Requests of class `cls` since the epoch at `tMs`, without the counters' jitter: the closed form the
   * request counters are built on, so logs counted from it agree with the metrics.
   */
  requestCount(cls: number, tMs: number): number;
}

/** One request class as the logs see it. */
export interface DemoRequestClass {
  index: number;
  flowIndex: number;
  outcome: Pick<OutcomeSpec, 'kind' | 'target'>;
  outcomeCode: number;
  hops: readonly Hop[];
}

function slotWindow(startMs: number, endMs: number): { firstSlot: number; count: number } {
  const firstSlot = Math.ceil(startMs / SCRAPE_INTERVAL_MS);
  const lastSlot = Math.floor(endMs / SCRAPE_INTERVAL_MS);
  return { firstSlot, count: Math.max(0, lastSlot - firstSlot + 1) };
}

export function createSimulator(opts: SimulatorOptions = {}): Simulator {
  const seed = ((opts.seed ?? DEFAULT_SEED) >>> 0) & 0xffffff;
  const scenarios = [...(opts.scenarios ?? [])];
  checkScenarioOverlap(scenarios);
  const model = createRateModel(seed, scenarios);
  const catalog = opts.services === undefined ? buildCatalog(model) : replicateServices(buildCatalog(model), opts.services);
  const cache = createWindowCache(model);

  const sampleSeries = (entry: CatalogSeries, startMs: number, endMs: number): SampleBlock => {
    const { firstSlot, count } = slotWindow(startMs, endMs);
    const timesMs = new Float64Array(count);
    for (let i = 0; i < count; i++) timesMs[i] = (firstSlot + i) * SCRAPE_INTERVAL_MS;
    const values = new Float64Array(count);
    const recipe = entry.recipe;
    if (recipe.kind === 'constant') {
      values.fill(recipe.value);
    } else if (recipe.kind === 'counter') {
      for (const term of recipe.terms) {
        const counts = cache.counts(term.cls, firstSlot, count);
        for (let i = 0; i < count; i++) values[i] = (values[i] ?? 0) + term.coef * (counts[i] ?? 0);
      }
      if (recipe.idleCores !== 0) {
        for (let i = 0; i < count; i++) values[i] = (values[i] ?? 0) + (recipe.idleCores * (timesMs[i] ?? 0)) / 1000;
      }
    } else {
      // Little's law: requests in flight = Σ rate × mean latency, drawn as a Poisson count.
      const means = new Float64Array(count);
      for (const term of recipe.terms) {
        const rates = cache.rates(term.cls, firstSlot, count);
        for (let i = 0; i < count; i++) means[i] = (means[i] ?? 0) + (rates[i] ?? 0) * term.meanS;
      }
      for (let i = 0; i < count; i++) values[i] = poissonSample(means[i] ?? 0, unitHash(seed, 31, recipe.service, firstSlot + i));
    }
    return { timesMs, values };
  };

  return {
    seed,
    scenarios,
    scrapeIntervalMs: SCRAPE_INTERVAL_MS,
    select: (matchers) => selectSeries(catalog, matchers, sampleSeries),
    exemplars: (matchers, startMs, endMs) => collectExemplars(model, catalog, matchers, startMs, endMs),
    metadata: (): Readonly<Record<string, MetricMetadata>> => DEMO_METADATA,
    describeTrace: (traceId) => describeTrace(model, traceId),
    traceTemplates: model.classes.map((c) => c.hops),
    sampledTraceIds: (startMs, endMs) => sampledTraceIds(model, catalog, startMs, endMs),
    requestClasses: model.classes.map((c) => ({ index: c.index, flowIndex: c.flowIndex, outcome: c.outcome, outcomeCode: c.outcomeCode, hops: c.hops })),
    requestCount: (cls, tMs) => {
      const c = model.classes[cls];
      return c === undefined ? 0 : rawCount(c, tMs, shapeIntegral(model.system, tMs, true));
    },
  };
}

type SampleFn = (entry: CatalogSeries, startMs: number, endMs: number) => SampleBlock;

/**
 * The matching series. Within one selection, series with the same recipe over the same window get the same
 * block, computed once: the copies of `?demo.services=200` share their original's recipe, so a fleet-wide
 * selector would otherwise compute each original's samples ~22 times. Readers never write into a block. The
 * sharing lasts as long as the selection (one query's operand), so nothing is kept between queries.
 */
function selectSeries(catalog: SeriesCatalog, matchers: readonly LabelMatcher[], sample: SampleFn): SourceSeries[] {
  const shared = new Map<CatalogSeries['recipe'], { startMs: number; endMs: number; block: SampleBlock }>();
  const samples = (entry: CatalogSeries, startMs: number, endMs: number): SampleBlock => {
    const hit = shared.get(entry.recipe);
    if (hit !== undefined && hit.startMs === startMs && hit.endMs === endMs) return hit.block;
    const block = sample(entry, startMs, endMs);
    shared.set(entry.recipe, { startMs, endMs, block });
    return block;
  };
  const matches = matcherPredicate(matchers);
  const out: SourceSeries[] = [];
  for (const entry of catalog.series) {
    if (matches(entry.labels)) out.push({ labels: entry.labels, samples: (startMs, endMs) => samples(entry, startMs, endMs) });
  }
  return out;
}

function collectExemplars(
  model: RateModel,
  catalog: SeriesCatalog,
  matchers: readonly LabelMatcher[],
  startMs: number,
  endMs: number,
): ExemplarSeries[] {
  const wanted = new Set<number>();
  const groupsWanted = new Set<number>();
  const matches = matcherPredicate(matchers);
  catalog.series.forEach((entry, i) => {
    if (entry.exemplarGroup !== undefined && matches(entry.labels)) {
      wanted.add(i);
      groupsWanted.add(entry.exemplarGroup);
    }
  });
  const bySeries = new Map<number, SourceExemplar[]>();
  for (const groupIndex of groupsWanted) {
    const group = catalog.groups[groupIndex];
    if (group === undefined) continue;
    for (const { bucket, exemplar } of groupExemplars(model, group, startMs, endMs)) {
      const seriesIndex = group.bucketSeries[bucket];
      if (seriesIndex === undefined || !wanted.has(seriesIndex)) continue;
      const list = bySeries.get(seriesIndex) ?? [];
      list.push(exemplar);
      bySeries.set(seriesIndex, list);
    }
  }
  return [...bySeries.keys()]
    .sort((a, b) => a - b)
    .map((i) => ({ seriesLabels: catalog.series[i]?.labels ?? ({} as Labels), exemplars: bySeries.get(i) ?? [] }));
}

function describeTrace(model: RateModel, traceId: string): DemoTraceDescription | undefined {
  const parts = decodeTraceId(traceId);
  if (parts === undefined || parts.seed !== model.seed) return undefined;
  const cls = model.classes.find((c) => c.flowIndex === parts.flow && c.outcomeCode === parts.outcome);
  const flow = FLOWS[parts.flow];
  const outcome = outcomeFromCode(parts.outcome);
  if (cls === undefined || flow === undefined || outcome === undefined) return undefined;
  return {
    parts,
    flow: flow.name,
    outcome,
    hops: cls.hops,
    timings: traceTimeline(parts, cls.hops),
    spanIds: cls.hops.map((_, i) => spanIdFor(parts, i)),
  };
}

function* sampledTraceIds(model: RateModel, catalog: SeriesCatalog, startMs: number, endMs: number): Generator<string, void, undefined> {
  if (!(endMs >= startMs)) return;
  const firstSlot = Math.max(0, Math.floor(startMs / EXEMPLAR_SLOT_MS));
  for (let slot = Math.floor(endMs / EXEMPLAR_SLOT_MS); slot >= firstSlot; slot--) {
    const found: TraceIdParts[] = [];
    for (const group of catalog.groups) {
      const sample = slotSample(model, group, slot);
      if (sample !== undefined && sample.parts.startMs >= startMs && sample.parts.startMs <= endMs) found.push(sample.parts);
    }
    // A trace starts inside its slot, so newest-first within each slot is newest-first overall.
    found.sort((a, b) => b.startMs - a.startMs || b.seq - a.seq);
    for (const parts of found) yield encodeTraceId(parts);
  }
}
