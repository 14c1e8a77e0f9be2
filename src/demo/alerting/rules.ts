import type { Labels } from '../../model/series';

/** An alerting rule as Prometheus' rule files write it; the demo evaluates these, and the real-server test
 * hands the same rules to a real Prometheus (`rulesYaml`), so both fire on the same incident. */
export interface DemoAlertRule {
  group: string;
  name: string;
  expr: string;
  forSeconds: number;
  labels: Labels;
  annotations: Labels;
}

export const DEMO_ALERT_RULES: readonly DemoAlertRule[] = [
  {
    group: 'golden-signals',
    name: 'PaymentsErrorRateHigh',
    expr:
      'sum(rate(http_server_request_duration_seconds_count{service_name="payments",http_response_status_code=~"5.."}[5m])) / ' +
      'sum(rate(http_server_request_duration_seconds_count{service_name="payments"}[5m])) > 0.05',
    forSeconds: 120,
    labels: { severity: 'critical', service: 'payments' },
    annotations: { summary: 'payments is failing more than 5% of requests', runbook_url: 'https://runbooks.example.invalid/payments-errors' },
  },
  {
    group: 'golden-signals',
    name: 'ProviderLatencyHigh',
    expr:
      'histogram_quantile(0.99, sum by (le) (rate(http_client_request_duration_seconds_bucket{service_name="payments",server_address="payment-provider"}[5m]))) > 5',
    forSeconds: 120,
    labels: { severity: 'warning', service: 'payments', peer: 'payment-provider' },
    annotations: { summary: 'calls from payments to payment-provider take over 5 s at p99' },
  },
  {
    // Always firing, and silenced by the demo Alertmanager's one silence: so the board shows a silenced alert
    // apart from the ones that page.
    group: 'maintenance',
    name: 'SearchReindexRunning',
    expr: 'sum(rate(http_server_request_duration_seconds_count{service_name="search"}[5m])) > 0',
    forSeconds: 0,
    labels: { severity: 'info', service: 'search' },
    annotations: { summary: 'search is rebuilding its index (planned maintenance)' },
  },
];

/** The demo Alertmanager's silence (and the one the real-server test posts to a real Alertmanager). */
export const DEMO_SILENCE = {
  matchers: [{ name: 'alertname', value: 'SearchReindexRunning', isRegex: false, isEqual: true }],
  createdBy: 'demo',
  comment: 'planned reindex of search',
} as const;

const quote = (s: string) => JSON.stringify(s);

/** The rules as a Prometheus rule file (YAML; JSON strings are valid YAML scalars). */
export function rulesYaml(rules: readonly DemoAlertRule[] = DEMO_ALERT_RULES, evalInterval = '15s', forSeconds?: (rule: DemoAlertRule) => number): string {
  const groups = [...new Set(rules.map((r) => r.group))];
  const lines = ['groups:'];
  for (const group of groups) {
    lines.push(`  - name: ${quote(group)}`, `    interval: ${evalInterval}`, '    rules:');
    for (const rule of rules.filter((r) => r.group === group)) {
      lines.push(`      - alert: ${quote(rule.name)}`, `        expr: ${quote(rule.expr)}`, `        for: ${forSeconds ? forSeconds(rule) : rule.forSeconds}s`);
      lines.push('        labels:', ...Object.entries(rule.labels).map(([k, v]) => `          ${k}: ${quote(v)}`));
      lines.push('        annotations:', ...Object.entries(rule.annotations).map(([k, v]) => `          ${k}: ${quote(v)}`));
    }
  }
  return `${lines.join('\n')}\n`;
}
