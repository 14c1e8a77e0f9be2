import { expect } from 'vitest';
import type { Alert } from '../../../model/alerts';
import type { DataSource } from '../../types';
import { answerAll, commonChecks, runConformance, watchedFetch, type AdapterFixture, type Call, type ConformanceCheck, type RecordedFailures, type Responder } from './harness';

/**
 * An alerts adapter's recorded answers to `listAlerts`, in its server's wire format. Alertmanager has no
 * query and no truncation, so `badQuery` is the server refusing a parameter and there is no truncation check.
 */
export interface AlertsFixture extends AdapterFixture {
  recorded: RecordedFailures & {
    /** Alerts in several states; `expected` is what the adapter must make of them, in the server's order. */
    alerts: { respond: Responder; expected: ReadonlyArray<Pick<Alert, 'fingerprint' | 'state' | 'startsAt'> & { endsAt?: number }> };
  };
}

function alertsOf(ds: DataSource) {
  if (!ds.alerts) throw new Error(`${ds.kind} has no alerts capability`);
  return ds.alerts;
}

const callListAlerts: Call<AlertsFixture> = (ds, signal) => alertsOf(ds).listAlerts(signal);
const listAlerts = (fixture: AlertsFixture) => alertsOf(fixture.create(watchedFetch().fetchFn)).listAlerts(new AbortController().signal);

export function alertsChecks(): ConformanceCheck<AlertsFixture>[] {
  return [
    ...commonChecks<AlertsFixture>(callListAlerts),
    {
      name: 'alerts arrive with their fingerprints, states and epoch-ms times',
      async run(fixture, server) {
        answerAll(server, fixture.baseUrl, fixture.recorded.alerts.respond);
        const alerts = await listAlerts(fixture);
        const seen = alerts.map((a) => ({ fingerprint: a.fingerprint, state: a.state, startsAt: a.startsAt, ...(a.endsAt === undefined ? {} : { endsAt: a.endsAt }) }));
        expect(seen).toEqual(fixture.recorded.alerts.expected);
        for (const alert of alerts) expect(Number.isFinite(alert.startsAt), `${alert.fingerprint} startsAt`).toBe(true);
      },
    },
    {
      name: 'no alerts is an empty list, not an error',
      async run(fixture, server) {
        answerAll(server, fixture.baseUrl, fixture.recorded.empty);
        expect(await listAlerts(fixture)).toEqual([]);
      },
    },
  ];
}

/** Registers the alerts contract for one adapter: call it from that adapter's `*.conformance.test.ts`. */
export function runAlertsConformance(fixture: AlertsFixture): void {
  runConformance('alerts', alertsChecks(), fixture);
}
