import type { CapabilityName, DataSource, DataSourceConfig, DataSourcePlugin } from '../types';

/**
 * A kind Watchfloor knows but this build has no adapter for: config.json may name it, the datasources page
 * lists it, and its health check says it is not in this build. It answers no capability.
 */
export function placeholderPlugin<const K extends string>(kind: K, capabilities: readonly CapabilityName[], servers: string): DataSourcePlugin<undefined> & { kind: K } {
  return {
    kind,
    capabilities,
    inBuild: false,
    servers,
    // Options are kept as written; the adapter that arrives will validate them.
    parseOptions: () => undefined,
    create: (config: DataSourceConfig): DataSource => ({
      uid: config.uid,
      kind: config.kind,
      name: config.name,
      health: async () => ({ ok: false, message: `The ${config.kind} adapter is not in this build yet.` }),
    }),
  };
}
