import { createSimulator, defaultScenarios, encodeTraceId, FLOWS } from './simulator';
import { createTraceStore } from './traces/traceStore';
import type { Span } from '../model/trace';

/** A fixed demo for the trace handler tests: seed 1, the incident schedule anchored at NOW. */
export const TEST_NOW = Date.UTC(2026, 5, 3, 14, 7, 30);
export const testSimulator = createSimulator({ seed: 1, scenarios: defaultScenarios(TEST_NOW) });
export const testStore = createTraceStore(testSimulator);

const flow = (name: string): number => FLOWS.findIndex((f) => f.name === name);

/** A one-span trace: payments' own status endpoint failing (500) at TEST_NOW − 1 h. */
export const FAILED_PAYMENT_ID = encodeTraceId({ seed: 1, startMs: TEST_NOW - 3_600_000, flow: flow('payments-status'), outcome: 0x34, seq: 7 });
/** A five-span trace: gateway → auth, gateway → users, all ok. */
export const USER_PROFILE_ID = encodeTraceId({ seed: 1, startMs: TEST_NOW - 3_600_000 + 5, flow: flow('gateway-user-profile'), outcome: 0x00, seq: 9 });

export function spansOf(traceId: string): Span[] {
  const trace = testStore.get(traceId);
  if (trace === undefined) throw new Error(`test trace ${traceId} does not rebuild`);
  return [...trace.spans()];
}
