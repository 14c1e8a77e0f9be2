import type { Alert, AlertGroup, AlertmanagerStatus, Silence } from '../../model/alerts';
import { shapeReaders } from '../shared/shape';

export const SERVER = 'Alertmanager';
const read = shapeReaders(SERVER);

/**
 * An RFC 3339 time as go-openapi writes it (`2024-05-01T09:55:00.000Z`, or a local offset) → epoch ms.
 * Anything `Date.parse` would guess at (no offset, a bare number) is refused, naming the field.
 */
export function rfc3339Ms(value: unknown, path: string): number {
  const text = read.asString(value, path);
  const ms = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(ms)) throw read.shapeError(path, 'an RFC 3339 time', value);
  return ms;
}

/** `[]` in Alertmanager ≥ 0.16, absent in older answers (and `mutedBy` before 0.28): both are "none". */
const ids = (value: unknown, path: string): string[] => (value === undefined || value === null ? [] : read.asStringList(value, path));

const STATES = ['active', 'suppressed', 'unprocessed'] as const;

/** One `gettableAlert` (reference §7). */
export function parseAlert(raw: unknown, path: string): Alert {
  const alert = read.asRecord(raw, path);
  const status = read.asRecord(alert.status, `${path}.status`);
  const state = read.asString(status.state, `${path}.status.state`);
  if (!(STATES as readonly string[]).includes(state)) throw read.shapeError(`${path}.status.state`, STATES.join(', '), state);
  const receivers = alert.receivers === undefined ? [] : read.asArray(alert.receivers, `${path}.receivers`).map((r, i) => read.asString(read.asRecord(r, `${path}.receivers[${i}]`).name, `${path}.receivers[${i}].name`));
  return {
    fingerprint: read.asString(alert.fingerprint, `${path}.fingerprint`),
    labels: read.asLabels(alert.labels, `${path}.labels`),
    annotations: alert.annotations === undefined ? {} : read.asLabels(alert.annotations, `${path}.annotations`),
    state: state as Alert['state'],
    startsAt: rfc3339Ms(alert.startsAt, `${path}.startsAt`),
    ...(alert.endsAt === undefined ? {} : { endsAt: rfc3339Ms(alert.endsAt, `${path}.endsAt`) }),
    ...(alert.updatedAt === undefined ? {} : { updatedAt: rfc3339Ms(alert.updatedAt, `${path}.updatedAt`) }),
    ...(typeof alert.generatorURL === 'string' && alert.generatorURL !== '' ? { generatorURL: alert.generatorURL } : {}),
    silencedBy: ids(status.silencedBy, `${path}.status.silencedBy`),
    inhibitedBy: ids(status.inhibitedBy, `${path}.status.inhibitedBy`),
    mutedBy: ids(status.mutedBy, `${path}.status.mutedBy`),
    receivers,
  };
}

export const parseAlerts = (body: unknown): Alert[] => read.asArray(body, 'the response body').map((a, i) => parseAlert(a, `[${i}]`));

export function parseGroups(body: unknown): AlertGroup[] {
  return read.asArray(body, 'the response body').map((raw, i) => {
    const group = read.asRecord(raw, `[${i}]`);
    const receiver = read.asRecord(group.receiver, `[${i}].receiver`);
    return {
      labels: read.asLabels(group.labels, `[${i}].labels`),
      receiver: read.asString(receiver.name, `[${i}].receiver.name`),
      alerts: read.asArray(group.alerts, `[${i}].alerts`).map((a, j) => parseAlert(a, `[${i}].alerts[${j}]`)),
    };
  });
}

const SILENCE_STATES = ['active', 'pending', 'expired'] as const;

export function parseSilences(body: unknown): Silence[] {
  return read.asArray(body, 'the response body').map((raw, i): Silence => {
    const path = `[${i}]`;
    const silence = read.asRecord(raw, path);
    const state = read.asString(read.asRecord(silence.status, `${path}.status`).state, `${path}.status.state`);
    if (!(SILENCE_STATES as readonly string[]).includes(state)) throw read.shapeError(`${path}.status.state`, SILENCE_STATES.join(', '), state);
    return {
      id: read.asString(silence.id, `${path}.id`),
      state: state as Silence['state'],
      matchers: read.asArray(silence.matchers, `${path}.matchers`).map((m, j) => {
        const matcher = read.asRecord(m, `${path}.matchers[${j}]`);
        return {
          name: read.asString(matcher.name, `${path}.matchers[${j}].name`),
          value: read.asString(matcher.value, `${path}.matchers[${j}].value`),
          isRegex: matcher.isRegex === true,
          // `isEqual` arrived in 0.22; before it every matcher was an equality.
          isEqual: matcher.isEqual !== false,
        };
      }),
      startsAt: rfc3339Ms(silence.startsAt, `${path}.startsAt`),
      endsAt: rfc3339Ms(silence.endsAt, `${path}.endsAt`),
      ...(silence.updatedAt === undefined ? {} : { updatedAt: rfc3339Ms(silence.updatedAt, `${path}.updatedAt`) }),
      createdBy: read.asString(silence.createdBy, `${path}.createdBy`),
      comment: read.asString(silence.comment, `${path}.comment`),
    };
  });
}

export function parseStatus(body: unknown): AlertmanagerStatus {
  const status = read.asRecord(body, 'the response body');
  const cluster = read.asRecord(status.cluster, 'cluster');
  const version = read.asRecord(status.versionInfo, 'versionInfo');
  return {
    version: read.asString(version.version, 'versionInfo.version'),
    cluster: read.asString(cluster.status, 'cluster.status'),
    peers: cluster.peers === undefined || cluster.peers === null ? 0 : read.asArray(cluster.peers, 'cluster.peers').length,
    ...(status.uptime === undefined ? {} : { uptime: rfc3339Ms(status.uptime, 'uptime') }),
  };
}
