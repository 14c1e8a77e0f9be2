// Alertmanager API v2 answers in their exact wire shapes (shared/reference/datasource-apis.md §7), for tests.

export function amAlert(fingerprint: string, state: 'active' | 'suppressed' | 'unprocessed', startsAt: string, endsAt: string, extra: Record<string, unknown> = {}) {
  return {
    annotations: { summary: 'High latency' },
    endsAt,
    fingerprint,
    receivers: [{ name: 'team-x' }],
    startsAt,
    updatedAt: startsAt,
    status: { state, silencedBy: state === 'suppressed' ? ['8b7e2b0c-1c2d-4e5f-9a0b-1c2d3e4f5a6b'] : [], inhibitedBy: [], mutedBy: [] },
    generatorURL: 'http://prom:9090/graph?g0.expr=job%3Alat%3Amean5m+%3E+0.5',
    labels: { alertname: 'HighLatency', severity: 'page' },
    ...extra,
  };
}

export const amSilence = {
  id: '8b7e2b0c-1c2d-4e5f-9a0b-1c2d3e4f5a6b',
  status: { state: 'active' },
  updatedAt: '2024-05-01T09:00:00.000Z',
  matchers: [{ name: 'alertname', value: 'HighLatency', isRegex: false, isEqual: true }],
  startsAt: '2024-05-01T09:00:00.000Z',
  endsAt: '2024-05-01T11:00:00.000Z',
  createdBy: 'alice',
  comment: 'deploy',
};

export const amStatus = {
  cluster: { name: '01HXABCDEF', status: 'disabled', peers: [] },
  versionInfo: { version: '0.25.0', revision: 'abc', branch: 'HEAD', buildUser: 'root@x', buildDate: '20230101-00:00:00', goVersion: 'go1.19.4' },
  config: { original: 'global:\n  resolve_timeout: 5m\n' },
  uptime: '2024-05-01T08:00:00.000Z',
};
