/**
 * The simulated system: services, their routes, and the request flows that enter it. A flow is a tree
 * of calls; together with an outcome (ok, slow, rejected, failed at a service, timed out calling a
 * service) it fixes every hop's status and latency distribution — a trace template. Metrics are sums
 * over templates, and a trace ID names one template, which is why a trace can be rebuilt from its ID.
 *
 * Tables here are append-only: flow and service indexes are encoded in trace IDs.
 */
export const SERVICES = [
  'api-gateway',
  'auth',
  'users',
  'orders',
  'payments',
  'payment-provider',
  'inventory',
  'notifications',
  // Appended (indexes are in trace IDs): the one service that runs without a CPU limit.
  'search',
] as const;

export type ServiceName = (typeof SERVICES)[number];

/** Services exported with the classic Prometheus client conventions instead of OpenTelemetry's. */
export const CLASSIC_SERVICES: ReadonlySet<ServiceName> = new Set<ServiceName>(['inventory']);

/**
 * CPU limit of each service's container, in cores. `search` has none and so exports no
 * `process_cpu_limit_cores`: a fleet where only some services have a limit is the usual case, and
 * saturation must be detected per service.
 */
export const CPU_LIMIT_CORES: Readonly<Partial<Record<ServiceName, number>>> = {
  'api-gateway': 4,
  auth: 2,
  users: 2,
  orders: 4,
  payments: 2,
  'payment-provider': 8,
  inventory: 2,
  notifications: 1,
};

export function serviceIndex(name: ServiceName): number {
  return SERVICES.indexOf(name);
}

export function instanceOf(service: ServiceName): string {
  return `${service}-0:8080`;
}

/** Latency of a hop's own work, excluding the downstream calls it waits on. */
export interface SelfLatency {
  medianS: number;
  sigma: number;
}

export interface CallSpec {
  service: ServiceName;
  method: string;
  route: string;
  self: SelfLatency;
  /** Downstream calls, made one after another. */
  calls?: readonly CallSpec[];
}

/**
 * ok: all 200. slow: the target's self time ×8. reject: the target answers 400 after its first call.
 * fail: the target answers 500 at once and its callers fail too. timeout: the call to the target is cut
 * at 30 s and its callers fail. degrade: the target fails but its caller carries on (best-effort call).
 */
export type OutcomeKind = 'ok' | 'slow' | 'reject' | 'fail' | 'timeout' | 'degrade';

/** Outcome kinds as trace-ID codes (high nibble of the outcome byte; low nibble is the target service). */
export const OUTCOME_KIND_CODE: Readonly<Record<OutcomeKind, number>> = { ok: 0, slow: 1, reject: 2, fail: 3, timeout: 4, degrade: 5 };

export interface OutcomeSpec {
  kind: OutcomeKind;
  /** The service the outcome happens at (slow, rejecting, failing, or not answering in time). */
  target: ServiceName;
  /** Share of the flow's requests with this outcome when no scenario is active. */
  weight: number;
}

export interface FlowSpec {
  name: string;
  /** Mean requests per second entering the system through this flow. */
  baseRps: number;
  root: CallSpec;
  outcomes: readonly OutcomeSpec[];
}

const ms = (v: number): number => v / 1000;

const authVerify: CallSpec = { service: 'auth', method: 'GET', route: '/auth/verify', self: { medianS: ms(3), sigma: 0.5 } };

