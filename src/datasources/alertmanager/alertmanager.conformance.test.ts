import { HttpResponse } from 'msw';
import { runAlertsConformance } from '../shared/conformance/alerts';
import { createAlertmanagerDataSource } from './index';
import { amAlert } from './wire.testing';

// Alertmanager's own wire format (reference §7): JSON arrays, errors as a bare JSON string.

const BASE = 'http://alertmanager.conformance:9093';
const json = (body: unknown, status = 200) => HttpResponse.json(body as Record<string, unknown>, { status });

runAlertsConformance({
  adapter: 'alertmanager',
  serverName: 'Alertmanager',
  baseUrl: BASE,
  create: (fetchFn) => createAlertmanagerDataSource({ uid: 'am', kind: 'alertmanager', name: 'Alertmanager', url: BASE }, fetchFn),
  recorded: {
    serverError: () => json('failed to get alerts: context deadline exceeded', 500),
    badQuery: { respond: () => json('bad matcher format: alertname=~(', 400), message: 'bad matcher format' },
    malformed: { respond: () => json([{ ...amAlert('3d4f6a1b2c3d4e5f', 'active', '2024-05-01T09:55:00.000Z', '2024-05-01T10:05:00.000Z'), startsAt: 'yesterday' }]), field: '[0].startsAt' },
    empty: () => json([]),
    alerts: {
      respond: () =>
        json([
          amAlert('3d4f6a1b2c3d4e5f', 'active', '2024-05-01T09:55:00.000Z', '2024-05-01T10:05:00.000Z'),
          amAlert('0a1b2c3d4e5f6a7b', 'suppressed', '2024-05-01T11:55:00.000+02:00', '2024-05-01T12:05:00.000+02:00'),
        ]),
      expected: [
        { fingerprint: '3d4f6a1b2c3d4e5f', state: 'active', startsAt: Date.UTC(2024, 4, 1, 9, 55), endsAt: Date.UTC(2024, 4, 1, 10, 5) },
        { fingerprint: '0a1b2c3d4e5f6a7b', state: 'suppressed', startsAt: Date.UTC(2024, 4, 1, 9, 55), endsAt: Date.UTC(2024, 4, 1, 10, 5) },
      ],
    },
  },
});
