import { alertmanagerPlugin } from './alertmanager';
import { elasticsearchPlugin, opensearchPlugin } from './elasticsearch/plugin';
import { jaegerPlugin } from './jaeger/plugin';
import { lokiPlugin } from './loki/plugin';
import { prometheusPlugin } from './prometheus';
import { tempoPlugin } from './tempo/plugin';
import type { DataSourcePlugin } from './types';
import { zipkinPlugin } from './zipkin/plugin';

/**
 * Every datasource kind Watchfloor knows, in the order the README lists them. `KNOWN_KINDS` (what
 * config.json may say), the registry's factories and the README's kind table all come from this list;
 * `kinds.test.ts` fails when the README drifts from it. A new adapter replaces its placeholder here.
 */
export const DATASOURCE_PLUGINS = [
  prometheusPlugin,
  lokiPlugin,
  elasticsearchPlugin,
  opensearchPlugin,
  jaegerPlugin,
  tempoPlugin,
  zipkinPlugin,
  alertmanagerPlugin,
] as const satisfies readonly DataSourcePlugin[];

export type DataSourceKind = (typeof DATASOURCE_PLUGINS)[number]['kind'];

const BY_KIND: ReadonlyMap<string, DataSourcePlugin> = new Map(DATASOURCE_PLUGINS.map((plugin) => [plugin.kind, plugin]));

export function pluginFor(kind: string): DataSourcePlugin | undefined {
  return BY_KIND.get(kind);
}

/** The README's kind table, rendered from the list (the README holds a copy; the test keeps them equal). */
export function kindTableMarkdown(): string {
  const rows = DATASOURCE_PLUGINS.map(
    (p) => `| \`${p.kind}\` | ${p.capabilities.join(', ')} | ${p.servers} | ${p.inBuild ? 'yes' : 'not yet: accepted, health says "not in this build"'} |`,
  );
  return ['| kind | answers | servers | in this build |', '|---|---|---|---|', ...rows].join('\n');
}