/** Index in this array = the flow byte of a trace ID. */
export const FLOWS: readonly FlowSpec[] = [
  {
    name: 'gateway-user-profile',
    baseRps: 45,
    root: {
      service: 'api-gateway',
      method: 'GET',
      route: '/api/users/me',
      self: { medianS: ms(2), sigma: 0.5 },
      calls: [authVerify, { service: 'users', method: 'GET', route: '/users/{id}', self: { medianS: ms(7), sigma: 0.7 } }],
    },
    outcomes: [
      { kind: 'ok', target: 'api-gateway', weight: 0.97 },
      { kind: 'slow', target: 'users', weight: 0.02 },
      { kind: 'fail', target: 'users', weight: 0.006 },
      { kind: 'fail', target: 'auth', weight: 0.002 },
      { kind: 'fail', target: 'api-gateway', weight: 0.002 },
    ],
  },
  {
    name: 'gateway-order-lookup',
    baseRps: 60,
    root: {
      service: 'api-gateway',
      method: 'GET',
      route: '/api/orders/{id}',
      self: { medianS: ms(2), sigma: 0.5 },
      calls: [authVerify, { service: 'orders', method: 'GET', route: '/orders/{id}', self: { medianS: ms(10), sigma: 0.8 } }],
    },
    outcomes: [
      { kind: 'ok', target: 'api-gateway', weight: 0.97 },
      { kind: 'slow', target: 'orders', weight: 0.02 },
      { kind: 'fail', target: 'orders', weight: 0.008 },
      { kind: 'fail', target: 'auth', weight: 0.002 },
    ],
  },
  {
    name: 'gateway-checkout',
    baseRps: 6,
    root: {
      service: 'api-gateway',
      method: 'POST',
      route: '/api/checkout',
      self: { medianS: ms(3), sigma: 0.5 },
      calls: [
        authVerify,
        {
          service: 'orders',
          method: 'POST',
          route: '/orders',
          self: { medianS: ms(12), sigma: 0.6 },
          calls: [
            { service: 'inventory', method: 'POST', route: '/inventory/reserve', self: { medianS: ms(15), sigma: 0.7 } },
            {
              service: 'payments',
              method: 'POST',
              route: '/payments',
              self: { medianS: ms(6), sigma: 0.5 },
              calls: [{ service: 'payment-provider', method: 'POST', route: '/v1/charges', self: { medianS: ms(220), sigma: 0.45 } }],
            },
            { service: 'notifications', method: 'POST', route: '/notifications', self: { medianS: ms(25), sigma: 0.6 } },
          ],
        },
      ],
    },
    outcomes: [
      { kind: 'ok', target: 'api-gateway', weight: 0.951 },
      { kind: 'slow', target: 'orders', weight: 0.02 },
      { kind: 'degrade', target: 'notifications', weight: 0.004 },
      { kind: 'reject', target: 'api-gateway', weight: 0.012 },
      { kind: 'fail', target: 'inventory', weight: 0.004 },
      { kind: 'fail', target: 'payment-provider', weight: 0.006 },
      { kind: 'fail', target: 'orders', weight: 0.003 },
      // Only a scenario gives this outcome a share: the provider hanging until payments' 30 s timeout.
      { kind: 'timeout', target: 'payment-provider', weight: 0 },
    ],
  },
  {
    name: 'auth-login',
    baseRps: 4,
    root: { service: 'auth', method: 'POST', route: '/auth/token', self: { medianS: ms(45), sigma: 0.4 } },
    outcomes: [
      { kind: 'ok', target: 'auth', weight: 0.95 },
      { kind: 'reject', target: 'auth', weight: 0.045 },
      { kind: 'fail', target: 'auth', weight: 0.005 },
    ],
  },
  {
    name: 'users-update',
    baseRps: 2,
    root: { service: 'users', method: 'PUT', route: '/users/{id}', self: { medianS: ms(20), sigma: 0.6 } },
    outcomes: [
      { kind: 'ok', target: 'users', weight: 0.96 },
      { kind: 'reject', target: 'users', weight: 0.03 },
      { kind: 'fail', target: 'users', weight: 0.01 },
    ],
  },
  {
    name: 'payments-status',
    baseRps: 1,
    root: { service: 'payments', method: 'GET', route: '/payments/{id}', self: { medianS: ms(9), sigma: 0.5 } },
    outcomes: [
      { kind: 'ok', target: 'payments', weight: 0.995 },
      { kind: 'fail', target: 'payments', weight: 0.005 },
    ],
  },
  {
    name: 'inventory-stock',
    baseRps: 25,
    root: { service: 'inventory', method: 'GET', route: '/inventory/stock', self: { medianS: ms(5), sigma: 0.6 } },
    outcomes: [
      { kind: 'ok', target: 'inventory', weight: 0.98 },
      { kind: 'slow', target: 'inventory', weight: 0.015 },
      { kind: 'fail', target: 'inventory', weight: 0.005 },
    ],
  },
  {
    name: 'search-query',
    baseRps: 12,
    root: { service: 'search', method: 'GET', route: '/search', self: { medianS: ms(30), sigma: 0.5 } },
    outcomes: [
      { kind: 'ok', target: 'search', weight: 0.99 },
      { kind: 'slow', target: 'search', weight: 0.008 },
      { kind: 'fail', target: 'search', weight: 0.002 },
    ],
  },
];

export function outcomeCode(outcome: Pick<OutcomeSpec, 'kind' | 'target'>): number {
  return (OUTCOME_KIND_CODE[outcome.kind] << 4) | serviceIndex(outcome.target);
}

/** The outcome a code names, or undefined for a code no template uses. */
export function outcomeFromCode(code: number): Pick<OutcomeSpec, 'kind' | 'target'> | undefined {
  const kindCode = code >>> 4;
  const kind = (Object.keys(OUTCOME_KIND_CODE) as OutcomeKind[]).find((k) => OUTCOME_KIND_CODE[k] === kindCode);
  const target = SERVICES[code & 0xf];
  if (kind === undefined || target === undefined) return undefined;
  return { kind, target };
}
