import { describe, expect, it } from 'vitest';
import { suppression } from '../model/alerts';
import { loadDataSources } from './registry';

// The embedded demo's alerts read through the real Prometheus and Alertmanager adapters, as the NOC board
// reads them. The demo's incident is always under way "now" (it starts 20 min before the current hour).

const noConfig: typeof fetch = async () => new Response('not found', { status: 404 });
const signal = () => new AbortController().signal;

describe('the demo through the alert adapters', () => {
  it('Prometheus and Alertmanager agree on the payments alerts; the maintenance alert is silenced', async () => {
    const set = await loadDataSources(noConfig);
    const prom = await set.get('demo-prometheus')!.alerts!.listAlerts(signal());
    const am = set.get('demo-alertmanager')!.alerts!;
    const amAlerts = await am.listAlerts(signal());
    const firing = prom.filter((a) => a.state === 'firing').map((a) => a.labels.alertname).sort();
    expect(firing).toEqual(expect.arrayContaining(['PaymentsErrorRateHigh', 'SearchReindexRunning']));
    for (const name of firing) {
      const fromProm = prom.find((a) => a.labels.alertname === name)!;
      const fromAm = amAlerts.find((a) => a.labels.alertname === name)!;
      expect(fromAm.fingerprint, `${name}: one fingerprint from both`).toBe(fromProm.fingerprint);
    }
    const maintenance = amAlerts.find((a) => a.labels.alertname === 'SearchReindexRunning')!;
    expect(suppression(maintenance)).toBe('silenced');
    expect(maintenance.silencedBy).toEqual((await am.silences!(signal())).map((s) => s.id));
    expect(suppression(amAlerts.find((a) => a.labels.alertname === 'PaymentsErrorRateHigh')!)).toBeUndefined();
    expect((await set.get('demo-alertmanager')!.health(signal())).ok).toBe(true);
  });
});
