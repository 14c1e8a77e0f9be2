import { describe, expect, it } from 'vitest';
import { transformAlerts, transformRules } from './alerts';

// /api/v1/rules and /api/v1/alerts `data` as Prometheus writes them (reference §1.4).

const firing = { labels: { alertname: 'HighLatency', severity: 'page' }, annotations: { summary: 'High latency' }, state: 'firing', activeAt: '2018-07-04T20:27:12.60602144+02:00', value: '1e+00' };

describe('transformRules', () => {
  it('reads alerting rules with their alerts, and recording rules without labels or state', () => {
    const rules = transformRules({
      groups: [
        {
          name: 'example', file: '/rules.yaml', interval: 60, limit: 0,
          rules: [
            { state: 'firing', name: 'HighLatency', query: 'job:lat:mean5m > 0.5', duration: 600, keepFiringFor: 0, labels: { severity: 'page' }, annotations: { summary: 'High latency' }, alerts: [firing], health: 'ok', evaluationTime: 0.0004, lastEvaluation: '2024-05-01T10:00:00.1Z', type: 'alerting' },
            { name: 'job:req:sum', query: 'sum by (job) (req)', health: 'err', lastError: 'many-to-many matching not allowed', type: 'recording' },
          ],
        },
      ],
    });
    expect(rules.map((r) => [r.group, r.name, r.type, r.state, r.health, r.durationSeconds, r.alerts.length])).toEqual([
      ['example', 'HighLatency', 'alerting', 'firing', 'ok', 600, 1],
      ['example', 'job:req:sum', 'recording', undefined, 'err', 0, 0],
    ]);
    expect(rules[1]!.lastError).toBe('many-to-many matching not allowed');
    expect(rules[0]!.alerts[0]).toMatchObject({ state: 'firing', value: '1e+00', startsAt: Date.UTC(2018, 6, 4, 18, 27, 12, 606) });
  });

  it('names the field of a rule of an unknown type', () => {
    expect(() => transformRules({ groups: [{ name: 'g', rules: [{ name: 'x', query: 'up', health: 'ok', type: 'weird' }] }] })).toThrow(/data\.groups\[0\]\.rules\[0\]\.type/);
  });
});

describe('transformAlerts', () => {
  it('refuses an alert state other than pending or firing, naming the field', () => {
    expect(() => transformAlerts({ alerts: [{ ...firing, state: 'active' }] })).toThrow(/data\.alerts\[0\]\.state/);
  });
  it('reads an alert without annotations', () => {
    const { annotations: _none, ...bare } = firing;
    expect(transformAlerts({ alerts: [bare] })[0]!.annotations).toEqual({});
  });
});
