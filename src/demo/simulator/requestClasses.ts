import { unitHash } from './hash';
import { SCRAPE_INTERVAL_MS } from './scrapeInterval';
import { scenarioEffect, type Scenario } from './scenarios';
import { classNoiseTerms, shapeIntegral, shapeValue, systemTrafficTerms, type SineTerm } from './trafficShape';
import { FLOWS, outcomeCode, type OutcomeKind, type OutcomeSpec } from './topology';
import { buildTraceTemplate, type Hop } from './traceTemplate';

export { SCRAPE_INTERVAL_MS };

interface WeightSegment {
  startMs: number;
  endMs: number;
  delta: number;
  /** The class's shape integral at both ends, computed once. */
  integralAtStart: number;
  integralAtEnd: number;
}

/**
 * One request class: a flow with one outcome, i.e. one trace template. Its request rate is
 * `baseRps · weight(t) · (system shape(t) + own noise(t))`, with `weight` piecewise constant (scenarios
 * move shares between outcomes), so its request counter has a closed form at any instant.
 */
export interface RequestClass {
  index: number;
  flowIndex: number;
  outcome: OutcomeSpec;
  outcomeCode: number;
  hops: readonly Hop[];
  baseRps: number;
  baseWeight: number;
  noise: readonly SineTerm[];
  segments: readonly WeightSegment[];
}

const NOISE_AMPLITUDES: Readonly<Record<OutcomeKind, readonly [number, number, number]>> = {
  ok: [0.06, 0.05, 0.04],
  slow: [0.12, 0.08, 0.05],
  reject: [0.1, 0.08, 0.05],
  fail: [0.1, 0.08, 0.05],
  degrade: [0.1, 0.08, 0.05],
  timeout: [0.05, 0.04, 0.03],
};

/** Share of a scrape interval's increase by which a counter sample may be nudged: visible noise, still monotonic. */
const JITTER_SHARE = 0.6;

export interface RateModel {
  seed: number;
  system: readonly SineTerm[];
  classes: readonly RequestClass[];
}

export function createRateModel(seed: number, scenarios: readonly Scenario[]): RateModel {
  const system = systemTrafficTerms(seed);
  const effects = scenarios.map(scenarioEffect);
  const classes: RequestClass[] = [];
  FLOWS.forEach((flow, flowIndex) => {
    const flowEffects = effects.filter((e) => e.flow === flow.name);
    flow.outcomes.forEach((outcome) => {
      const index = classes.length;
      const noise = classNoiseTerms(seed, index, NOISE_AMPLITUDES[outcome.kind]);
      const integral = (t: number): number => shapeIntegral(system, t, true) + shapeIntegral(noise, t, false);
      const segments: WeightSegment[] = [];
      for (const effect of flowEffects) {
        const isTarget = effect.outcome.kind === outcome.kind && effect.outcome.target === outcome.target;
        for (const seg of effect.segments) {
          // The scenario's outcome gains `share`; every other outcome gives up the same proportion.
          const delta = isTarget ? seg.share : -outcome.weight * seg.share;
          if (delta === 0) continue;
          segments.push({ ...seg, delta, integralAtStart: integral(seg.startMs), integralAtEnd: integral(seg.endMs) });
        }
      }
      classes.push({
        index,
        flowIndex,
        outcome,
        outcomeCode: outcomeCode(outcome),
        hops: buildTraceTemplate(flow, outcome),
        baseRps: flow.baseRps,
        baseWeight: outcome.weight,
        noise,
        segments,
      });
    });
  });
  return { seed, system, classes };
}

/** ∫₀ᵗ of the class's shape, given the system part (shared by all classes at the same instant). */
function classIntegral(cls: RequestClass, tMs: number, systemIntegral: number): number {
  return systemIntegral + shapeIntegral(cls.noise, tMs, false);
}

/** Requests of the class since the epoch, without jitter; `systemIntegral` = shapeIntegral(system, tMs). */
export function rawCount(cls: RequestClass, tMs: number, systemIntegral: number): number {
  const j = classIntegral(cls, tMs, systemIntegral);
  let weighted = cls.baseWeight * j;
  for (const seg of cls.segments) {
    if (tMs <= seg.startMs) continue;
    const upTo = tMs >= seg.endMs ? seg.integralAtEnd : j;
    weighted += seg.delta * (upTo - seg.integralAtStart);
  }
  return cls.baseRps * weighted;
}

export function weightAt(cls: RequestClass, tMs: number): number {
  let w = cls.baseWeight;
  for (const seg of cls.segments) if (tMs >= seg.startMs && tMs < seg.endMs) w += seg.delta;
  return w;
}

/** Instantaneous requests per second of the class; `systemValue` = shapeValue(system, tMs) when known. */
export function classRate(model: RateModel, cls: RequestClass, tMs: number, systemValue?: number): number {
  const w = weightAt(cls, tMs);
  if (w <= 0) return 0;
  return cls.baseRps * w * ((systemValue ?? shapeValue(model.system, tMs, true)) + shapeValue(cls.noise, tMs, false));
}

/**
 * Request counters of a class on `count` consecutive scrape slots from `firstSlot` (slot = t / 15 s),
 * jittered by a hashed share of the smaller of the two neighbouring increases, so the series looks
 * like counted traffic yet can never decrease. `systemIntegrals` covers slots firstSlot-1 … firstSlot+count.
 */
export function jitteredCounts(
  model: RateModel,
  cls: RequestClass,
  firstSlot: number,
  count: number,
  systemIntegrals: Float64Array,
): Float64Array {
  const raw = new Float64Array(count + 2);
  for (let i = 0; i < count + 2; i++) {
    const t = (firstSlot - 1 + i) * SCRAPE_INTERVAL_MS;
    raw[i] = rawCount(cls, t, systemIntegrals[i] ?? 0);
  }
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const before = raw[i] ?? 0;
    const here = raw[i + 1] ?? 0;
    const after = raw[i + 2] ?? 0;
    const room = Math.min(here - before, after - here);
    const u = unitHash(model.seed, 21, cls.index, firstSlot + i);
    out[i] = room > 0 ? here + JITTER_SHARE * u * room : here;
  }
  return out;
}

/** The system shape's integral on slots firstSlot-1 … firstSlot+count (shared by every class). */
export function systemIntegralsFor(model: RateModel, firstSlot: number, count: number): Float64Array {
  const out = new Float64Array(count + 2);
  for (let i = 0; i < count + 2; i++) out[i] = shapeIntegral(model.system, (firstSlot - 1 + i) * SCRAPE_INTERVAL_MS, true);
  return out;
}
