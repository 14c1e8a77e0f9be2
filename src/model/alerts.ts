import type { Labels } from './series';

/**
 * One alert, from Alertmanager (`/api/v2/alerts`: active, suppressed, unprocessed) or from Prometheus
 * (`/api/v1/alerts`: pending, firing). Times are epoch ms.
 */
export interface Alert {
  fingerprint: string;
  labels: Labels;
  annotations: Labels;
  state: 'active' | 'suppressed' | 'unprocessed' | 'pending' | 'firing' | 'inactive';
  /** Alertmanager's `startsAt`; Prometheus' `activeAt`. */
  startsAt: number;
  endsAt?: number;
  updatedAt?: number;
  generatorURL?: string;
  /** Alertmanager: IDs of the silences muting it. */
  silencedBy?: string[];
  /** Alertmanager: fingerprints of the alerts inhibiting it. */
  inhibitedBy?: string[];
  /** Alertmanager ≥ 0.28: the time intervals muting it. */
  mutedBy?: string[];
  receivers?: string[];
  /** Prometheus: the value of the rule's expression when it fired, as the server formats it (`1e+00`). */
  value?: string;
}

/** Why an alert is not paging anyone, or undefined when it is. Silenced beats inhibited beats muted. */
export function suppression(alert: Alert): 'silenced' | 'inhibited' | 'muted' | undefined {
  if ((alert.silencedBy?.length ?? 0) > 0) return 'silenced';
  if ((alert.inhibitedBy?.length ?? 0) > 0) return 'inhibited';
  if ((alert.mutedBy?.length ?? 0) > 0) return 'muted';
  return alert.state === 'suppressed' ? 'silenced' : undefined;
}

export interface AlertGroup {
  labels: Labels;
  receiver: string;
  alerts: Alert[];
}

export interface Silence {
  id: string;
  state: 'active' | 'pending' | 'expired';
  matchers: Array<{ name: string; value: string; isRegex: boolean; isEqual: boolean }>;
  startsAt: number;
  endsAt: number;
  updatedAt?: number;
  createdBy: string;
  comment: string;
}

export interface AlertmanagerStatus {
  version: string;
  /** `ready`, `settling` or `disabled` (no cluster: `--cluster.listen-address=`). */
  cluster: string;
  peers: number;
  uptime?: number;
}

/** A Prometheus rule (`/api/v1/rules`), for the board's "what could fire" and the rule's health. */
export interface AlertRule {
  group: string;
  name: string;
  type: 'alerting' | 'recording';
  query: string;
  state?: 'inactive' | 'pending' | 'firing';
  health: 'ok' | 'err' | 'unknown';
  lastError?: string;
  labels: Labels;
  annotations: Labels;
  /** `for`, in seconds. */
  durationSeconds: number;
  alerts: Alert[];
}
