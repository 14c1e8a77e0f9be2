import { describe, expect, it, vi } from 'vitest';
import type { AdapterTransport, OpenSocket } from '../model/datasourceConfig';
import type * as Kinds from './kinds';
import { loadDataSources } from './registry';

/** The transports handed to plugins' create, to see what the registry's demo branch passes. */
const transports: Array<AdapterTransport | undefined> = [];

vi.mock('./kinds', async (importOriginal) => {
  const original = await importOriginal<typeof Kinds>();
  return {
    ...original,
    pluginFor: (kind: string) => {
      const plugin = original.pluginFor(kind);
      if (plugin === undefined) return undefined;
      return {
        ...plugin,
        create: (...args: Parameters<typeof plugin.create>) => {
          transports.push(args[3]);
          return plugin.create(...args);
        },
      };
    },
  };
});

describe('the registry with the embedded demo', () => {
  it("passes the demo's in-app socket opener to every adapter, beside its fetch", async () => {
    const openSocket: OpenSocket = () => {
      throw new Error('not opened in this test');
    };
    const fetchFn: typeof fetch = async () => new Response('{}');
    const notFound: typeof fetch = async () => new Response('Not Found', { status: 404 });
    await loadDataSources(notFound, '/config.json', async () => ({
      configs: [{ uid: 'demo-loki', kind: 'loki', name: 'Demo Loki', url: 'http://demo.invalid/loki' }],
      fetchFn,
      openSocket,
    }));
    expect(transports).toEqual([{ fetch: fetchFn, openSocket }]);
  });
});
