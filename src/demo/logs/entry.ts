import type { Labels } from '../../model/series';

/** The log levels demo lines carry, as the `level` stream label and the line's own level field. */
export type DemoLevel = 'debug' | 'info' | 'warn' | 'error';
export const DEMO_LEVELS: readonly DemoLevel[] = ['debug', 'info', 'warn', 'error'];

/** The namespace every demo service runs in (the same as the spans' `service.namespace`). */
export const DEMO_NAMESPACE = 'watchfloor-demo';

/** One Loki stream of the demo: a service at a level. Every entry of the stream holds the same object. */
export interface DemoStream {
  /** `{level="info", namespace="…", service_name="…"}`: labels sorted, as Loki prints them. */
  key: string;
  labels: Labels;
  service: string;
  level: DemoLevel;
}

/** One log entry. Loki's ns timestamp is `timeUs` followed by three zeros: the demo's clock has µs. */
export interface DemoLogEntry {
  /** Epoch µs. */
  readonly timeUs: number;
  readonly stream: DemoStream;
  /** The text, written on first read: a count over a range never formats a line it does not filter on. */
  readonly line: string;
  /** Structured metadata (OTel-style `trace_id`, `span_id`) of a line written inside a request. */
  readonly traceId?: string;
  readonly spanId?: string;
}

/** An entry whose text is formatted when first read, then kept. */
export class LazyEntry implements DemoLogEntry {
  private text: string | undefined;
  constructor(
    readonly timeUs: number,
    readonly stream: DemoStream,
    private readonly write: () => string,
    readonly traceId?: string,
    readonly spanId?: string,
  ) {}
  get line(): string {
    this.text ??= this.write();
    return this.text;
  }
}

const streams = new Map<string, DemoStream>();

/** The stream of `service` at `level`, one object per pair (entries share it). */
export function streamOf(service: string, level: DemoLevel): DemoStream {
  const id = `${service}\u0000${level}`;
  let stream = streams.get(id);
  if (stream === undefined) {
    const labels: Labels = { level, namespace: DEMO_NAMESPACE, service_name: service };
    const key = `{${Object.entries(labels)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(', ')}}`;
    stream = { key, labels, service, level };
    streams.set(id, stream);
  }
  return stream;
}

/** Loki's ns timestamp string of an entry. */
export function entryNs(entry: DemoLogEntry): string {
  return `${entry.timeUs}000`;
}

/** Size of the line in UTF-8 bytes, as Loki counts for `bytes_over_time` and volume. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
