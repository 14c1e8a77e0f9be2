// Plain data shared by the registry and the embedded demo (which may import only model/ and lib/).

/** One entry of `public/config.json`'s `datasources` array. */
export interface DataSourceConfig {
  uid: string;
  kind: string;
  name: string;
  /** The server's base URL. With `access: "proxy"` the app calls `/proxy/<uid>` instead. */
  url: string;
  default?: boolean;
  access?: 'direct' | 'proxy';
  /** Kind-specific settings, e.g. Prometheus `scrapeInterval`, `conventions`. */
  options?: Readonly<Record<string, unknown>>;
}

export type FetchFn = typeof fetch;
