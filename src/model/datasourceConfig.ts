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

/**
 * The part of a WebSocket a tail needs. The browser's `WebSocket` is one; the embedded demo supplies its own
 * in-app socket, the way it supplies `fetch`, so live tail works with no server.
 */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  close(code?: number, reason?: string): void;
}

export type OpenSocket = (url: string) => SocketLike;

/** How an adapter reaches its server: `fetch` always, a socket opener for streaming APIs. */
export interface AdapterTransport {
  fetch: FetchFn;
  /** Defaults to the browser's `WebSocket`. */
  openSocket?: OpenSocket;
}
