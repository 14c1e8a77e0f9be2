import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWN_KINDS, parseConfig } from './config';
import { DATASOURCE_PLUGINS, kindTableMarkdown, pluginFor } from './kinds';
import { createDataSourceSet } from './registry';
import type { CapabilityName } from './types';

const CAPABILITY_FIELDS: readonly CapabilityName[] = ['metrics', 'services', 'logs', 'traces', 'alerts'];
const noFetch: typeof fetch = async () => {
  throw new Error('no request expected');
};

describe('the one list of datasource kinds', () => {
  it("is the README's kind table, row for row", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = /<!-- kinds:start -->\n([\s\S]*?)\n<!-- kinds:end -->/.exec(readme)?.[1];
    expect(section, 'README.md needs a kind table between <!-- kinds:start --> and <!-- kinds:end -->').toBeDefined();
    // On failure: paste kindTableMarkdown()'s output between the README's markers.
    expect(section).toBe(kindTableMarkdown());
  });

  it('is what config.json may name, and nothing else', () => {
    expect(KNOWN_KINDS).toEqual(DATASOURCE_PLUGINS.map((p) => p.kind));
    expect(new Set(KNOWN_KINDS).size).toBe(KNOWN_KINDS.length);
    expect(() => parseConfig({ datasources: [{ uid: 'x', kind: 'graphite', name: 'G', url: 'http://g' }] })).toThrow(
      `expected one of ${KNOWN_KINDS.join(', ')}`,
    );
  });

  it('gives every kind a datasource from its own plugin; built kinds answer exactly the capabilities they declare', async () => {
    const configs = DATASOURCE_PLUGINS.map((p) => ({ uid: `ds-${p.kind}`, kind: p.kind, name: p.kind, url: 'http://server.invalid' }));
    const set = createDataSourceSet(parseConfig({ datasources: configs }), noFetch);
    for (const plugin of DATASOURCE_PLUGINS) {
      const ds = set.get(`ds-${plugin.kind}`)!;
      expect(ds.kind).toBe(plugin.kind);
      const present = CAPABILITY_FIELDS.filter((field) => ds[field] !== undefined);
      if (plugin.inBuild) {
        expect(present, plugin.kind).toEqual([...plugin.capabilities]);
      } else {
        expect(present, plugin.kind).toEqual([]);
        expect(await ds.health(new AbortController().signal)).toEqual({ ok: false, message: `The ${plugin.kind} adapter is not in this build yet.` });
      }
    }
    expect(pluginFor('graphite')).toBeUndefined();
  });
});
