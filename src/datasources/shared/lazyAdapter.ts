import { loadOnce } from '../../lib/loadOnce';
import type { TailSubscription } from '../../model/logs';
import type { AdapterTransport, DataSource, DataSourceConfig, FetchFn, LogsCapability, TracesCapability } from '../types';

type LogsValues = Pick<LogsCapability, 'language' | 'correlationFields'>;
type LogsMethod = Exclude<keyof LogsCapability, keyof LogsValues>;

/**
 * What a kind's datasources offer, known without their code: each capability's methods, and the plain values
 * pages read before asking anything (a log source's query language, its correlation fields). Pages decide what
 * to show by which methods exist, so the surface lists exactly the adapter's (lazyAdapters.test.ts compares).
 */
export interface AdapterSurface {
  logs?: { values: LogsValues; methods: readonly LogsMethod[] };
  traces?: { methods: ReadonlyArray<keyof TracesCapability> };
}

export type CreateAdapter<Options> = (config: DataSourceConfig, fetchFn: FetchFn, options: Options, transport?: AdapterTransport) => DataSource;

/**
 * An adapter whose code loads on the first call to any of its methods. The registry builds every configured
 * datasource at boot; without this, each log and trace adapter (Loki, Elasticsearch, Jaeger, Tempo, Zipkin)
 * would be in the first route's JS, which shows metrics only. Options are parsed at boot all the same (the
 * plugin's `parseOptions`), so a bad entry in config.json is still named before anything runs.
 */
export function lazyAdapter<Options>(surface: (options: Options) => AdapterSurface, load: () => Promise<CreateAdapter<Options>>): CreateAdapter<Options> {
  return (config, fetchFn, options, transport) => {
    const real = loadOnce(async () => (await load())(config, fetchFn, options, transport));
    const methodOf = async (pick: (ds: DataSource) => object | undefined, name: string) => {
      const target = pick(await real()) as Record<string, unknown> | undefined;
      const method = target?.[name];
      if (typeof method !== 'function') throw new Error(`The ${config.kind} adapter has no ${name}(): its surface (plugin.ts) names one it lacks`);
      return (...args: unknown[]): unknown => (method as (...a: unknown[]) => unknown).apply(target, args);
    };
    const call =
      (pick: (ds: DataSource) => object | undefined, name: string) =>
      async (...args: unknown[]): Promise<unknown> =>
        (await methodOf(pick, name))(...args);

    const { logs, traces } = surface(options);
    const ds: DataSource = { uid: config.uid, kind: config.kind, name: config.name, health: call((d) => d, 'health') as DataSource['health'] };
    if (logs) {
      const entries = logs.methods.map((name) => [name, name === 'tail' ? lazyTail(() => methodOf((d) => d.logs, 'tail')) : call((d) => d.logs, name)]);
      ds.logs = { ...logs.values, ...Object.fromEntries(entries) } as LogsCapability;
    }
    if (traces) ds.traces = Object.fromEntries(traces.methods.map((name) => [name, call((d) => d.traces, name)])) as unknown as TracesCapability;
    return ds;
  };
}

/** A tail is a subscription returned at once; it starts when the adapter has loaded, unless closed before. */
function lazyTail(tailOf: () => Promise<(...args: unknown[]) => unknown>): NonNullable<LogsCapability['tail']> {
  return (query, handlers, signal) => {
    let subscription: TailSubscription | undefined;
    let closed = false;
    tailOf().then(
      (tail) => {
        if (!closed) subscription = tail(query, handlers, signal) as TailSubscription;
      },
      (error: unknown) => {
        if (!closed) handlers.onError(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return {
      close: () => {
        closed = true;
        subscription?.close();
      },
    };
  };
}
