import { describe, expect, it } from 'vitest';
import { createSimulator } from './simulator';
import { MAX_DEMO_SERVICES, replicaName } from './replicate';
import { SERVICES } from './topology';

const HOUR = 3_600_000;
const T = Date.UTC(2025, 0, 6, 12, 0, 0);
const eq = (name: string, value: string) => ({ name, type: '=' as const, value });

describe('replicating the simulated system', () => {
  const base = createSimulator({ seed: 5 });
  const scaled = createSimulator({ seed: 5, services: 200 });
  const jobs = (sim: typeof base, name: string) => [...new Set(sim.select([eq('__name__', name)]).map((s) => s.labels['job']))];

  it('repeats whole copies, then part of one, up to exactly the asked count', () => {
    const all = jobs(scaled, 'process_cpu_seconds_total');
    expect(all).toHaveLength(200);
    const copies = Math.floor(200 / SERVICES.length);
    expect(all).toContain(replicaName('payments', copies - 1));
    expect(all).toContain(replicaName(SERVICES[0], copies));
    expect(all).not.toContain(replicaName(SERVICES[SERVICES.length - 1] as string, copies));
    expect(replicaName('payments', 7)).toBe('payments-07');
  });

  it('renames every service label consistently: a copy calls its own copies', () => {
    const series = scaled.select([eq('__name__', 'http_client_request_duration_seconds_count'), eq('service_name', 'orders-03')]);
    expect(new Set(series.map((s) => s.labels['server_address']))).toEqual(new Set(['payments-03', 'inventory-03', 'notifications-03']));
    expect(series.every((s) => s.labels['job'] === 'orders-03' && s.labels['instance'] === 'orders-03-0:8080')).toBe(true);
  });

  it('keeps the mixed CPU-limit case in every copy, and the copies numbers equal to the original’s', () => {
    expect(jobs(scaled, 'process_cpu_limit_cores')).not.toContain('search-04');
    const original = base.select([eq('__name__', 'process_cpu_seconds_total'), eq('job', 'payments')])[0]!.samples(T - HOUR, T);
    const copy = scaled.select([eq('__name__', 'process_cpu_seconds_total'), eq('job', 'payments-04')])[0]!.samples(T - HOUR, T);
    expect(copy.values).toEqual(original.values);
  });

  it('computes a shared recipe once per selection and window, and keeps nothing between selections', () => {
    const select = () => scaled.select([eq('__name__', 'process_cpu_seconds_total'), { name: 'job', type: '=~', value: 'payments(-0[34])?' }]);
    const [a, b, c] = select();
    expect([a, b, c].map((s) => s!.labels['job'])).toEqual(['payments', 'payments-03', 'payments-04']);
    const block = a!.samples(T - HOUR, T);
    expect(b!.samples(T - HOUR, T)).toBe(block);
    expect(c!.samples(T - HOUR, T)).toBe(block);
    // Another window is computed afresh, with its own numbers.
    const shorter = b!.samples(T - HOUR / 2, T);
    expect(shorter).not.toBe(block);
    expect(shorter.values).toEqual(block.values.slice(block.values.length - shorter.values.length));
    const again = select()[0]!.samples(T - HOUR, T);
    expect(again).not.toBe(block);
    expect(again.values).toEqual(block.values);
  });

  it('hands out exemplars only for the real services, whose trace IDs name them', () => {
    const exemplars = scaled.exemplars([eq('__name__', 'http_server_request_duration_seconds_bucket')], T - HOUR, T);
    expect(exemplars.length).toBeGreaterThan(0);
    expect(exemplars.every((e) => (SERVICES as readonly string[]).includes(e.seriesLabels['service_name'] ?? ''))).toBe(true);
  });

  it('changes nothing at or below the real count, and stops at a sane maximum', () => {
    expect(createSimulator({ seed: 5, services: 3 }).select([]).length).toBe(base.select([]).length);
    expect(jobs(createSimulator({ seed: 5, services: 10 ** 6 }), 'process_cpu_seconds_total')).toHaveLength(MAX_DEMO_SERVICES);
  });
});
