import { HttpResponse } from 'msw';
import { labelsFingerprint } from '../../model/fingerprint';
import { runAlertsConformance } from '../shared/conformance/alerts';
import { createPrometheusDataSource } from './index';

// Prometheus' /api/v1/alerts (reference §1.4) through the alerts contract: the envelope, Go's nanosecond
// times with local offsets, errors as `{status:"error", errorType, error}`.

const BASE = 'http://prometheus.alerts:9090';
const json = (body: unknown, status = 200) => HttpResponse.json(body as Record<string, unknown>, { status });
const alerts = (list: unknown[]) => json({ status: 'success', data: { alerts: list } });
const alert = (name: string, state: string, activeAt: string) => ({ labels: { alertname: name, severity: 'page' }, annotations: { summary: 'High latency' }, state, activeAt, value: '1e+00' });

runAlertsConformance({
  adapter: 'prometheus alerts',
  serverName: 'Prometheus',
  baseUrl: BASE,
  create: (fetchFn) => createPrometheusDataSource({ uid: 'prom', kind: 'prometheus', name: 'Prometheus', url: BASE }, fetchFn),
  recorded: {
    serverError: () => json({ status: 'error', errorType: 'internal', error: 'rule manager is not ready' }, 500),
    badQuery: { respond: () => json({ status: 'error', errorType: 'bad_data', error: 'invalid parameter "type": unsupported' }, 400), message: 'invalid parameter "type"' },
    malformed: { respond: () => alerts([{ ...alert('HighLatency', 'firing', '2018-07-04T20:27:12.60602144+02:00'), activeAt: 1530728832 }]), field: 'data.alerts[0].activeAt' },
    empty: () => alerts([]),
    alerts: {
      respond: () => alerts([alert('HighLatency', 'firing', '2018-07-04T20:27:12.60602144+02:00'), alert('DiskFilling', 'pending', '2024-05-01T10:00:00.123456789Z')]),
      expected: [
        { fingerprint: labelsFingerprint({ alertname: 'HighLatency', severity: 'page' }), state: 'firing', startsAt: Date.UTC(2018, 6, 4, 18, 27, 12, 606) },
        { fingerprint: labelsFingerprint({ alertname: 'DiskFilling', severity: 'page' }), state: 'pending', startsAt: Date.UTC(2024, 4, 1, 10, 0, 0, 123) },
      ],
    },
  },
});
