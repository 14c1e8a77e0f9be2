import type { OutcomeSpec } from './topology';

/** A named incident, active over [startsAtMs, startsAtMs + durationMs). */
export interface Scenario {
  name: string;
  startsAtMs: number;
  durationMs: number;
}

export const SCENARIO_NAMES = ['payment-provider-timeout'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * The scenarios the in-app demo and the demo server run by default: the provider timeout starting
 * 20 minutes before the current hour began, lasting 3 hours — so it is visible and ongoing "now".
 */
export function defaultScenarios(nowMs: number): Scenario[] {
  return [
    {
      name: 'payment-provider-timeout',
      startsAtMs: Math.floor(nowMs / HOUR_MS) * HOUR_MS - 20 * MINUTE_MS,
      durationMs: 3 * HOUR_MS,
    },
  ];
}

/** A span of time over which a scenario moves a share of a flow's requests to another outcome. */
export interface ShareSegment {
  startMs: number;
  endMs: number;
  share: number;
}

/** What a scenario does to the model: within segments, `share` of `flow`'s requests get `outcome`. */
export interface ScenarioEffect {
  flow: string;
  outcome: Pick<OutcomeSpec, 'kind' | 'target'>;
  segments: ShareSegment[];
}

/**
 * The provider timeout's severity over its window, as (fraction of the window, share of checkouts
 * that hang): it ramps up over ~20 minutes, holds, then eases off. Piecewise constant, so counters
 * keep closed-form integrals.
 */
const PROVIDER_TIMEOUT_PHASES: ReadonlyArray<readonly [from: number, to: number, share: number]> = [
  [0, 0.04, 0.35],
  [0.04, 0.1, 0.65],
  [0.1, 0.8, 0.85],
  [0.8, 0.92, 0.5],
  [0.92, 1, 0.15],
];

function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}

export function scenarioEffect(scenario: Scenario): ScenarioEffect {
  if (!isScenarioName(scenario.name)) {
    throw new Error(`unknown demo scenario "${scenario.name}" (known: ${SCENARIO_NAMES.join(', ')})`);
  }
  if (!(scenario.durationMs > 0) || !Number.isFinite(scenario.startsAtMs)) {
    throw new Error(`demo scenario "${scenario.name}" needs a finite start and a positive duration`);
  }
  const at = (f: number): number => Math.round(scenario.startsAtMs + f * scenario.durationMs);
  return {
    flow: 'gateway-checkout',
    outcome: { kind: 'timeout', target: 'payment-provider' },
    segments: PROVIDER_TIMEOUT_PHASES.map(([from, to, share]) => ({ startMs: at(from), endMs: at(to), share })).filter(
      (s) => s.endMs > s.startMs,
    ),
  };
}

/** Scenarios of the same name may not overlap: their shares would add past 100 %. */
export function checkScenarioOverlap(scenarios: readonly Scenario[]): void {
  const byName = new Map<string, Scenario[]>();
  for (const s of scenarios) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  for (const [name, list] of byName) {
    const sorted = [...list].sort((a, b) => a.startsAtMs - b.startsAtMs);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      const cur = sorted[i];
      if (prev !== undefined && cur !== undefined && cur.startsAtMs < prev.startsAtMs + prev.durationMs) {
        throw new Error(`demo scenarios "${name}" overlap at ${new Date(cur.startsAtMs).toISOString()}`);
      }
    }
  }
}
