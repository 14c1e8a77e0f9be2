import type { Labels } from './series';

// The log model. It must hold 100,000 lines without copying per-line what is per-stream, so a line points at
// its stream (labels shared by reference) and keeps only what is its own. Fields (JSON, logfmt) are parsed
// lazily, when a line is expanded, never for every line up front.

export type LogLevel = 'critical' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'unknown';

/** One stream: a label set. Every line of the stream holds the same object. */
export interface LogStream {
  /** Stable key of the label set (sorted `name="value"` pairs), the same on every page and every refresh. */
  key: string;
  labels: Labels;
}

export interface LogLine {
  /**
   * Stable key: stream key + timeNs + a counter for lines of the same stream at the same nanosecond (Loki keeps
   * them apart by content; so does this key, by the order they arrive in). Used for React keys, selection and
   * dedup across pages, never an array index.
   */
  key: string;
  /** Nanoseconds since the epoch as a decimal string: a double cannot hold them exactly. */
  timeNs: string;
  /** Epoch ms (floor of timeNs / 1e6), for layout and sorting. */
  timeMs: number;
  stream: LogStream;
  /** The line verbatim. Rendered as text, always. */
  line: string;
  level: LogLevel;
  /**
   * Per-line key/values the server sent apart from the line: Loki structured metadata and parsed labels (with
   * `X-Loki-Response-Encoding-Flags: categorize-labels`), Elasticsearch's non-message fields (flattened,
   * ECS names kept: `trace.id`, `service.name`).
   */
  metadata?: Labels;
  /** Canonical (32-hex, lower case) trace ID when one was found (metadata, ECS, JSON/logfmt field, derived regex). */
  traceId?: string;
  spanId?: string;
}

/**
 * An opaque position to continue from, owned by the adapter that issued it (Loki: the boundary timestamp plus
 * the keys already seen at it; Elasticsearch: `search_after` values). Pages only hand it back.
 */
export type LogCursor = string;

export interface LogPage {
  /** In the order asked for (`backward`: newest first). */
  lines: LogLine[];
  warnings: string[];
  /** There may be more lines in the range past the last one: ask again with `cursor`. */
  hasMore: boolean;
  cursor?: LogCursor;
  /**
   * The most lines the server answers per request, when it is known (Loki's `max_entries_limit_per_query`, 5000
   * by default; Elasticsearch's `index.max_result_window`). The limit asked for was lowered to it if larger.
   */
  serverCap?: number;
  /**
   * How many lines the query matches in the whole range, when the server counts them (Elasticsearch
   * `hits.total`, for "500 of 12,345"); `exact: false` when it stopped counting ("more than 10,000").
   */
  total?: { count: number; exact: boolean };
}

/** Where a tail connection stands, for the "live" indicator. */
export type TailStatus =
  | { state: 'connecting' }
  | { state: 'live'; transport: 'websocket' | 'polling' }
  | { state: 'reconnecting'; attempt: number; retryInMs: number; reason: string }
  | { state: 'closed'; reason?: string };

export interface TailHandlers {
  /** New lines, oldest first. */
  onLines(lines: LogLine[]): void;
  /** Lines the server said it dropped (Loki's `dropped_entries`), as a count. */
  onDropped?(count: number): void;
  onStatus(status: TailStatus): void;
  /** An error that ends the subscription (bad query, 4xx). A dropped connection is a status, not an error. */
  onError(error: Error): void;
}

/** A live tail. `close()` is idempotent; after it no handler is called again. */
export interface TailSubscription {
  close(): void;
}
