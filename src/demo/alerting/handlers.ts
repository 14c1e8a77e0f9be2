import { http, HttpResponse, type HttpHandler } from 'msw';
import type { SampleSource } from '../source';
import { evaluateDemoAlerts, type DemoAlert } from './evaluate';
import { DEMO_ALERT_RULES, DEMO_SILENCE } from './rules';

/** Where the demo's Alertmanager lives, after the demo origin (see DEMO_ALERTMANAGER_URL in index.ts). */
export const ALERTMANAGER_BASE_PATH = '/alertmanager';

/** Prometheus resends firing alerts with endsAt = now + 4 × max(eval interval, resend delay 1m). */
const ENDS_AFTER_MS = 4 * 60_000;
const millis = (ms: number) => new Date(ms).toISOString();
/** Go's RFC3339Nano drops trailing zeros of the fraction; ms precision is all the demo has. */
const nano = (ms: number) => new Date(ms).toISOString().replace(/\.?0+Z$/, 'Z');
/** Prometheus formats alert values with Go's %e ('1e+00', '7.265700916136117e-01'). */
export function goExponent(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
  return value.toExponential().replace(/e([+-])(\d)$/, (_m, sign: string, digit: string) => `e${sign}0${digit}`);
}

const json = (body: unknown, status = 200) => HttpResponse.json(body as Record<string, unknown>, { status });

/** `{status:"success", data}` as Prometheus sends it. */
const success = (data: unknown) => json({ status: 'success', data });

function promAlert(alert: DemoAlert) {
  return { labels: alert.labels, annotations: alert.rule.annotations, state: alert.state, activeAt: nano(alert.activeAtMs), value: goExponent(alert.value) };
}

/**
 * The demo's rule manager, answering Prometheus' `/api/v1/alerts` and `/api/v1/rules`, and an Alertmanager
 * (`/api/v2/alerts`, `/alerts/groups`, `/silences`, `/status`) that has received the firing ones, with the
 * maintenance alert silenced. Evaluated per request over the simulator, so alerts agree with the panels.
 */
export function createAlertingHandlers(source: SampleSource, opts: { prometheusBasePath: string; now?: () => number }): HttpHandler[] {
  const now = opts.now ?? (() => Date.now());
  const startedAt = now();
  const silenceId = '5d1c0e4a-7b2f-4c1e-9a3d-0f6b2e8c4a10';
  const prom = `*${opts.prometheusBasePath}/api/v1`;
  const am = `*${ALERTMANAGER_BASE_PATH}/api/v2`;
  const silenced = (alert: DemoAlert) => DEMO_SILENCE.matchers.every((m) => alert.labels[m.name] === m.value);

  function amAlert(alert: DemoAlert, at: number) {
    const firingSince = alert.activeAtMs + alert.rule.forSeconds * 1000;
    return {
      annotations: alert.rule.annotations,
      endsAt: millis(at + ENDS_AFTER_MS),
      fingerprint: alert.fingerprint,
      receivers: [{ name: 'noc' }],
      startsAt: millis(firingSince),
      updatedAt: millis(at),
      status: { state: silenced(alert) ? 'suppressed' : 'active', silencedBy: silenced(alert) ? [silenceId] : [], inhibitedBy: [], mutedBy: [] },
      generatorURL: `http://demo.watchfloor.invalid/prometheus/graph?g0.expr=${encodeURIComponent(alert.rule.expr)}&g0.tab=1`,
      labels: alert.labels,
    };
  }
  const firing = (at: number) => evaluateDemoAlerts(source, at).filter((a) => a.state === 'firing');

  return [
    http.get(`${prom}/alerts`, () => success({ alerts: evaluateDemoAlerts(source, now()).map(promAlert) })),
    http.get(`${prom}/rules`, () => {
      const at = now();
      const alerts = evaluateDemoAlerts(source, at);
      const groups = [...new Set(DEMO_ALERT_RULES.map((r) => r.group))].map((group) => ({
        name: group,
        file: '/etc/prometheus/demo-rules.yml',
        interval: 15,
        limit: 0,
        evaluationTime: 0.001,
        lastEvaluation: nano(at),
        rules: DEMO_ALERT_RULES.filter((r) => r.group === group).map((rule) => {
          const mine = alerts.filter((a) => a.rule === rule);
          const state = mine.some((a) => a.state === 'firing') ? 'firing' : mine.length > 0 ? 'pending' : 'inactive';
          return { state, name: rule.name, query: rule.expr, duration: rule.forSeconds, keepFiringFor: 0, labels: rule.labels, annotations: rule.annotations, alerts: mine.map(promAlert), health: 'ok', evaluationTime: 0.0005, lastEvaluation: nano(at), type: 'alerting' };
        }),
      }));
      return success({ groups });
    }),
    http.get(`${am}/alerts`, () => {
      const at = now();
      return json(firing(at).map((a) => amAlert(a, at)));
    }),
    http.get(`${am}/alerts/groups`, () => {
      const at = now();
      const byName = new Map<string, DemoAlert[]>();
      for (const alert of firing(at)) byName.set(alert.rule.name, [...(byName.get(alert.rule.name) ?? []), alert]);
      return json([...byName].map(([alertname, list]) => ({ labels: { alertname }, receiver: { name: 'noc' }, alerts: list.map((a) => amAlert(a, at)) })));
    }),
    http.get(`${am}/silences`, () => {
      const at = now();
      return json([{ id: silenceId, status: { state: 'active' }, updatedAt: millis(startedAt), matchers: DEMO_SILENCE.matchers, startsAt: millis(startedAt), endsAt: millis(at + 3_600_000), createdBy: DEMO_SILENCE.createdBy, comment: DEMO_SILENCE.comment }]);
    }),
    http.get(`${am}/status`, () =>
      json({
        cluster: { name: '01JDEMOWATCHFLOOR0000000000', status: 'disabled', peers: [] },
        versionInfo: { version: '0.25.0', revision: 'demo', branch: 'HEAD', buildUser: 'watchfloor@demo', buildDate: '20230101-00:00:00', goVersion: 'go1.19.4' },
        config: { original: 'route:\n  receiver: noc\nreceivers:\n  - name: noc\n' },
        uptime: millis(startedAt),
      }),
    ),
  ];
}
