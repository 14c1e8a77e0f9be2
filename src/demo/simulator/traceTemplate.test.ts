import { describe, expect, it } from 'vitest';
import { FLOWS, type FlowSpec } from './topology';
import { buildTraceTemplate, CLIENT_TIMEOUT_S } from './traceTemplate';
import { traceTimeline } from './timeline';

const checkout = FLOWS.find((f) => f.name === 'gateway-checkout') as FlowSpec;
const summary = (hops: ReturnType<typeof buildTraceTemplate>) =>
  hops.map((h) => `${h.kind}:${h.service}${h.peer ? `->${h.peer}` : ''}:${h.status}`);

describe('trace templates', () => {
  it('an ok checkout visits every service with 200s', () => {
    const hops = buildTraceTemplate(checkout, { kind: 'ok', target: 'api-gateway' });
    expect(summary(hops).filter((s) => s.startsWith('server'))).toEqual([
      'server:api-gateway:200',
      'server:auth:200',
      'server:orders:200',
      'server:inventory:200',
      'server:payments:200',
      'server:payment-provider:200',
      'server:notifications:200',
    ]);
  });

  it('a provider timeout fails the path upwards, skips notifications and records a 504 client call', () => {
    const hops = buildTraceTemplate(checkout, { kind: 'timeout', target: 'payment-provider' });
    expect(summary(hops)).toEqual([
      'server:api-gateway:500',
      'client:api-gateway->auth:200',
      'server:auth:200',
      'client:api-gateway->orders:500',
      'server:orders:500',
      'client:orders->inventory:200',
      'server:inventory:200',
      'client:orders->payments:500',
      'server:payments:500',
      'client:payments->payment-provider:504',
      'server:payment-provider:500',
    ]);
    const timedOut = hops.find((h) => h.timedOut);
    expect(timedOut?.latency.shiftS).toBe(CLIENT_TIMEOUT_S);
    // Every caller on the path waits out the timeout.
    for (const h of hops.filter((x) => x.kind === 'server' && x.status === '500')) expect(h.latency.shiftS).toBeGreaterThanOrEqual(30);
  });

  it('a failure at inventory stops orders before it calls payments', () => {
    const hops = buildTraceTemplate(checkout, { kind: 'fail', target: 'inventory' });
    expect(hops.some((h) => h.service === 'payments')).toBe(false);
    expect(hops.find((h) => h.kind === 'server' && h.service === 'orders')?.status).toBe('500');
  });

  it('a rejected checkout only checks auth', () => {
    const hops = buildTraceTemplate(checkout, { kind: 'reject', target: 'api-gateway' });
    expect(summary(hops)).toEqual(['server:api-gateway:400', 'client:api-gateway->auth:200', 'server:auth:200']);
  });

  it('lays spans out inside their parents, except the provider that outlives the timeout', () => {
    const hops = buildTraceTemplate(checkout, { kind: 'timeout', target: 'payment-provider' });
    for (let seq = 0; seq < 50; seq++) {
      const parts = { seed: 3, startMs: 1_700_000_000_000, flow: 2, outcome: 0x45, seq };
      const timings = traceTimeline(parts, hops);
      expect(traceTimeline(parts, hops)).toEqual(timings);
      hops.forEach((hop, i) => {
        const t = timings[i];
        const p = timings[hop.parent];
        if (t === undefined || p === undefined || hops[hop.parent]?.timedOut) return;
        expect(t.startS).toBeGreaterThanOrEqual(p.startS);
        expect(t.startS + t.durationS).toBeLessThanOrEqual(p.startS + p.durationS + 1e-9);
      });
      const client = hops.findIndex((h) => h.timedOut);
      expect(timings[client]?.durationS).toBeCloseTo(30, 2);
      expect(timings[client + 1]?.durationS).toBeGreaterThan(30);
    }
  });
});

describe('best-effort calls', () => {
  it('a failed notification is a 500 at notifications only; orders and the gateway still succeed', () => {
    const hops = buildTraceTemplate(checkout, { kind: 'degrade', target: 'notifications' });
    const servers = summary(hops).filter((s) => s.startsWith('server'));
    expect(servers).toContain('server:notifications:500');
    expect(servers).toContain('server:orders:200');
    expect(servers).toContain('server:api-gateway:200');
    expect(summary(hops)).toContain('client:orders->notifications:500');
  });
});
