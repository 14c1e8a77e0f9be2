import { describe, expect, it } from 'vitest';
import { ConfigError } from './config';
import { loadDataSources, type DemoBackend } from './registry';

const configJson = (body: unknown) => JSON.stringify(body);

/** A fetch that serves one file and counts the calls it gets. */
function serving(body: string, init: ResponseInit = {}): typeof fetch & { urls: string[] } {
  const urls: string[] = [];
  const fn = (async (input: RequestInfo | URL) => {
    urls.push(String(input));
    return new Response(body, init);
  }) as typeof fetch & { urls: string[] };
  fn.urls = urls;
  return fn;
}

const demoFetch: typeof fetch = async () => new Response('{}');
const demo: DemoBackend = {
  configs: [{ uid: 'demo-prometheus', kind: 'prometheus', name: 'Demo Prometheus', url: 'http://demo.invalid', default: true }],
  fetchFn: demoFetch,
};
const noDemo = async (): Promise<DemoBackend> => {
  throw new Error('the demo must not load');
};

describe('loadDataSources', () => {
  it('builds adapters from config.json, placeholders for kinds without one', async () => {
    const fetchFn = serving(
      configJson({
        datasources: [
          { uid: 'logs', kind: 'loki', name: 'Loki', url: 'http://loki:3100' },
          { uid: 'prom', kind: 'prometheus', name: 'Prometheus', url: 'http://127.0.0.1:9090', default: true },
          { uid: 'am', kind: 'alertmanager', name: 'Alertmanager', url: 'http://am:9093' },
        ],
      }),
      { headers: { 'content-type': 'application/json' } },
    );
    const set = await loadDataSources(fetchFn, '/config.json', noDemo);
    expect(fetchFn.urls).toEqual(['/config.json']);
    expect(set.list.map((ds) => [ds.uid, ds.kind])).toEqual([['logs', 'loki'], ['prom', 'prometheus'], ['am', 'alertmanager']]);
    expect(set.get('prom')?.metrics).toBeDefined();
    expect(set.get('logs')?.logs?.language).toBe('logql');
    expect(set.get('nope')).toBeUndefined();
    expect(set.defaultMetrics()?.uid).toBe('prom');
    expect(await set.get('am')!.health(new AbortController().signal)).toEqual({ ok: false, message: 'The alertmanager adapter is not in this build yet.' });
  });

  it('falls back to the first metrics datasource when none is default', async () => {
    const set = await loadDataSources(
      serving(configJson({ datasources: [{ uid: 'a', kind: 'prometheus', name: 'A', url: 'http://a' }, { uid: 'b', kind: 'prometheus', name: 'B', url: 'http://b' }] })),
      '/config.json',
      noDemo,
    );
    expect(set.defaultMetrics()?.uid).toBe('a');
  });

  it('uses the demo backend, with its fetch, when config.json is missing', async () => {
    const set = await loadDataSources(serving('Not Found', { status: 404 }), '/config.json', async () => demo);
    expect(set.configs).toEqual(demo.configs);
    expect(set.defaultMetrics()?.uid).toBe('demo-prometheus');
  });

  it('marks the demo\'s datasources as simulated, and a configured set as not', async () => {
    const demoSet = await loadDataSources(serving('Not Found', { status: 404 }), '/config.json', async () => demo);
    expect(demoSet.simulated).toBe(true);
    expect(demoSet.list.map((ds) => ds.simulated)).toEqual([true]);
    const realSet = await loadDataSources(serving(configJson({ datasources: [demo.configs[0]] })), '/config.json', noDemo);
    expect(realSet.simulated).toBe(false);
    expect(realSet.list[0]?.simulated).toBeUndefined();
  });

  it('refuses an HTML page where config.json should be (an SPA fallback), instead of running the demo', async () => {
    const html = '<!doctype html><html><head><title>Watchfloor</title></head><body><div id="root"></div></body></html>';
    for (const init of [{ headers: { 'content-type': 'text/html' } }, { headers: { 'content-type': 'application/octet-stream' } }]) {
      const error = (await loadDataSources(serving(html, init), '/config.json', noDemo).catch((e: unknown) => e)) as ConfigError;
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.field).toBe('config.json');
      expect(error.message).toContain('HTML page');
      expect(error.message).toContain('SPA fallback');
      expect(error.message).toContain('put config.json next to index.html');
      expect(error.message).toContain('answer 404 for /config.json');
    }
  });

  it('throws ConfigError for config.json when the JSON is malformed', async () => {
    const error = await loadDataSources(serving('{"datasources": [', { headers: { 'content-type': 'application/json' } }), '/config.json', noDemo).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).field).toBe('config.json');
    expect((error as ConfigError).message).toMatch(/^config\.json: is not valid JSON/);
  });

  it('names the bad field of an invalid entry', async () => {
    const error = await loadDataSources(serving(configJson({ datasources: [{ uid: 'p', kind: 'prometheus', name: 'P', url: 'localhost:9090x y' }] })), '/config.json', noDemo).catch(
      (e: unknown) => e,
    );
    expect((error as ConfigError).field).toBe('datasources[0].url');
  });

  it("prefixes an adapter's option errors with the entry's position", async () => {
    const body = configJson({
      datasources: [
        { uid: 'a', kind: 'prometheus', name: 'A', url: 'http://a' },
        { uid: 'b', kind: 'prometheus', name: 'B', url: 'http://b', options: { scrapeInterval: 'soon' } },
      ],
    });
    const error = (await loadDataSources(serving(body), '/config.json', noDemo).catch((e: unknown) => e)) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.field).toBe('datasources[1].options.scrapeInterval');
    expect(error.message).toBe('datasources[1].options.scrapeInterval: must be a duration such as "15s", got "soon"');
  });

  it('reports a server error while loading config.json', async () => {
    const error = (await loadDataSources(serving('oops', { status: 500 }), '/config.json', noDemo).catch((e: unknown) => e)) as ConfigError;
    expect(error.field).toBe('config.json');
    expect(error.message).toContain('HTTP 500');
  });

  it('gives config.json a deadline, so a stalled server ends in the error page rather than an endless spinner', async () => {
    let signal: AbortSignal | null | undefined;
    const stalled = ((_input: RequestInfo | URL, init?: RequestInit) => {
      signal = init?.signal;
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted due to timeout', 'TimeoutError')));
      });
    }) as typeof fetch;
    const pending = loadDataSources(stalled, '/config.json', noDemo).catch((e: unknown) => e);
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(signal?.aborted).toBe(false);
    // Stand in for the deadline passing: the same signal's abort must end the load with a ConfigError.
    signal?.dispatchEvent(new Event('abort'));
    const error = (await pending) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('timeout');
  });
});
