import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertmanagerDataSource } from '../src/datasources/alertmanager';
import { createPrometheusDataSource } from '../src/datasources/prometheus';
import { DEMO_SILENCE, rulesYaml } from '../src/demo/alerting/rules';
import { startDemoServer, type DemoServer } from '../src/demo/server/nodeServer';
import { suppression, type Alert } from '../src/model/alerts';
import { labelsFingerprint } from '../src/model/fingerprint';
import { startAlertmanager, type RunningAlertmanager } from './servers/alertmanager';
import { startPrometheus, type RunningPrometheus } from './servers/prometheus';
import { waitFor } from './servers/waitFor';

// The demo's alerting rules in a real Prometheus scraping `npm run demo:server`, firing into a real
// Alertmanager (Debian's 0.25, clustering off), read back through Watchfloor's adapters: the same incident
// fires the same alerts as in the embedded demo, with the fingerprints Alertmanager computes.

let demo: DemoServer;
let alertmanager: RunningAlertmanager;
let prometheus: RunningPrometheus;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
  alertmanager = await startAlertmanager();
  prometheus = await startPrometheus({
    scrapeTargets: [{ address: new URL(demo.url).host }],
    scrapeIntervalSeconds: 1,
    // The demo's own rules, but with `for` cut to 2 s: a test must not wait the rules' 2 minutes.
    rules: rulesYaml(undefined, '1s', (rule) => Math.min(rule.forSeconds, 2)),
    alertmanager: `127.0.0.1:${alertmanager.port}`,
  });
});

afterAll(async () => {
  await prometheus?.stop();
  await alertmanager?.stop();
  await demo?.close();
});

const signal = () => new AbortController().signal;
const fetchFn: typeof fetch = (input, init) => fetch(input, init);

describe('demo rules in real Prometheus, into a real Alertmanager', () => {
  it('fires PaymentsErrorRateHigh for the incident; Prometheus and Alertmanager agree on it', async () => {
    const prom = createPrometheusDataSource({ uid: 'p', kind: 'prometheus', name: 'Prometheus', url: prometheus.url }, fetchFn).alerts!;
    const am = createAlertmanagerDataSource({ uid: 'am', kind: 'alertmanager', name: 'Alertmanager', url: alertmanager.url }, fetchFn).alerts!;
    const byName = (alerts: Alert[], name: string) => alerts.find((a) => a.labels.alertname === name);

    const fromAm = await waitFor(
      async () => {
        const alerts = await am.listAlerts(signal());
        return byName(alerts, 'PaymentsErrorRateHigh') ? alerts : undefined;
      },
      { description: 'PaymentsErrorRateHigh in Alertmanager', timeoutMs: 90_000, intervalMs: 1000, diagnostics: () => prometheus.recentOutput() + alertmanager.recentOutput() },
    );
    const amAlert = byName(fromAm, 'PaymentsErrorRateHigh')!;
    expect(amAlert).toMatchObject({ state: 'active', labels: { severity: 'critical', service: 'payments' } });
    expect(amAlert.generatorURL).toContain(`:${prometheus.port}/graph?g0.expr=`);
    // Alertmanager's own fingerprint is the one Watchfloor computes for Prometheus' alerts.
    for (const alert of fromAm) expect(alert.fingerprint, alert.labels.alertname).toBe(labelsFingerprint(alert.labels));

    const promAlert = byName(await prom.listAlerts(signal()), 'PaymentsErrorRateHigh')!;
    expect(promAlert.state).toBe('firing');
    expect(promAlert.fingerprint).toBe(amAlert.fingerprint);
    const rules = await prom.rules!(signal());
    expect(rules.find((r) => r.name === 'PaymentsErrorRateHigh')).toMatchObject({ type: 'alerting', health: 'ok', state: 'firing' });
  });

  it('a silence posted to Alertmanager suppresses the maintenance alert, and the adapter says so', async () => {
    const am = createAlertmanagerDataSource({ uid: 'am', kind: 'alertmanager', name: 'Alertmanager', url: alertmanager.url }, fetchFn).alerts!;
    const now = Date.now();
    const posted = await fetch(`${alertmanager.url}/api/v2/silences`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...DEMO_SILENCE, matchers: [...DEMO_SILENCE.matchers], startsAt: new Date(now).toISOString(), endsAt: new Date(now + 3_600_000).toISOString() }),
    });
    expect(posted.status).toBe(200);
    const { silenceID } = (await posted.json()) as { silenceID: string };
    const maintenance = await waitFor(
      async () => {
        const alert = (await am.listAlerts(signal())).find((a) => a.labels.alertname === 'SearchReindexRunning');
        return alert && suppression(alert) === 'silenced' ? alert : undefined;
      },
      { description: 'SearchReindexRunning silenced', timeoutMs: 60_000, intervalMs: 1000, diagnostics: () => alertmanager.recentOutput() },
    );
    expect(maintenance.state).toBe('suppressed');
    expect(maintenance.silencedBy).toEqual([silenceID]);
    const silences = await am.silences!(signal());
    expect(silences.find((s) => s.id === silenceID)).toMatchObject({ state: 'active', createdBy: 'demo' });
    expect((await am.status!(signal())).cluster).toBe('disabled');
  });
});
