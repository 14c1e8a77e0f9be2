import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDemoBackend, DEMO_ALERTMANAGER_URL, DEMO_JAEGER_URL, DEMO_LOKI_URL, DEMO_PROMETHEUS_URL, DEMO_TEMPO_URL, DEMO_ZIPKIN_URL, servicesFromUrl } from './index';

describe('createDemoBackend', () => {
  const demo = createDemoBackend({ nowMs: Date.UTC(2025, 5, 4, 12, 0, 0), seed: 3 });

  it('offers one default Prometheus datasource on an unresolvable host', () => {
    expect(demo.configs.filter((c) => c.default)).toEqual([
      {
        uid: 'demo-prometheus',
        kind: 'prometheus',
        name: 'Demo Prometheus',
        url: 'http://demo.watchfloor.invalid/prometheus',
        default: true,
        options: { scrapeInterval: '15s' },
      },
    ]);
  });

  it('answers the Prometheus API in-process', async () => {
    const res = await demo.fetchFn(`${DEMO_PROMETHEUS_URL}/api/v1/label/job/values`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: string[] };
    expect(body.data).toEqual(['api-gateway', 'auth', 'inventory', 'notifications', 'orders', 'payment-provider', 'payments', 'search', 'users']);
  });

  it('answers the Jaeger, Tempo and Zipkin APIs in-process, each under its own path', async () => {
    const services = ['api-gateway', 'auth', 'inventory', 'notifications', 'orders', 'payment-provider', 'payments', 'search', 'users'];
    expect(((await (await demo.fetchFn(`${DEMO_JAEGER_URL}/api/services`)).json()) as { data: string[] }).data).toEqual(services);
    expect(((await (await demo.fetchFn(`${DEMO_JAEGER_URL}/api/v3/services`)).json()) as { services: string[] }).services).toEqual(services);
    expect(await (await demo.fetchFn(`${DEMO_TEMPO_URL}/api/echo`)).text()).toBe('echo\n');
    expect(await (await demo.fetchFn(`${DEMO_ZIPKIN_URL}/api/v2/services`)).json()).toEqual(services);
  });

  it('lists one Prometheus, one datasource per trace API, an Alertmanager and a Loki', () => {
    expect(demo.configs.map((c) => [c.kind, c.url])).toEqual([
      ['prometheus', DEMO_PROMETHEUS_URL],
      ['jaeger', DEMO_JAEGER_URL],
      ['tempo', DEMO_TEMPO_URL],
      ['zipkin', DEMO_ZIPKIN_URL],
      ['alertmanager', DEMO_ALERTMANAGER_URL],
      ['loki', DEMO_LOKI_URL],
    ]);
  });

  it('answers the Loki API in-process under the Loki base URL', async () => {
    const res = await demo.fetchFn(`${DEMO_LOKI_URL}/loki/api/v1/label/service_name/values`);
    expect(((await res.json()) as { data: string[] }).data).toContain('payments');
  });

  it('answers anything else with a 404 rather than a network error', async () => {
    const res = await demo.fetchFn('http://demo.watchfloor.invalid/elasticsearch/_search');
    expect(res.status).toBe(404);
  });
});

describe('createDemoBackend in a browser', () => {
  /** Records what the page would send to the demo worker. */
  class RecordingWorker extends EventTarget {
    static last: RecordingWorker | undefined;
    posted: unknown[] = [];
    constructor(
      readonly url: URL,
      readonly options: WorkerOptions,
    ) {
      super();
      RecordingWorker.last = this;
    }
    postMessage(message: unknown): void {
      this.posted.push(message);
    }
  }

  afterEach(() => {
    vi.unstubAllGlobals();
    RecordingWorker.last = undefined;
  });

  it('starts a module worker, boots it with the incident anchor and the page clock, and sends requests there', async () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('Worker', RecordingWorker);
    const pageNow = Date.now();
    const demo = createDemoBackend({ nowMs: Date.UTC(2025, 5, 4, 12, 0, 0), seed: 3 });
    expect(demo.configs[0]?.uid).toBe('demo-prometheus');
    const worker = RecordingWorker.last;
    expect(worker?.url.pathname).toMatch(/worker\/demoWorker\.ts$/);
    expect(worker?.options.type).toBe('module');
    const boot = worker?.posted[0] as { type: string; anchorMs: number; pageNowMs: number; seed: number };
    expect(boot).toMatchObject({ type: 'boot', anchorMs: Date.UTC(2025, 5, 4, 12, 0, 0), seed: 3 });
    expect(boot.pageNowMs).toBeGreaterThanOrEqual(pageNow);
    expect(boot.pageNowMs).toBeLessThan(pageNow + 1000);

    const controller = new AbortController();
    const pending = demo.fetchFn(`${DEMO_PROMETHEUS_URL}/api/v1/labels`, { signal: controller.signal }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(worker?.posted).toHaveLength(2));
    expect(worker?.posted[1]).toMatchObject({ type: 'request', request: { method: 'GET', url: `${DEMO_PROMETHEUS_URL}/api/v1/labels` } });
    controller.abort();
    expect(((await pending) as DOMException).name).toBe('AbortError');
  });

  it('boots the worker with the service count the page URL asks for (demo.services)', () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('Worker', RecordingWorker);
    vi.stubGlobal('location', { search: '?from=now-1h&demo.services=200' });
    createDemoBackend({ nowMs: Date.UTC(2025, 5, 4, 12, 0, 0) });
    expect(RecordingWorker.last?.posted[0]).toMatchObject({ type: 'boot', services: 200 });
  });
});

describe('servicesFromUrl', () => {
  it('reads a whole number and ignores anything else', () => {
    expect(servicesFromUrl('?demo.services=200')).toBe(200);
    expect(servicesFromUrl('?demo.services=2e3')).toBeUndefined();
    expect(servicesFromUrl('?demo.services=-5')).toBeUndefined();
    expect(servicesFromUrl('?demo.services=99999999')).toBeUndefined();
    expect(servicesFromUrl('?from=now-1h')).toBeUndefined();
  });
});

describe('createDemoBackend at scale', () => {
  it('simulates the asked number of services, numbered copies of the real ones', async () => {
    const demo = createDemoBackend({ nowMs: Date.UTC(2025, 5, 4, 12, 0, 0), services: 200 });
    const res = await demo.fetchFn(`${DEMO_PROMETHEUS_URL}/api/v1/label/job/values`);
    const jobs = ((await res.json()) as { data: string[] }).data;
    expect(jobs).toHaveLength(200);
    expect(jobs).toContain('payments');
    expect(jobs).toContain('payments-07');
  });
});
