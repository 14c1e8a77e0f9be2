import type { Alert, AlertRule } from '../../model/alerts';
import { labelsFingerprint } from '../../model/fingerprint';
import { asArray, asLabels, asNumber, asRecord, asString, shapeError } from './readers';

/** RFC 3339 with Go's nanoseconds and a local offset (`2018-07-04T20:27:12.60602144+02:00`) → epoch ms. */
function goTimeMs(value: unknown, path: string): number {
  const text = asString(value, path);
  const ms = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(ms)) throw shapeError(path, 'an RFC 3339 time', value);
  return ms;
}

const ALERT_STATES = ['pending', 'firing'] as const;
const optionalLabels = (value: unknown, path: string) => (value === undefined || value === null ? {} : asLabels(value, path));

/** One alert of `/api/v1/alerts` or of a rule in `/api/v1/rules` (reference §1.4). */
function parsePromAlert(raw: unknown, path: string): Alert {
  const alert = asRecord(raw, path);
  const labels = asLabels(alert.labels, `${path}.labels`);
  const state = asString(alert.state, `${path}.state`);
  if (!(ALERT_STATES as readonly string[]).includes(state)) throw shapeError(`${path}.state`, ALERT_STATES.join(' or '), state);
  return {
    fingerprint: labelsFingerprint(labels),
    labels,
    annotations: optionalLabels(alert.annotations, `${path}.annotations`),
    state: state as Alert['state'],
    startsAt: goTimeMs(alert.activeAt, `${path}.activeAt`),
    ...(typeof alert.value === 'string' ? { value: alert.value } : {}),
  };
}

export function transformAlerts(data: unknown): Alert[] {
  const record = asRecord(data, 'data');
  return asArray(record.alerts, 'data.alerts').map((a, i) => parsePromAlert(a, `data.alerts[${i}]`));
}

const RULE_STATES = ['inactive', 'pending', 'firing'] as const;
const HEALTH = ['ok', 'err', 'unknown'] as const;

export function transformRules(data: unknown): AlertRule[] {
  const groups = asArray(asRecord(data, 'data').groups, 'data.groups');
  return groups.flatMap((rawGroup, g) => {
    const group = asRecord(rawGroup, `data.groups[${g}]`);
    const groupName = asString(group.name, `data.groups[${g}].name`);
    return asArray(group.rules, `data.groups[${g}].rules`).map((rawRule, r): AlertRule => {
      const path = `data.groups[${g}].rules[${r}]`;
      const rule = asRecord(rawRule, path);
      const type = asString(rule.type, `${path}.type`);
      if (type !== 'alerting' && type !== 'recording') throw shapeError(`${path}.type`, 'alerting or recording', type);
      const health = asString(rule.health, `${path}.health`);
      const state = rule.state === undefined ? undefined : asString(rule.state, `${path}.state`);
      if (state !== undefined && !(RULE_STATES as readonly string[]).includes(state)) throw shapeError(`${path}.state`, RULE_STATES.join(', '), state);
      return {
        group: groupName,
        name: asString(rule.name, `${path}.name`),
        type,
        query: asString(rule.query, `${path}.query`),
        ...(state === undefined ? {} : { state: state as NonNullable<AlertRule['state']> }),
        health: (HEALTH as readonly string[]).includes(health) ? (health as AlertRule['health']) : 'unknown',
        ...(typeof rule.lastError === 'string' && rule.lastError !== '' ? { lastError: rule.lastError } : {}),
        labels: optionalLabels(rule.labels, `${path}.labels`),
        annotations: optionalLabels(rule.annotations, `${path}.annotations`),
        durationSeconds: rule.duration === undefined ? 0 : asNumber(rule.duration, `${path}.duration`),
        alerts: rule.alerts === undefined || rule.alerts === null ? [] : asArray(rule.alerts, `${path}.alerts`).map((a, i) => parsePromAlert(a, `${path}.alerts[${i}]`)),
      };
    });
  });
}
