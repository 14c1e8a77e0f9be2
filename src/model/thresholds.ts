import type { Unit } from './units';

/** How healthy a value is; drives status colours and the overview's worst-first order. */
export type Status = 'ok' | 'warn' | 'crit' | 'unknown';

/** A value at or above `warn` is a warning, at or above `crit` critical (higher is worse for every Golden Signal). */
export interface Bands {
  readonly warn: number;
  readonly crit: number;
}

/**
 * The signal is graded, but not in this unit: saturation as in-flight requests or raw cores has no
 * "full" to compare with, so its values are shown without a status (grey), never guessed red.
 */
export interface Ungraded {
  readonly ungraded: true;
}

export type Thresholds = Bands | Ungraded;

export const UNGRADED: Ungraded = { ungraded: true };

/**
 * Defaults per Golden Signal name (the SignalName of the datasource contracts) and unit: a threshold
 * means something only in the unit it was written for. Request rate has none: neither much nor little
 * traffic is bad by itself.
 */
export const DEFAULT_THRESHOLDS: Readonly<Record<string, Partial<Record<Unit, Bands>>>> = {
  errorRatio: { percentunit: { warn: 0.01, crit: 0.05 }, percent: { warn: 1, crit: 5 } },
  latencyP50: { s: { warn: 0.25, crit: 1 }, ms: { warn: 250, crit: 1000 } },
  latencyP95: { s: { warn: 0.5, crit: 2 }, ms: { warn: 500, crit: 2000 } },
  latencyP99: { s: { warn: 1, crit: 5 }, ms: { warn: 1000, crit: 5000 } },
  saturation: { percentunit: { warn: 0.75, crit: 0.9 }, percent: { warn: 75, crit: 90 } },
  downstreamErrorRatio: { percentunit: { warn: 0.01, crit: 0.05 }, percent: { warn: 1, crit: 5 } },
  downstreamLatencyP99: { s: { warn: 1, crit: 5 }, ms: { warn: 1000, crit: 5000 } },
};

/**
 * The thresholds of `signal` measured in `unit`: bands when the pair has them, `UNGRADED` when the
 * signal is graded in other units only, `undefined` when the signal is never graded.
 */
export function thresholdsFor(signal: string, unit: Unit): Thresholds | undefined {
  const byUnit = DEFAULT_THRESHOLDS[signal];
  if (!byUnit) return undefined;
  return byUnit[unit] ?? UNGRADED;
}

/** A missing or NaN value, or an ungraded one, is `unknown`; without thresholds any real value is `ok`. */
export function statusOf(value: number | undefined, thresholds: Thresholds | undefined): Status {
  if (value === undefined || Number.isNaN(value)) return 'unknown';
  if (!thresholds) return 'ok';
  if ('ungraded' in thresholds) return 'unknown';
  if (value >= thresholds.crit) return 'crit';
  if (value >= thresholds.warn) return 'warn';
  return 'ok';
}

const RANK: Readonly<Record<Status, number>> = { crit: 3, warn: 2, ok: 1, unknown: 0 };

/** Larger is worse. A signal with no data ranks below a healthy one so it does not push a quiet service up. */
export function statusRank(status: Status): number {
  return RANK[status];
}

export function worstStatus(statuses: Iterable<Status>): Status {
  let worst: Status = 'unknown';
  for (const s of statuses) if (RANK[s] > RANK[worst]) worst = s;
  return worst;
}
