/** How healthy a value is; drives status colours and the overview's worst-first order. */
export type Status = 'ok' | 'warn' | 'crit' | 'unknown';

/** A value at or above `warn` is a warning, at or above `crit` critical (higher is worse for every Golden Signal). */
export interface Thresholds {
  warn: number;
  crit: number;
}

/**
 * Defaults per Golden Signal name (the SignalName of the datasource contracts). Request rate has none:
 * neither much nor little traffic is bad by itself.
 */
export const DEFAULT_THRESHOLDS: Readonly<Record<string, Thresholds>> = {
  errorRatio: { warn: 0.01, crit: 0.05 },
  latencyP50: { warn: 0.25, crit: 1 },
  latencyP95: { warn: 0.5, crit: 2 },
  latencyP99: { warn: 1, crit: 5 },
  saturation: { warn: 0.75, crit: 0.9 },
  downstreamErrorRatio: { warn: 0.01, crit: 0.05 },
  downstreamLatencyP99: { warn: 1, crit: 5 },
};

export function thresholdsFor(signal: string): Thresholds | undefined {
  return DEFAULT_THRESHOLDS[signal];
}

/** A missing or NaN value is `unknown`; without thresholds any real value is `ok`. */
export function statusOf(value: number | undefined, thresholds: Thresholds | undefined): Status {
  if (value === undefined || Number.isNaN(value)) return 'unknown';
  if (!thresholds) return 'ok';
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
