import { describe, expect, it } from 'vitest';
import { DEMO_ALERTMANAGER_URL, DEMO_PROMETHEUS_URL } from '../index';
import { defaultScenarios } from '../simulator';
import { createDemoBackend } from '../worker/demoHandlers';
import { goExponent } from './handlers';
import { rulesYaml } from './rules';

// The demo's alerting in its wire shapes; src/datasources/demoAlerts.test.ts reads it through the real adapters.

const ANCHOR = Date.UTC(2026, 11, 1, 3, 0);
const INCIDENT = defaultScenarios(ANCHOR)[0]!.startsAtMs;

interface WireAlert { labels: Record<string, string>; state: string; activeAt: string }

function demoAt(nowMs: number) {
  const { fetchFn } = createDemoBackend({ anchorMs: ANCHOR, now: () => nowMs });
  const get = async <T>(url: string) => (await (await fetchFn(url)).json()) as T;
  return {
    promAlerts: async () => (await get<{ data: { alerts: WireAlert[] } }>(`${DEMO_PROMETHEUS_URL}/api/v1/alerts`)).data.alerts,
    rules: async () => (await get<{ data: { groups: Array<{ rules: Array<{ name: string; state: string }> }> } }>(`${DEMO_PROMETHEUS_URL}/api/v1/rules`)).data.groups.flatMap((g) => g.rules),
    amAlerts: () => get<Array<{ labels: Record<string, string>; startsAt: string; status: { state: string } }>>(`${DEMO_ALERTMANAGER_URL}/api/v2/alerts`),
  };
}
const names = (alerts: { labels: Record<string, string> }[]) => alerts.map((a) => a.labels.alertname).sort();

describe('the demo fires alerts from its metrics', () => {
  it('during the incident: both payments alerts fire, active from about its start', async () => {
    const demo = demoAt(INCIDENT + 30 * 60_000);
    const alerts = await demo.promAlerts();
    expect(names(alerts)).toEqual(['PaymentsErrorRateHigh', 'ProviderLatencyHigh', 'SearchReindexRunning']);
    const errors = alerts.find((a) => a.labels.alertname === 'PaymentsErrorRateHigh')!;
    expect(errors).toMatchObject({ state: 'firing', labels: { severity: 'critical', service: 'payments' } });
    // The 5 m rate passes 5 % within minutes of the start.
    expect(Date.parse(errors.activeAt)).toBeGreaterThanOrEqual(INCIDENT);
    expect(Date.parse(errors.activeAt)).toBeLessThan(INCIDENT + 10 * 60_000);
    const am = await demo.amAlerts();
    // Alertmanager's startsAt is when the alert began firing: activeAt + for.
    expect(Date.parse(am.find((a) => a.labels.alertname === 'PaymentsErrorRateHigh')!.startsAt)).toBe(Date.parse(errors.activeAt) + 120_000);
  });

  it('before the incident only the maintenance alert is there', async () => {
    const demo = demoAt(INCIDENT - 60 * 60_000);
    expect(names(await demo.promAlerts())).toEqual(['SearchReindexRunning']);
    expect((await demo.rules()).map((r) => [r.name, r.state])).toEqual([
      ['PaymentsErrorRateHigh', 'inactive'],
      ['ProviderLatencyHigh', 'inactive'],
      ['SearchReindexRunning', 'firing'],
    ]);
  });

  it('a minute into the incident the error alert is pending (for: 2m), and Alertmanager has not got it', async () => {
    const demo = demoAt(INCIDENT + 90_000);
    expect((await demo.promAlerts()).filter((a) => a.labels.alertname === 'PaymentsErrorRateHigh').map((a) => a.state)).toEqual(['pending']);
    expect(names(await demo.amAlerts())).not.toContain('PaymentsErrorRateHigh');
  });
});

describe('rule file and value formatting', () => {
  it('writes the rules as a Prometheus rule file', () => {
    const yaml = rulesYaml();
    expect(yaml.startsWith('groups:\n  - name: "golden-signals"\n    interval: 15s\n    rules:\n      - alert: "PaymentsErrorRateHigh"\n')).toBe(true);
    expect(yaml).toContain('        for: 120s\n');
  });
  it("formats values as Go's %e", () => {
    expect(goExponent(1)).toBe('1e+00');
    expect(goExponent(0.7265)).toBe('7.265e-01');
    expect(goExponent(39.76)).toBe('3.976e+01');
    expect(goExponent(1e-300)).toBe('1e-300');
    expect(goExponent(NaN)).toBe('NaN');
  });
});
