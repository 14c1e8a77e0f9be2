import { unitHash } from './hash';

/**
 * Traffic shapes as sums of sinusoids, `1 + Σ aₖ·sin(2π·t/Pₖ + φₖ)`, because their integrals have a
 * closed form: a counter at any instant is one evaluation, never a sum over history. Periods are whole
 * milliseconds and the phase argument is reduced with an exact integer modulo first, so the float
 * result does not drift with the size of the epoch timestamp.
 */
export interface SineTerm {
  amplitude: number;
  periodMs: number;
  phase: number;
}

const TWO_PI = 2 * Math.PI;

function angle(term: SineTerm, tMs: number): number {
  const r = tMs % term.periodMs;
  const reduced = r < 0 ? r + term.periodMs : r;
  return (TWO_PI * reduced) / term.periodMs + term.phase;
}

/** The shape's value at tMs (dimensionless, mean 1 when `withBase`, mean 0 otherwise). */
export function shapeValue(terms: readonly SineTerm[], tMs: number, withBase: boolean): number {
  let v = withBase ? 1 : 0;
  for (const term of terms) v += term.amplitude * Math.sin(angle(term, tMs));
  return v;
}

/**
 * ∫₀ᵗ shape(u) du in seconds. The base `1` integrates to t; each sine to `a·P/2π·(cos φ − cos θ(t))`.
 */
export function shapeIntegral(terms: readonly SineTerm[], tMs: number, withBase: boolean): number {
  let v = withBase ? tMs / 1000 : 0;
  for (const term of terms) {
    const scale = (term.amplitude * term.periodMs) / 1000 / TWO_PI;
    v += scale * (Math.cos(term.phase) - Math.cos(angle(term, tMs)));
  }
  return v;
}

/** The lowest value the shape can take (a bound used to keep rates positive and jitter safe). */
export function shapeLowerBound(terms: readonly SineTerm[], withBase: boolean): number {
  let v = withBase ? 1 : 0;
  for (const term of terms) v -= Math.abs(term.amplitude);
  return v;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;

/** Phase that puts a sine's peak at `peakMs` within its period. */
function peakAt(periodMs: number, peakMs: number): number {
  return Math.PI / 2 - (TWO_PI * peakMs) / periodMs;
}

/**
 * The shared traffic curve of the whole system: a diurnal peak at 14:30 UTC, a second bump around
 * 10:30/22:30, a weekly swell whose trough is the weekend (the epoch began on a Thursday, so the
 * trough sits at Sunday 00:00), and three seeded wobbles of 5–40 minutes.
 */
export function systemTrafficTerms(seed: number): SineTerm[] {
  return [
    { amplitude: 0.42, periodMs: DAY_MS, phase: peakAt(DAY_MS, 14.5 * HOUR_MS) },
    { amplitude: 0.12, periodMs: DAY_MS / 2, phase: peakAt(DAY_MS / 2, 10.5 * HOUR_MS) },
    { amplitude: 0.08, periodMs: WEEK_MS, phase: peakAt(WEEK_MS, 6.5 * DAY_MS) },
    { amplitude: 0.04, periodMs: 2_477_000, phase: TWO_PI * unitHash(seed, 11, 1) },
    { amplitude: 0.03, periodMs: 787_000, phase: TWO_PI * unitHash(seed, 11, 2) },
    { amplitude: 0.02, periodMs: 317_000, phase: TWO_PI * unitHash(seed, 11, 3) },
  ];
}

/**
 * Per-request-class wobbles (zero mean) so that, e.g., the error ratio of a route moves on its own.
 * `amplitudes` are for a ~1 h, a ~15 min and a ~3 min term; periods and phases come from the seed.
 */
export function classNoiseTerms(seed: number, classKey: number, amplitudes: readonly [number, number, number]): SineTerm[] {
  const ranges: ReadonlyArray<readonly [number, number]> = [
    [1_800_000, 7_200_000],
    [300_000, 1_800_000],
    [120_000, 300_000],
  ];
  return ranges.map(([lo, hi], i) => ({
    amplitude: amplitudes[i] ?? 0,
    periodMs: lo + Math.floor(unitHash(seed, 12, classKey, i, 1) * (hi - lo) / 1000) * 1000,
    phase: TWO_PI * unitHash(seed, 12, classKey, i, 2),
  }));
}
