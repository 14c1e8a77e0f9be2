import type { LatencyDistribution } from './latency';
import type { CallSpec, FlowSpec, OutcomeSpec, ServiceName } from './topology';

/** Time a request spends on the wire between a client span and its server span, each way combined. */
export const NETWORK_S = 0.0006;
/** How long payments waits for the payment provider before giving up. */
export const CLIENT_TIMEOUT_S = 30;

/**
 * One span of a trace template, and the metric it feeds: a server hop feeds the service's
 * `http_server_request_duration_seconds`, a client hop the caller's `http_client_request_duration_seconds`.
 */
export interface Hop {
  kind: 'server' | 'client';
  /** The service that records this span. */
  service: ServiceName;
  /** The callee, for a client hop. */
  peer?: ServiceName;
  method: string;
  /** The route served (server) or called (client). */
  route: string;
  status: string;
  /** Index of the parent hop; -1 for the entry span. */
  parent: number;
  latency: LatencyDistribution;
  /** A client hop cut off by its timeout: its callee's server span is not bounded by it. */
  timedOut: boolean;
}

interface FlatCall {
  spec: CallSpec;
  parent: number;
}

/** The call tree in pre-order (parents before children, siblings in call order), without recursion. */
function flattenCalls(root: CallSpec): FlatCall[] {
  const out: FlatCall[] = [];
  const stack: FlatCall[] = [{ spec: root, parent: -1 }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    const index = out.length;
    out.push(item);
    const calls = item.spec.calls ?? [];
    for (let i = calls.length - 1; i >= 0; i--) {
      const call = calls[i];
      if (call !== undefined) stack.push({ spec: call, parent: index });
    }
  }
  return out;
}

function failingStatus(kind: OutcomeSpec['kind']): string {
  if (kind === 'reject') return '400';
  if (kind === 'fail' || kind === 'timeout' || kind === 'degrade') return '500';
  return '200';
}

/**
 * The hops of one flow under one outcome. A failure or timeout at the target stops the calls its
 * ancestors would have made afterwards; a rejection keeps only the target's first call (the auth check).
 */
export function buildTraceTemplate(flow: FlowSpec, outcome: Pick<OutcomeSpec, 'kind' | 'target'>): Hop[] {
  const calls = flattenCalls(flow.root);
  const affects = outcome.kind !== 'ok';
  const target = affects ? calls.findIndex((c) => c.spec.service === outcome.target) : -1;
  if (affects && target < 0) throw new Error(`flow ${flow.name} never reaches ${outcome.target}`);

  // The target and its ancestors carry the outcome's status; pathChild[a] is a's child towards the target.
  const onPath = new Set<number>();
  const pathChild = new Map<number, number>();
  for (let i = target; i >= 0; i = calls[i]?.parent ?? -1) {
    onPath.add(i);
    const parent = calls[i]?.parent ?? -1;
    if (parent >= 0) pathChild.set(parent, i);
  }
  const stopsAtTarget = outcome.kind !== 'ok' && outcome.kind !== 'slow';
  const propagates = outcome.kind !== 'slow' && outcome.kind !== 'degrade';

  const kept = new Array<boolean>(calls.length).fill(false);
  const firstChildOf = new Map<number, number>();
  calls.forEach((call, i) => {
    if (call.parent >= 0 && !firstChildOf.has(call.parent)) firstChildOf.set(call.parent, i);
  });
  calls.forEach((call, i) => {
    const p = call.parent;
    if (p < 0) {
      kept[i] = true;
      return;
    }
    if (!kept[p]) return;
    if (p === target && stopsAtTarget) {
      kept[i] = outcome.kind === 'reject' && firstChildOf.get(p) === i;
      return;
    }
    const towardTarget = pathChild.get(p);
    kept[i] = !(propagates && towardTarget !== undefined && i > towardTarget && p !== target);
  });

  const hops: Hop[] = [];
  const serverHopOf = new Map<number, number>();
  calls.forEach((call, i) => {
    if (!kept[i]) return;
    const spec = call.spec;
    const isTarget = i === target;
    const status = isTarget || (propagates && onPath.has(i)) ? failingStatus(outcome.kind) : '200';
    let parentHop = -1;
    if (call.parent >= 0) {
      const callerHop = serverHopOf.get(call.parent) ?? -1;
      const caller = hops[callerHop];
      if (caller === undefined) throw new Error('caller hop missing');
      const timedOut = isTarget && outcome.kind === 'timeout';
      hops.push({
        kind: 'client',
        service: caller.service,
        peer: spec.service,
        method: spec.method,
        route: spec.route,
        status: timedOut ? '504' : status,
        parent: callerHop,
        latency: { shiftS: 0, medianS: 1, sigma: 1 },
        timedOut,
      });
      parentHop = hops.length - 1;
    }
    serverHopOf.set(i, hops.length);
    hops.push({
      kind: 'server',
      service: spec.service,
      method: spec.method,
      route: spec.route,
      status,
      parent: parentHop,
      latency: selfLatency(spec, outcome.kind, isTarget),
      timedOut: false,
    });
  });
  fillLatencies(hops);
  return hops;
}

function selfLatency(spec: CallSpec, kind: OutcomeSpec['kind'], isTarget: boolean): LatencyDistribution {
  const { medianS, sigma } = spec.self;
  if (!isTarget) return { shiftS: 0, medianS, sigma };
  switch (kind) {
    case 'slow':
      return { shiftS: 0, medianS: medianS * 8, sigma: sigma + 0.2 };
    case 'reject':
      return { shiftS: 0, medianS: medianS * 0.5, sigma };
    case 'fail':
    case 'degrade':
      return { shiftS: 0, medianS: medianS * 0.6, sigma: sigma + 0.1 };
    case 'timeout':
      // The hung provider eventually answers, long after its caller gave up.
      return { shiftS: CLIENT_TIMEOUT_S, medianS: 4, sigma: 0.5 };
    default:
      return { shiftS: 0, medianS, sigma };
  }
}

/**
 * Bottom-up (reverse pre-order, children first): a server hop waits on its calls in sequence, so its
 * distribution is its self time shifted by the typical durations of those calls; a client hop is its
 * callee's server hop plus the network, or a flat 30 s when the call times out.
 */
function fillLatencies(hops: Hop[]): void {
  const waited = new Array<number>(hops.length).fill(0);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (hop === undefined) continue;
    if (hop.kind === 'server') {
      if (hop.latency.shiftS === 0) hop.latency = { ...hop.latency, shiftS: waited[i] ?? 0 };
    } else if (hop.timedOut) {
      hop.latency = { shiftS: CLIENT_TIMEOUT_S, medianS: 0.0002, sigma: 0.3 };
    } else {
      const callee = hops[i + 1];
      if (callee === undefined) throw new Error('client hop without callee');
      hop.latency = { shiftS: callee.latency.shiftS + NETWORK_S, medianS: callee.latency.medianS, sigma: callee.latency.sigma };
    }
    if (hop.kind === 'client' && hop.parent >= 0) {
      waited[hop.parent] = (waited[hop.parent] ?? 0) + hop.latency.shiftS + hop.latency.medianS;
    }
  }
}
