import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isDataSourceError, type DataSourceError } from '../../lib/errors';
import { suppression } from '../../model/alerts';
import { createAlertmanagerDataSource } from './index';
import { amAlert, amSilence, amStatus } from './wire.testing';

// Alertmanager API v2's exact answers (shared/reference/datasource-apis.md §7), errors included.

const BASE = 'http://alertmanager.contract:9093';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const am = () => createAlertmanagerDataSource({ uid: 'am', kind: 'alertmanager', name: 'Alertmanager', url: BASE }, (input, init) => globalThis.fetch(input, init));
const signal = () => new AbortController().signal;
const json = (body: unknown, status = 200) => HttpResponse.json(body as Record<string, unknown>, { status });
const answer = (path: string, body: () => Response) => server.use(http.get(`${BASE}${path}`, body));

async function rejection(promise: Promise<unknown>): Promise<DataSourceError> {
  try {
    await promise;
  } catch (error) {
    if (isDataSourceError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('GET /api/v2/alerts', () => {
  it('keeps silenced, inhibited and muted alerts apart, with their receivers and generator link', async () => {
    answer('/api/v2/alerts', () =>
      json([
        amAlert('1111111111111111', 'active', '2024-05-01T09:55:00.000Z', '2024-05-01T10:05:00.000Z'),
        amAlert('2222222222222222', 'suppressed', '2024-05-01T09:55:00.000Z', '2024-05-01T10:05:00.000Z'),
        amAlert('3333333333333333', 'suppressed', '2024-05-01T09:55:00.000Z', '2024-05-01T10:05:00.000Z', { status: { state: 'suppressed', silencedBy: [], inhibitedBy: ['1111111111111111'], mutedBy: [] } }),
        amAlert('4444444444444444', 'suppressed', '2024-05-01T09:55:00.000Z', '2024-05-01T10:05:00.000Z', { status: { state: 'suppressed', silencedBy: [], inhibitedBy: [], mutedBy: ['weekends'] } }),
      ]),
    );
    const alerts = await am().alerts!.listAlerts(signal());
    expect(alerts.map(suppression)).toEqual([undefined, 'silenced', 'inhibited', 'muted']);
    expect(alerts[0]).toMatchObject({ receivers: ['team-x'], generatorURL: 'http://prom:9090/graph?g0.expr=job%3Alat%3Amean5m+%3E+0.5', annotations: { summary: 'High latency' }, updatedAt: Date.UTC(2024, 4, 1, 9, 55) });
  });

  it('accepts the 0.22 schema, which has no mutedBy', async () => {
    const old = amAlert('1111111111111111', 'active', '2024-05-01T09:55:00.000Z', '2024-05-01T10:05:00.000Z', { status: { state: 'active', silencedBy: [], inhibitedBy: [] } });
    answer('/api/v2/alerts', () => json([old]));
    expect((await am().alerts!.listAlerts(signal()))[0]!.mutedBy).toEqual([]);
  });

  it('keeps label and annotation text verbatim, markup included (the page renders it as text)', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    answer('/api/v2/alerts', () => json([amAlert('1111111111111111', 'active', '2024-05-01T09:55:00.000Z', '2024-05-01T10:05:00.000Z', { labels: { alertname: hostile }, annotations: { description: hostile } })]));
    const [alert] = await am().alerts!.listAlerts(signal());
    expect(alert!.labels.alertname).toBe(hostile);
    expect(alert!.annotations.description).toBe(hostile);
  });

  it('names the field of an unknown state or a time without an offset', async () => {
    answer('/api/v2/alerts', () => json([amAlert('1111111111111111', 'active', '2024-05-01T09:55:00.000Z', '2024-05-01T10:05:00.000Z', { status: { state: 'firing' } })]));
    expect((await rejection(am().alerts!.listAlerts(signal()))).message).toMatch(/\[0\]\.status\.state/);
    answer('/api/v2/alerts', () => json([amAlert('1111111111111111', 'active', '2024-05-01T09:55:00', '2024-05-01T10:05:00.000Z')]));
    expect((await rejection(am().alerts!.listAlerts(signal()))).message).toMatch(/\[0\]\.startsAt should be an RFC 3339 time/);
  });

  it('a go-openapi parameter error ({code, message}) is the query’s fault, in its words', async () => {
    answer('/api/v2/alerts', () => json({ code: 602, message: 'active in query must be of type bool: "maybe"' }, 422));
    const error = await rejection(am().alerts!.listAlerts(signal()));
    expect(error.message).toMatch(/active in query must be of type bool/);
  });
});

describe('groups, silences, status', () => {
  it('reads alert groups with their receiver', async () => {
    answer('/api/v2/alerts/groups', () => json([{ labels: { alertname: 'HighLatency' }, receiver: { name: 'team-x' }, alerts: [amAlert('1111111111111111', 'active', '2024-05-01T09:55:00.000Z', '2024-05-01T10:05:00.000Z')] }]));
    const [group] = await am().alerts!.groups!(signal());
    expect(group).toMatchObject({ labels: { alertname: 'HighLatency' }, receiver: 'team-x' });
    expect(group!.alerts.map((a) => a.fingerprint)).toEqual(['1111111111111111']);
  });

  it('reads silences, with matchers from before isEqual existed counted as equality', async () => {
    const { isEqual: _dropped, ...oldMatcher } = amSilence.matchers[0]!;
    answer('/api/v2/silences', () => json([amSilence, { ...amSilence, id: 'x', status: { state: 'expired' }, matchers: [oldMatcher] }]));
    const silences = await am().alerts!.silences!(signal());
    expect(silences.map((s) => [s.id, s.state, s.matchers[0]!.isEqual])).toEqual([
      [amSilence.id, 'active', true],
      ['x', 'expired', true],
    ]);
    expect(silences[0]).toMatchObject({ createdBy: 'alice', comment: 'deploy', startsAt: Date.UTC(2024, 4, 1, 9), endsAt: Date.UTC(2024, 4, 1, 11) });
  });

  it('health reads /api/v2/status: version and cluster state', async () => {
    answer('/api/v2/status', () => json(amStatus));
    expect(await am().health(signal())).toEqual({ ok: true, message: 'Alertmanager 0.25.0, cluster disabled' });
  });

  it('health says why when the URL is not an Alertmanager', async () => {
    answer('/api/v2/status', () => new HttpResponse('<html><title>Grafana</title></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    const health = await am().health(signal());
    expect(health.ok).toBe(false);
    expect(health.message).toMatch(/HTML|Grafana/);
  });
});
