import { labelsFingerprint } from '../../model/fingerprint';
import type { Labels } from '../../model/series';
import { evaluateInstant, evaluateRange } from '../promql';
import type { SampleSource } from '../source';
import { DEMO_ALERT_RULES, type DemoAlertRule } from './rules';

/** An alert as the demo's rule manager holds it: Prometheus' view (pending/firing, activeAt). */
export interface DemoAlert {
  rule: DemoAlertRule;
  labels: Labels;
  state: 'pending' | 'firing';
  activeAtMs: number;
  value: number;
  fingerprint: string;
}

/** How far back the demo looks for when an alert became active; older starts read as this far back. */
const LOOKBACK_MS = 6 * 3_600_000;
const STEP_MS = 60_000;

/**
 * Evaluates the demo's alerting rules at `nowMs` with the demo's own PromQL evaluator, so alerts agree with
 * the panels. `activeAt` is the start of the unbroken run of steps (1 min, up to 6 h back) in which the rule's
 * series was present: what Prometheus would have recorded had it been evaluating all along.
 */
export function evaluateDemoAlerts(source: SampleSource, nowMs: number, rules: readonly DemoAlertRule[] = DEMO_ALERT_RULES): DemoAlert[] {
  const alerts: DemoAlert[] = [];
  for (const rule of rules) {
    const now = evaluateInstant(source, rule.expr, nowMs);
    if (now.resultType !== 'vector' || now.samples.length === 0) continue;
    const from = nowMs - LOOKBACK_MS;
    const history = evaluateRange(source, rule.expr, from, nowMs, STEP_MS);
    for (const sample of now.samples) {
      const labels: Labels = { ...withoutName(sample.labels), ...rule.labels, alertname: rule.name };
      const key = JSON.stringify(Object.entries(withoutName(sample.labels)).sort());
      const series = history.series.find((s) => JSON.stringify(Object.entries(withoutName(s.labels)).sort()) === key);
      const activeAtMs = series ? runStart(series.timesMs, nowMs) : nowMs;
      alerts.push({
        rule,
        labels,
        state: nowMs - activeAtMs >= rule.forSeconds * 1000 ? 'firing' : 'pending',
        activeAtMs,
        value: sample.value,
        fingerprint: labelsFingerprint(labels),
      });
    }
  }
  return alerts;
}

function withoutName(labels: Labels): Labels {
  const { __name__: _name, ...rest } = labels;
  return rest;
}

/** The first timestamp of the unbroken run of steps that ends at the last one (the series' latest presence). */
function runStart(timestamps: Float64Array, nowMs: number): number {
  if (timestamps.length === 0) return nowMs;
  let i = timestamps.length - 1;
  while (i > 0 && timestamps[i]! - timestamps[i - 1]! <= STEP_MS) i--;
  return timestamps[i]!;
}
